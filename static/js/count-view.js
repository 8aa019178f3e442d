// Report one reader view after the page has loaded. Counting here rather than
// in the page's GET keeps article pages cacheable and ignores prefetches.
(function () {
  "use strict";
  var article = document.querySelector("[data-view-url]");
  if (!article || !navigator.sendBeacon) return;

  function send() {
    navigator.sendBeacon(article.getAttribute("data-view-url"));
  }

  if (document.prerendering) {
    document.addEventListener("prerenderingchange", send, { once: true });
  } else if (document.readyState === "complete") {
    send();
  } else {
    window.addEventListener("load", send, { once: true });
  }
})();
