// Report one reader view after the page has loaded. Counting here rather than
// in the page's GET keeps article pages cacheable and ignores prefetches.
(function () {
  "use strict";
  var article = document.querySelector("[data-view-url]");
  if (!article || !navigator.sendBeacon) return;
  var url = article.getAttribute("data-view-url");

  function send() {
    // A reload or a return by the back button is not another reader.
    try {
      if (sessionStorage.getItem(url)) return;
      sessionStorage.setItem(url, "1");
    } catch (storageBlocked) {
      // Counting without de-duplication beats not counting.
    }
    // A POST from the page itself: the browser adds Origin (and Referer), which the
    // server checks to count only views from its own pages.
    navigator.sendBeacon(url);
  }

  if (document.prerendering) {
    document.addEventListener("prerenderingchange", send, { once: true });
  } else if (document.readyState === "complete") {
    send();
  } else {
    window.addEventListener("load", send, { once: true });
  }
})();
