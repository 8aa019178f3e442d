// "Copy link" under a story. The button is hidden until this script runs: without it
// there is nothing to press, and the address bar still holds the address.
(function () {
  "use strict";

  // The words, in the page's language, come from the template (data-share-* on the section).
  function say(status, name) {
    return status.closest(".share").getAttribute("data-share-" + name) || "";
  }

  function showAddress(status, url) {
    // No clipboard (an insecure origin, an old browser, a refusal): the address
    // selected in a field, for the reader to copy by hand.
    status.textContent = say(status, "copy-by-hand") + " ";
    var field = document.createElement("input");
    field.type = "text";
    field.readOnly = true;
    field.value = url;
    field.className = "share__address";
    field.setAttribute("aria-label", say(status, "address-label"));
    status.appendChild(field);
    field.focus();
    field.select();
    try {
      if (document.execCommand("copy")) {
        status.textContent = say(status, "copied");
      }
    } catch (error) {
      // The field stays for the reader to copy.
    }
  }

  document.querySelectorAll("[data-share-copy]").forEach(function (button) {
    var section = button.closest(".share");
    var status = section.querySelector("[data-share-status]");
    var url = button.getAttribute("data-share-copy");
    button.closest("[data-share-copy-item]").hidden = false;
    button.addEventListener("click", function () {
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(url).then(
          function () {
            status.textContent = say(status, "copied");
          },
          function () {
            showAddress(status, url);
          }
        );
      } else {
        showAddress(status, url);
      }
    });
  });
})();
