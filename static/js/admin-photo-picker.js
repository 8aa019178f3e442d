// The photo picker (images/widgets.py, PhotoPickerWidget): choose a photo from the library
// by its thumbnail, or upload one with its credit, then click its subject, all without
// leaving the story. The hidden input keeps the photo's id; its data-card-url names the
// social crop once it is built, and every change of photo fires a bubbling "change" on it
// (the story form's social preview listens).
(function () {
  "use strict";

  var POLL_SECONDS = 3;
  var POLL_TIMES = 60; // three minutes: the worker is slow or stopped after that
  var SEARCH_DELAY = 300;
  var FOCAL_DELAY = 200; // arrow keys pressed in a row are saved once, at the last point

  function csrfToken() {
    // The form's token first: the cookie may be HttpOnly, or the token kept in the session.
    var field = document.querySelector('input[name="csrfmiddlewaretoken"]');
    if (field) return field.value;
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function post(url, body) {
    return fetch(url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken(), "X-Requested-With": "XMLHttpRequest" },
    });
  }

  // The answer's JSON, or {} when it has none (a proxy's error page, a login redirect).
  function json(response) {
    return response.json().catch(function () {
      return {};
    });
  }

  // An admin view answers a visitor whose session has ended with the login page, after a
  // redirect that fetch() follows quietly: that page is not the answer asked for.
  var SESSION_ENDED =
    "Your session has ended: log in again in another tab, then try again here. " +
    "Nothing on this page is lost.";

  function PhotoPicker(root) {
    var input = root.querySelector('input[type="hidden"]');
    var chosen = root.querySelector(".photo-picker__chosen");
    var none = root.querySelector(".photo-picker__none");
    var removeButton = root.querySelector(".photo-picker__remove");
    var chooseButton = root.querySelector(".photo-picker__open");
    var current = root.dataset.photo ? JSON.parse(root.dataset.photo) : null;
    var dialog = null;
    var parts = {};
    var libraryLoaded = false;
    var pollTimer = null;
    var focalRequest = 0;
    var focalTimer = null;
    var focalPending = null; // the point chosen, not sent yet
    var focalQueue = Promise.resolve(); // one save at a time, in order: the last one stays
    var localPreview = null;

    // --- the chosen photo, in the story form ---------------------------------------

    function render(photo) {
      chosen.hidden = !photo;
      none.hidden = !!photo;
      removeButton.hidden = !photo;
      if (!photo) return;
      var image = chosen.querySelector(".photo-picker__image");
      image.src = photo.preview;
      image.alt = photo.alt;
      chosen.classList.toggle("is-expired", !photo.usable);
      chosen.querySelector(".photo-picker__caption").textContent = photo.caption;
      chosen.querySelector(".photo-picker__credit").textContent = photo.credit;
      var rights = chosen.querySelector(".photo-picker__rights");
      rights.textContent = photo.rights;
      rights.hidden = !photo.rights;
      chosen.querySelector(".photo-picker__processing-note").hidden = !photo.processing;
      chosen.querySelector(".photo-picker__edit").href = photo.change_url;
    }

    function choose(photo) {
      var before = input.value + "|" + (input.dataset.cardUrl || "");
      current = photo;
      input.value = photo ? photo.id : "";
      if (photo && photo.card_url) input.dataset.cardUrl = photo.card_url;
      else delete input.dataset.cardUrl;
      render(photo);
      markChosen();
      if (before !== input.value + "|" + (input.dataset.cardUrl || "")) {
        input.dispatchEvent(new Event("change", { bubbles: true }));
      }
      watch(photo);
    }

    // A photo just uploaded (or given a new focal point) has no crops until the worker
    // builds them: ask again now and then, and show them once they exist.
    function watch(photo) {
      clearTimeout(pollTimer);
      if (!photo || !photo.processing) return;
      var times = 0;
      function ask() {
        if (!current || current.id !== photo.id || ++times > POLL_TIMES) return;
        fetch(photo.status_url, { credentials: "same-origin" })
          .then(function (response) {
            return response.ok && !response.redirected ? response.json() : null;
          })
          .then(function (data) {
            if (!data || !current || current.id !== photo.id) return;
            if (data.photo.processing) pollTimer = setTimeout(ask, POLL_SECONDS * 1000);
            else choose(data.photo);
          })
          .catch(function () {
            pollTimer = setTimeout(ask, POLL_SECONDS * 1000);
          });
      }
      pollTimer = setTimeout(ask, POLL_SECONDS * 1000);
    }

    // --- the dialog --------------------------------------------------------------------

    function buildDialog() {
      // At the end of the page, outside the story's form: the upload has its own form.
      dialog = root.querySelector(".photo-picker__dialog-template").content.firstElementChild;
      dialog = document.importNode(dialog, true);
      document.body.appendChild(dialog);
      [
        "results",
        "search",
        "upload",
        "focal",
        "notice",
        "form-errors",
        "local-preview",
        "focal-status",
      ].forEach(function (name) {
        parts[name] = dialog.querySelector(".photo-picker__" + name);
      });
      parts.query = parts.search.querySelector('input[type="search"]');
      parts.file = parts.upload.querySelector('input[type="file"]');
      parts.altText = parts.upload.querySelector('[name$="-alt_text"]');
      parts.uploadStatus = parts.upload.querySelector(".photo-picker__status");
      parts.submit = parts.upload.querySelector('button[type="submit"]');
      parts.focalPicker = window.attachFocalPicker(
        parts.focal.querySelector(".focal-picker"),
        saveFocalPoint
      );

      dialog.querySelector(".photo-picker__close").addEventListener("click", close);
      dialog.querySelector(".photo-picker__done").addEventListener("click", close);
      // However it closes (Done, Enter, Escape, ×): a point still waiting is saved, and
      // the focus goes back to the story form.
      dialog.addEventListener("close", function () {
        sendFocalPoint();
        chooseButton.focus();
      });
      // "Done" is the focal step's default: Enter closes the dialog, the point is saved.
      parts.focal.addEventListener("keydown", function (event) {
        if (event.key !== "Enter" || event.target.closest("button, a, input, select")) return;
        event.preventDefault();
        close();
      });
      // A click on the backdrop (the dialog element itself, outside its content) closes it.
      dialog.addEventListener("click", function (event) {
        if (event.target === dialog) close();
      });
      dialog.querySelectorAll(".photo-picker__tab").forEach(function (tab) {
        tab.addEventListener("click", function () {
          showTab(tab.dataset.tab);
        });
      });

      var searchTimer = null;
      parts.search.addEventListener("submit", function (event) {
        event.preventDefault();
        clearTimeout(searchTimer);
        loadLibrary(1);
      });
      parts.query.addEventListener("input", function () {
        clearTimeout(searchTimer);
        searchTimer = setTimeout(function () {
          loadLibrary(1);
        }, SEARCH_DELAY);
      });
      parts.results.addEventListener("click", function (event) {
        var pick = event.target.closest(".photo-picker__pick");
        if (pick && !pick.disabled) {
          choose(JSON.parse(pick.dataset.photo));
          close();
          return;
        }
        var more = event.target.closest(".photo-picker__load-more");
        if (more) {
          more.disabled = true;
          loadLibrary(parseInt(more.dataset.page, 10));
        }
      });

      // A file chosen: the words come next, typed at once and Tabbed through.
      parts.file.addEventListener("change", function () {
        showLocalPreview();
        if (parts.file.files.length && parts.altText) parts.altText.focus();
      });
      // Enter in a one-line box uploads (the upload is a form of its own, outside the
      // story's); a list does not submit by itself, so Enter on it is made to.
      parts.upload.addEventListener("keydown", function (event) {
        if (event.key !== "Enter" || event.target.tagName !== "SELECT") return;
        event.preventDefault();
        if (!parts.submit.disabled) parts.upload.requestSubmit(parts.submit);
      });
      parts.upload.addEventListener("submit", function (event) {
        event.preventDefault();
        if (!parts.submit.disabled) upload(); // not twice while one is on its way
      });
    }

    function open(tab) {
      if (!dialog) buildDialog();
      showTab(tab);
      if (!dialog.open) dialog.showModal();
      if (tab === "library") parts.query.focus();
      else if (!parts.upload.hidden) parts.file.focus();
    }

    function close() {
      if (dialog && dialog.open) dialog.close(); // its "close" event does the rest
      else chooseButton.focus();
    }

    function showTab(tab) {
      dialog.querySelectorAll(".photo-picker__tab").forEach(function (button) {
        button.setAttribute("aria-selected", String(button.dataset.tab === tab));
      });
      dialog.querySelectorAll(".photo-picker__panel").forEach(function (panel) {
        panel.hidden = panel.dataset.panel !== tab;
      });
      if (tab === "library" && !libraryLoaded) loadLibrary(1);
      // Back to the upload after a finished one: a fresh, empty form.
      if (tab === "upload" && !parts.focal.hidden) resetUpload();
    }

    // --- the library -----------------------------------------------------------------

    function loadLibrary(page) {
      var url = new URL(root.dataset.pickerUrl, window.location.href);
      url.searchParams.set("q", parts.query.value.trim());
      url.searchParams.set("page", String(page));
      var wanted = url.toString();
      parts.results.dataset.wanted = wanted;
      parts.results.setAttribute("aria-busy", "true");
      fetch(wanted, { credentials: "same-origin", headers: { "X-Requested-With": "XMLHttpRequest" } })
        .then(function (response) {
          if (response.redirected) throw new Error(SESSION_ENDED);
          if (!response.ok) throw new Error("");
          return response.text();
        })
        .then(function (html) {
          if (parts.results.dataset.wanted !== wanted) return; // a newer search is on its way
          libraryLoaded = true;
          var grid = parts.results.querySelector(".photo-picker__grid");
          if (page === 1) {
            parts.results.innerHTML = html; // our own view's template: escaped there
          } else {
            var incoming = document.createElement("template");
            incoming.innerHTML = html;
            incoming.content.querySelectorAll(".photo-picker__item").forEach(function (item) {
              grid.appendChild(item);
            });
            parts.results
              .querySelector(".photo-picker__more")
              .replaceWith(incoming.content.querySelector(".photo-picker__more"));
          }
          markChosen();
        })
        .catch(function (error) {
          parts.results.textContent =
            error.message ||
            "The photo library could not be loaded. Check your connection, then search again.";
        })
        .finally(function () {
          parts.results.setAttribute("aria-busy", "false");
        });
    }

    // The photo in use stands out in the grid.
    function markChosen() {
      if (!dialog) return;
      parts.results.querySelectorAll(".photo-picker__pick").forEach(function (pick) {
        var isChosen = !!current && JSON.parse(pick.dataset.photo).id === current.id;
        pick.classList.toggle("is-chosen", isChosen);
        if (isChosen) pick.setAttribute("aria-current", "true");
        else pick.removeAttribute("aria-current");
      });
    }

    // --- upload ----------------------------------------------------------------------

    function showLocalPreview() {
      var preview = parts["local-preview"];
      if (localPreview) URL.revokeObjectURL(localPreview);
      localPreview = null;
      var file = parts.file.files[0];
      preview.hidden = !file || !/^image\//.test(file.type);
      if (!preview.hidden) {
        localPreview = URL.createObjectURL(file);
        preview.src = localPreview;
      }
    }

    function clearErrors() {
      parts["form-errors"].hidden = true;
      parts["form-errors"].textContent = "";
      parts.upload.querySelectorAll(".photo-picker__field").forEach(function (field) {
        field.classList.remove("errors");
        var list = field.querySelector(".errorlist");
        list.hidden = true;
        list.textContent = "";
      });
    }

    function showErrors(errors) {
      var first = null;
      Object.keys(errors).forEach(function (name) {
        var messages = errors[name].map(function (error) {
          return error.message;
        });
        var field = parts.upload.querySelector('.photo-picker__field[data-field="' + name + '"]');
        if (!field) {
          parts["form-errors"].textContent = messages.join(" ");
          parts["form-errors"].hidden = false;
          return;
        }
        field.classList.add("errors");
        var list = field.querySelector(".errorlist");
        messages.forEach(function (message) {
          var item = document.createElement("li");
          item.textContent = message;
          list.appendChild(item);
        });
        list.hidden = false;
        first = first || field.querySelector("input, textarea, select");
      });
      if (first) first.focus();
    }

    function upload() {
      clearErrors();
      parts.submit.disabled = true;
      parts.uploadStatus.textContent = "Uploading…";
      post(root.dataset.uploadUrl, new FormData(parts.upload))
        .then(function (response) {
          return json(response).then(function (data) {
            if (response.redirected) {
              parts.uploadStatus.textContent = SESSION_ENDED;
            } else if (response.status === 201 && data.photo) {
              uploaded(data);
            } else if (response.status === 400 && data.errors) {
              parts.uploadStatus.textContent = "Nothing was saved: correct what is marked.";
              showErrors(data.errors);
            } else if (response.status === 403) {
              parts.uploadStatus.textContent =
                "The upload was refused: you may not add photos, or the page is too old. " +
                "Reload the page and try again, or ask an editor.";
            } else {
              parts.uploadStatus.textContent =
                "The upload failed (" + response.status + "); nothing was saved. Try again.";
            }
          });
        })
        .catch(function () {
          parts.uploadStatus.textContent =
            "The upload did not reach the server; nothing was saved. Check your connection and try again.";
        })
        .finally(function () {
          parts.submit.disabled = false;
        });
    }

    function uploaded(data) {
      choose(data.photo);
      libraryLoaded = false; // the library has one more photo
      parts.uploadStatus.textContent = "";
      parts.upload.hidden = true;
      parts.focal.hidden = false;
      parts.notice.textContent = data.notice || "";
      parts.notice.hidden = !data.notice;
      parts["focal-status"].textContent = "";
      var original = parts.focal.querySelector(".focal-picker img");
      original.src = data.photo.original;
      parts.focal.querySelectorAll(".photo-picker__crop img").forEach(function (crop) {
        crop.src = data.photo.original;
      });
      parts.focalPicker.set(data.photo.focal_x, data.photo.focal_y);
      var point = [data.photo.focal_x, data.photo.focal_y];
      showCrops(point[0], point[1]);
      original.addEventListener(
        "load",
        function () {
          showCrops(point[0], point[1]);
        },
        { once: true }
      );
      parts.focal.querySelector(".focal-picker").focus();
    }

    function resetUpload() {
      parts.upload.reset();
      clearErrors();
      showLocalPreview();
      parts.uploadStatus.textContent = "";
      parts.upload.hidden = false;
      parts.focal.hidden = true;
    }

    // Each crop as the renditions will cut it (images/renditions.py, crop_box): the largest
    // box of its shape, centred on the point as far as the photo's edges allow.
    function showCrops(x, y) {
      var photo = parts.focal.querySelector(".focal-picker img");
      var width = photo.naturalWidth;
      var height = photo.naturalHeight;
      if (!width || !height) return;
      parts.focal.querySelectorAll(".photo-picker__crop").forEach(function (crop) {
        var ratio = parseFloat(crop.dataset.ratio);
        var across = 50;
        var down = 50;
        if (width / height > ratio) {
          var cropWidth = height * ratio;
          var left = Math.min(Math.max(x * width - cropWidth / 2, 0), width - cropWidth);
          across = width > cropWidth ? (left / (width - cropWidth)) * 100 : 50;
        } else {
          var cropHeight = width / ratio;
          var top = Math.min(Math.max(y * height - cropHeight / 2, 0), height - cropHeight);
          down = height > cropHeight ? (top / (height - cropHeight)) * 100 : 50;
        }
        crop.querySelector("img").style.objectPosition = across + "% " + down + "%";
      });
    }

    function saveFocalPoint(x, y) {
      if (!current) return;
      showCrops(x, y);
      parts["focal-status"].textContent = "Saving the focal point…";
      focalPending = { photo: current, x: x, y: y };
      clearTimeout(focalTimer);
      focalTimer = setTimeout(sendFocalPoint, FOCAL_DELAY);
    }

    // Sends the point waiting, if any, after the saves already on their way: requests
    // sent side by side could be stored in any order, and an earlier point win.
    function sendFocalPoint() {
      clearTimeout(focalTimer);
      var pending = focalPending;
      if (!pending) return;
      focalPending = null;
      var request = ++focalRequest;
      var status = parts["focal-status"];
      var body = new FormData();
      body.append("focal_x", pending.x.toFixed(3));
      body.append("focal_y", pending.y.toFixed(3));
      focalQueue = focalQueue.then(function () {
        return post(pending.photo.focal_url, body)
          .then(function (response) {
            return json(response).then(function (data) {
              if (request !== focalRequest || focalPending) return; // a later point follows
              if (response.redirected) {
                status.textContent = SESSION_ENDED;
              } else if (response.ok && data.photo) {
                status.textContent =
                  "Focal point saved. Click or use the arrow keys to move it; Enter or Done closes.";
                if (current && current.id === data.photo.id) choose(data.photo);
              } else {
                status.textContent =
                  data.error || "The focal point was not saved (" + response.status + ").";
              }
            });
          })
          .catch(function () {
            if (request === focalRequest) {
              status.textContent = "The focal point did not reach the server. Click again.";
            }
          });
      });
    }

    root.querySelectorAll(".photo-picker__open").forEach(function (button) {
      button.addEventListener("click", function () {
        open(button.dataset.tab);
      });
    });
    removeButton.addEventListener("click", function () {
      choose(null);
      chooseButton.focus();
    });
    watch(current);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".photo-picker").forEach(PhotoPicker);
  });
})();
