// Writing aids on the story form (templates/admin/articles/article/writing_aids.html):
// word count and reading time, a copy of the typing kept in this browser, and the story
// as a search result and a social card. Text typed by editors is only ever set with
// textContent or .value: a headline such as <img onerror=…> stays text.
(function () {
  "use strict";

  var WORDS_PER_MINUTE = 230;
  var SAVE_EVERY_MS = 2000;
  var TITLE_LIMIT = 70; // about what a search result shows of a title
  var DESCRIPTION_LIMIT = 160; // about what a search result or a card shows of a description
  var FIELDS = ["headline", "lead", "body", "tags"];
  var LABELS = { headline: "headline", lead: "lead", body: "text", tags: "tags" };
  var BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, br, hr, div, td, th";

  function length(text) {
    return Array.from(text).length; // characters as people count them, not UTF-16 units
  }

  function cut(text, limit) {
    var chars = Array.from(text);
    if (chars.length <= limit) return text;
    var kept = chars.slice(0, limit - 1).join("");
    var space = kept.lastIndexOf(" ");
    return (space > limit * 0.6 ? kept.slice(0, space) : kept).replace(/[\s,;:.—–-]+$/, "") + "…";
  }

  // The text of the body's HTML with a space at each block's edge, so "<p>a</p><p>b</p>"
  // counts two words and "<b>wo</b>rd" one. DOMParser builds an inert document: nothing
  // in it loads or runs.
  function plainText(html) {
    var doc = new DOMParser().parseFromString(html || "", "text/html");
    doc.body.querySelectorAll(BLOCKS).forEach(function (element) {
      element.before(" ");
      element.after(" ");
    });
    return doc.body.textContent;
  }

  function countWords(html) {
    return plainText(html)
      .split(/\s+/)
      .filter(function (word) {
        return /[\p{L}\p{N}]/u.test(word); // a dash or a bullet alone is not a word
      }).length;
  }

  function plural(count, one, many) {
    return count.toLocaleString("en") + " " + (count === 1 ? one : many);
  }

  function clock(date) {
    var lang = document.documentElement.lang || undefined;
    var time = date.toLocaleTimeString(lang, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    if (date.toDateString() === new Date().toDateString()) return time;
    return date.toLocaleDateString(lang, { day: "numeric", month: "short" }) + ", " + time;
  }

  function slugify(text) {
    return text
      .normalize("NFKC")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .trim()
      .replace(/[\s_-]+/g, "-")
      .slice(0, 200);
  }

  function tagSet(text) {
    return (text || "")
      .split(",")
      .map(function (tag) { return tag.trim().replace(/^"|"$/g, "").toLowerCase(); })
      .filter(Boolean)
      .sort()
      .join(",");
  }

  function emit(element, names) {
    names.forEach(function (name) {
      element.dispatchEvent(new Event(name, { bubbles: true }));
    });
  }

  function init(root) {
    var form = root.closest("form");
    var headline = document.getElementById("id_headline");
    var lead = document.getElementById("id_lead");
    var body = document.getElementById("id_body");
    var tags = document.getElementById("id_tags");
    var version = document.getElementById("id_version");
    var section = document.getElementById("id_section");
    var language = document.getElementById("id_language");
    var slug = document.getElementById("id_slug");
    var photo = document.getElementById("id_main_image");
    var editor = null; // the prose editor (TipTap), once it has started

    var count = root.querySelector(".writing-aids__count");
    var words = root.querySelector(".writing-aids__words");
    var saved = root.querySelector(".writing-aids__saved");
    var offer = root.querySelector(".writing-aids__restore");
    var warnings = root.querySelector(".writing-aids__warnings");
    var media = root.querySelector(".card__media");

    var isAdd = !root.dataset.storyId;
    var key = "newsroom:story-copy:" + root.dataset.user + ":" + location.pathname;
    var dirty = false;
    var timer = null;
    var offered = null; // the copy waiting for Restore / Discard: not overwritten meanwhile
    var base = null; // what the form showed when this typing began; set once the editor runs

    var sectionSlugs = {};
    root.querySelectorAll(".writing-aids__sections data").forEach(function (item) {
      sectionSlugs[item.value] = item.textContent;
    });
    // Each edition's start of an address: "/" for the default one, "/ru/" for Russian.
    var editionPrefixes = {};
    root.querySelectorAll(".writing-aids__editions data").forEach(function (item) {
      editionPrefixes[item.value] = item.textContent;
    });

    // The word count sits under the writing area; the offer to restore above the form.
    if (body) (body.closest(".prose-editor") || body).after(count);
    if (form) form.prepend(offer);

    // --- the local copy --------------------------------------------------------------

    function bodyHTML() {
      if (!body) return "";
      if (!editor) return body.value;
      var html = editor.getHTML();
      return /^<(\w+)(\s[^>]*)?><\/\1>$/i.test(html) ? "" : html; // an empty paragraph is ""
    }

    function snapshot() {
      return {
        headline: headline ? headline.value : "",
        lead: lead ? lead.value : "",
        body: bodyHTML(),
        tags: tags ? tags.value : "",
      };
    }

    // The fields the copy changed (from what the form showed when the typing began) that
    // the form does not show now. A field the editor left alone is not brought back: after
    // a colleague's save it would overwrite their newer words.
    function differences(copy, shown) {
      var same = {
        headline: function (a, b) { return a.trim() === b.trim(); },
        lead: function (a, b) { return a.trim() === b.trim(); },
        body: function (a, b) { return a === b; },
        tags: function (a, b) { return tagSet(a) === tagSet(b); },
      };
      return FIELDS.filter(function (name) {
        if (name === "tags" && !tags) return false;
        var kept = copy.fields[name] || "";
        var changed = !copy.base || !same[name](kept, copy.base[name] || "");
        return changed && !same[name](kept, shown[name]);
      });
    }

    function read() {
      try {
        var copy = JSON.parse(localStorage.getItem(key));
        return copy && copy.fields ? copy : null;
      } catch (error) {
        return null;
      }
    }

    function write(copy) {
      try {
        localStorage.setItem(key, JSON.stringify(copy));
        return true;
      } catch (error) {
        saved.textContent = "This browser keeps no copy of your typing (its storage is off or full).";
        return false;
      }
    }

    function forget() {
      try {
        localStorage.removeItem(key);
      } catch (error) {
        /* storage is off: there is nothing to forget */
      }
    }

    function save(submitted) {
      clearTimeout(timer);
      timer = null;
      if (!base) {
        // The stored copy is not read yet (the editor is starting): do not overwrite it.
        timer = setTimeout(save, SAVE_EVERY_MS);
        return;
      }
      if (offered) return; // keep the offered copy until the editor decides
      if (!dirty && !submitted) return;
      var now = new Date();
      var copy = {
        savedAt: now.getTime(),
        version: version ? version.value : null,
        submitted: Boolean(submitted),
        base: base,
        fields: snapshot(),
      };
      if (write(copy)) saved.textContent = "· copy kept in this browser at " + clock(now);
    }

    function typed() {
      dirty = true;
      if (!timer) timer = setTimeout(save, SAVE_EVERY_MS);
    }

    function hasErrors() {
      if (!form) return false;
      if (form.querySelector(".errornote")) return true;
      return Array.prototype.some.call(form.querySelectorAll(".errorlist"), function (list) {
        return !list.closest("dialog"); // a photo dialog's own errors are not the story's
      });
    }

    function restore(copy, names) {
      var inputs = { headline: headline, lead: lead, tags: tags };
      names.forEach(function (name) {
        var value = copy.fields[name] || "";
        if (name === "body") {
          if (editor) {
            editor.commands.setContent(value);
            body.value = bodyHTML(); // the hidden textarea is what the form sends
          } else {
            body.value = value;
          }
          emit(body, ["input"]);
        } else if (inputs[name]) {
          inputs[name].value = value;
          emit(inputs[name], ["input", "change"]); // the slug and tag widgets follow
        }
      });
      update();
    }

    function showOffer(copy, names) {
      offered = { copy: copy, names: names };
      var what = names
        .map(function (name) { return LABELS[name]; })
        .join(", ")
        .replace(/, ([^,]*)$/, " and $1");
      offer.querySelector(".writing-aids__restore-text").textContent =
        "An unsaved copy from " + clock(new Date(copy.savedAt)) + " is kept in this browser " +
        "(its " + what + " differ" + (names.length === 1 ? "s" : "") + " from the form below).";
      offer.hidden = false;
      // A reload puts the page back where it was scrolled, maybe far below the form's top,
      // and does so as late as the load event: bring the offer into view after that.
      var show = function () { offer.scrollIntoView({ block: "nearest" }); };
      if (document.readyState === "complete") show();
      else window.addEventListener("load", function () { setTimeout(show, 0); }, { once: true });
    }

    offer.addEventListener("click", function (event) {
      var action = event.target.closest("[data-action]");
      if (!action || !offered) return;
      var copy = offered.copy;
      var names = offered.names;
      offered = null;
      offer.hidden = true;
      if (action.dataset.action === "restore") {
        base = copy.base || base; // still unsaved: measured from where the typing began
        restore(copy, names);
        dirty = true;
        save(false);
        (editor ? editor.view.dom : headline || body).focus();
      } else {
        forget();
        saved.textContent = "";
        if (dirty) save(false); // typing done while the offer waited is kept from now on
      }
    });

    // What the last page said about the copy: a refused save keeps it (and may offer it),
    // a save that went through (the story's version moved on) retires it.
    function checkCopy() {
      var shown = snapshot();
      base = shown;
      var copy = read();
      if (!copy) return;
      var refused = hasErrors();
      if (copy.submitted && !refused) {
        var moved = version && Number(version.value) > Number(copy.version);
        if (isAdd || moved) {
          forget(); // a new story is created by its first save; a saved story's version grows
          return;
        }
      }
      if (copy.submitted) {
        copy.submitted = false;
        write(copy);
      }
      // A refused save re-shows what was sent, still unsaved: the typing began before it.
      if (refused) base = copy.base || shown;
      var names = differences(copy, shown);
      if (names.length) {
        showOffer(copy, names);
      } else if (refused) {
        dirty = true; // keep the copy: the form's text is nowhere else yet
      } else {
        forget(); // the form already shows all of it
      }
    }

    // --- the count and the previews ---------------------------------------------------

    function storyPath() {
      var sectionSlug = (section && sectionSlugs[section.value]) || root.dataset.sectionSlug || "section";
      var typed = slug ? slug.value.trim() : "";
      // A story never published follows its headline while its slug is the stored one
      // (ArticleForm.slug_follows_headline): a translation starts with its source's.
      if (root.dataset.slugFollows && typed === root.dataset.slug) typed = "";
      var storySlug = typed || slugify(headline ? headline.value : "") ||
        root.dataset.slug || "article";
      var prefix = (language && editionPrefixes[language.value]) || root.dataset.prefix || "/";
      return prefix + sectionSlug + "/" + (root.dataset.storyId || "…") + "-" + storySlug + "/";
    }

    function photoState() {
      if (!photo) return { state: root.dataset.photoState };
      if (!photo.value) return { state: "none" };
      var current = photo.value === root.dataset.photoId;
      if (current && root.dataset.photoState === "expired") return { state: "expired" };
      if (photo.dataset.cardUrl) return { state: "ready", url: photo.dataset.cardUrl };
      // The page's own photo keeps the state the server printed; a newly chosen one
      // without a card yet has its crops still being made.
      return { state: current ? root.dataset.photoState : "processing" };
    }

    var shownPhoto = null;
    function showPhoto(chosen) {
      var id = chosen.state + "|" + (chosen.url || "");
      if (id === shownPhoto) return;
      shownPhoto = id;
      // Without an address, "ready" is the server's <picture> of the page's own photo.
      var ready = chosen.state === "ready" && Boolean(chosen.url || media.querySelector("img"));
      if (chosen.url) {
        var img = document.createElement("img");
        img.src = chosen.url;
        img.alt = "";
        media.replaceChildren(img);
      } else if (!ready) {
        var note = document.createElement("span");
        note.textContent = chosen.state === "processing" ? "Photo being prepared…" : "No photo";
        media.replaceChildren(note);
      }
      media.classList.toggle("card__media--empty", !ready);
    }

    function warn(list, text) {
      var item = document.createElement("li");
      item.textContent = text;
      list.push(item);
    }

    function update() {
      // From the editor itself once it runs: its hidden textarea follows a moment later,
      // and a count taken from it could miss the last words typed.
      var html = editor && editor.getHTML ? editor.getHTML() : body ? body.value : "";
      var total = countWords(html);
      words.textContent = plural(total, "word", "words") + " · " +
        Math.max(1, Math.ceil(total / WORDS_PER_MINUTE)) + " min read";

      var title = headline ? headline.value.trim() : "";
      var description = lead ? lead.value.trim().replace(/\s+/g, " ") : "";
      var siteName = root.dataset.siteName;
      root.querySelector(".serp__path").textContent = storyPath();
      root.querySelector(".serp__title").textContent =
        cut((title || "Headline") + " — " + siteName, TITLE_LIMIT);
      root.querySelector(".serp__description").textContent =
        cut(description, DESCRIPTION_LIMIT) || "No lead yet.";
      root.querySelector(".card__title").textContent = title || "Headline";
      root.querySelector(".card__description").textContent = cut(description, DESCRIPTION_LIMIT);

      var chosen = photoState();
      showPhoto(chosen);

      var items = [];
      if (length(title) > TITLE_LIMIT) {
        warn(items, "The headline has " + length(title) + " characters: search results show " +
          "about " + TITLE_LIMIT + ", so its end will be cut off.");
      }
      if (!description) {
        warn(items, "No lead: search engines will pick a description from the text.");
      } else if (length(description) > DESCRIPTION_LIMIT) {
        warn(items, "The lead has " + length(description) + " characters: search results " +
          "and cards show about " + DESCRIPTION_LIMIT + " as the description.");
      }
      if (chosen.state === "none") {
        warn(items, "No photo: the social card will have no picture. Choose a main photo.");
      } else if (chosen.state === "expired") {
        warn(items, "Our right to use the photo has ended: the card will have no picture.");
      } else if (chosen.state === "processing") {
        warn(items, "The photo's crops are still being made: the card shows it once they are ready.");
      }
      warnings.replaceChildren.apply(warnings, items);
      warnings.hidden = !items.length;
    }

    // --- wiring -------------------------------------------------------------------------

    [headline, lead, body, tags].forEach(function (field) {
      if (!field) return;
      field.addEventListener("input", function () {
        update();
        typed();
      });
    });
    // The admin fills the slug from the headline on keyup, after the input event.
    if (headline) headline.addEventListener("keyup", update);
    [section, slug].forEach(function (field) {
      if (field) field.addEventListener("input", update);
    });
    [section, language, slug, photo].forEach(function (field) {
      if (field) field.addEventListener("change", update);
    });
    if (form) {
      form.addEventListener("submit", function (event) {
        if (event.target === form && (dirty || read())) save(true);
      });
    }
    // The last keystrokes before the tab closes or the browser puts it away.
    window.addEventListener("pagehide", function () {
      if (timer) save(false);
    });
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden" && timer) save(false);
    });

    update();
    whenEditorReady(body, function (started) {
      editor = started;
      if (editor && editor.on) editor.on("update", update);
      update();
      checkCopy(); // compared with what the editor shows, in the editor's own HTML
    });
  }

  // The prose editor starts asynchronously (a module that imports its extensions): wait
  // for it, so a restore reaches what the editor shows and not only its hidden textarea.
  function whenEditorReady(body, ready) {
    if (!body) return ready(null);
    var done = false;
    var tries = 0;
    function finish(editor) {
      if (done) return;
      done = true;
      ready(editor);
    }
    function look() {
      var wrapper = body.closest(".prose-editor");
      var view = wrapper && wrapper.querySelector(".ProseMirror[contenteditable]");
      if (view && view.editor) return finish(view.editor);
      if (++tries > 100) return finish(null); // 10 s: the editor failed; use the textarea
      setTimeout(look, 100);
    }
    document.addEventListener("prose-editor:ready", function (event) {
      if (event.detail && event.detail.textarea === body) finish(event.detail.editor);
    });
    look();
  }

  function start() {
    document.querySelectorAll(".writing-aids").forEach(function (root) {
      if (root.dataset.started) return; // loaded twice: start once
      root.dataset.started = "true";
      init(root);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
