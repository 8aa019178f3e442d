// "Copy link" under a story. The button is hidden until this script runs: without it
// there is nothing to press, and the address bar still holds the address.
(function () {
  "use strict";

  function showAddress(status, url) {
    // No clipboard (an insecure origin, an old browser, a refusal): the address
    // selected in a field, for the reader to copy by hand.
    status.textContent = "Copy this address: ";
    var field = document.createElement("input");
    field.type = "text";
    field.readOnly = true;
    field.value = url;
    field.className = "share__address";
    field.setAttribute("aria-label", "The story's address");
    status.appendChild(field);
    field.focus();
    field.select();
    try {
      if (document.execCommand("copy")) {
        status.textContent = "Link copied.";
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
            status.textContent = "Link copied.";
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
