// The story form (templates/admin/articles/article/change_form.html): a headline kept on
// one line, the Schedule… panel, the one-click preview link with its Copy button,
// suggestions of existing tags while typing, and a byline kept in the order names were
// added. Without this script the form still saves; names and tags reach the page only
// through textContent and .value.
(function () {
  "use strict";

  function csrfToken() {
    var input = document.querySelector("#article_form input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  // A headline is one line that wraps: Enter moves on to the lead instead of breaking it,
  // a pasted line break becomes a space (the server does the same), and where CSS cannot
  // size the box to its text (field-sizing) it is sized here, so no word is hidden.
  function setUpHeadline(root) {
    var headline = root.querySelector("textarea.story-headline");
    if (!headline) return;
    var sizedByCSS = window.CSS && CSS.supports && CSS.supports("field-sizing", "content");
    var breaks = /\s*[\r\n]+\s*/g;

    function fit() {
      if (sizedByCSS) return;
      headline.style.height = "auto";
      var borders = headline.offsetHeight - headline.clientHeight;
      headline.style.height = headline.scrollHeight + borders + "px";
    }

    headline.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" || event.isComposing) return;
      event.preventDefault();
      var lead = document.getElementById("id_lead");
      if (lead) {
        lead.focus();
        lead.setSelectionRange(lead.value.length, lead.value.length);
      }
    });
    headline.addEventListener("input", function () {
      if (/[\r\n]/.test(headline.value)) {
        var caret = headline.value.slice(0, headline.selectionStart).replace(breaks, " ").length;
        headline.value = headline.value.replace(breaks, " ");
        headline.setSelectionRange(caret, caret);
      }
      fit();
    });
    window.addEventListener("resize", fit);
    fit();
  }

  function setUpSchedule(root) {
    root.querySelectorAll(".story-schedule-toggle").forEach(function (button) {
      var panel = document.getElementById(button.getAttribute("aria-controls"));
      if (!panel) return;
      button.addEventListener("click", function () {
        var opening = panel.hidden;
        panel.hidden = !opening;
        button.setAttribute("aria-expanded", String(opening));
        if (opening) {
          var input = panel.querySelector("input");
          if (input) input.focus();
        }
      });
    });
  }

  function setUpPreview(root) {
    var box = root.querySelector(".story-preview[data-create-url]");
    if (!box) return;
    var create = box.querySelector(".story-preview__create");
    var link = box.querySelector(".story-preview__link");
    var url = box.querySelector(".story-preview__url");
    var open = box.querySelector(".story-preview__open");
    var expires = box.querySelector(".story-preview__expires");
    var copy = box.querySelector(".story-preview__copy");
    var status = box.querySelector(".story-preview__status");

    function say(text) {
      status.textContent = text;
    }

    create.addEventListener("click", function () {
      create.disabled = true;
      say("");
      fetch(box.dataset.createUrl, {
        method: "POST",
        credentials: "same-origin",
        headers: { "X-CSRFToken": csrfToken(), Accept: "application/json" },
      })
        .then(function (response) {
          if (!response.ok) throw new Error(String(response.status));
          return response.json();
        })
        .then(function (data) {
          url.value = data.url;
          open.href = data.url;
          expires.textContent = data.expires;
          link.hidden = false;
          url.focus();
          url.select();
          say("Link ready: copy it and send it.");
        })
        .catch(function () {
          link.hidden = false;
          say("The link could not be made. Try again in a moment.");
        })
        .finally(function () {
          create.disabled = false;
        });
    });

    copy.addEventListener("click", function () {
      function selectIt() {
        url.focus();
        url.select();
        var copied = false;
        try {
          copied = document.execCommand("copy"); // older browsers, or no secure context
        } catch (error) {
          copied = false;
        }
        say(copied ? "Copied." : "Selected: press Ctrl+C (⌘C on a Mac) to copy.");
      }
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(url.value).then(function () {
          say("Copied.");
        }, selectIt);
      } else {
        selectIt();
      }
    });
  }

  // Taggit reads "a, b c" as two tags and a name with a comma only in double quotes.
  function tagPieces(value) {
    return value.split(",").map(function (piece) {
      return piece.trim().replace(/^"|"$/g, "");
    });
  }

  function quoted(name) {
    return /[,"]/.test(name) ? '"' + name.replace(/"/g, "") + '"' : name;
  }

  function setUpTags(root) {
    var input = root.querySelector("input.story-tags");
    var source = root.dataset.tagSuggestionsUrl;
    if (!input || !source) return;
    var list = document.createElement("ul");
    list.className = "story-tag-suggestions";
    list.id = input.id + "_suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggestions");
    list.hidden = true;
    input.parentNode.classList.add("story-tag-field");
    input.after(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");

    var timer = null;
    var active = -1;

    function typing() {
      var pieces = tagPieces(input.value);
      return pieces[pieces.length - 1];
    }

    function close() {
      list.hidden = true;
      list.replaceChildren();
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function choose(name) {
      var pieces = input.value.split(",");
      pieces[pieces.length - 1] = (pieces.length > 1 ? " " : "") + quoted(name);
      input.value = pieces.join(",") + ", ";
      close();
      input.focus();
      input.dispatchEvent(new Event("input", { bubbles: true })); // for the autosave
    }

    function highlight(index) {
      var items = list.querySelectorAll("li");
      if (!items.length) return;
      active = (index + items.length) % items.length;
      items.forEach(function (item, position) {
        item.setAttribute("aria-selected", String(position === active));
      });
      input.setAttribute("aria-activedescendant", items[active].id);
    }

    function show(names) {
      var taken = tagPieces(input.value)
        .slice(0, -1)
        .map(function (name) {
          return name.toLowerCase();
        });
      close();
      names
        .filter(function (name) {
          return taken.indexOf(name.toLowerCase()) === -1;
        })
        .forEach(function (name, index) {
          var item = document.createElement("li");
          item.id = list.id + "_" + index;
          item.setAttribute("role", "option");
          item.setAttribute("aria-selected", "false");
          item.textContent = name;
          // mousedown, not click: the field must not lose focus (and close the list) first.
          item.addEventListener("mousedown", function (event) {
            event.preventDefault();
            choose(name);
          });
          list.append(item);
        });
      if (list.children.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
    }

    function suggest() {
      var term = typing();
      if (!term) {
        close();
        return;
      }
      fetch(source + "?q=" + encodeURIComponent(term), {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      })
        .then(function (response) {
          return response.ok ? response.json() : { tags: [] };
        })
        .then(function (data) {
          if (typing() === term) show(data.tags || []);
        })
        .catch(close);
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(suggest, 150);
    });
    input.addEventListener("keydown", function (event) {
      if (list.hidden) return;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        highlight(active + (event.key === "ArrowDown" ? 1 : -1));
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault(); // picks the tag instead of saving the story
        choose(list.children[active].textContent);
      } else if (event.key === "Escape") {
        close();
      }
    });
    input.addEventListener("blur", close);
  }

  // Select2 keeps a chosen person where their <option> already was; moving it to the end
  // makes the byline read in the order the names were added, which is the order saved.
  function setUpByline() {
    var select = document.getElementById("id_byline");
    var jQuery = window.django && window.django.jQuery;
    if (!select || !jQuery) return;
    jQuery(select).on("select2:select", function (event) {
      var id = String(event.params.data.id);
      var option = Array.prototype.find.call(select.options, function (candidate) {
        return candidate.value === id;
      });
      if (option && option !== select.options[select.options.length - 1]) {
        select.appendChild(option);
        jQuery(select).trigger("change.select2");
      }
    });
  }

  function start() {
    var root = document.querySelector(".story-layout");
    if (!root || root.dataset.started) return;
    root.dataset.started = "true";
    setUpHeadline(root);
    setUpSchedule(root);
    setUpPreview(root);
    setUpTags(root);
    setUpByline();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
