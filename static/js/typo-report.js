// Reader typo reports: select a mistake in the article and press Ctrl+Enter (or use the
// "Report a typo" button), add an optional comment, send. No account, no page reload.
// The dialog is templates/typos/dialog.html; the endpoint is typos.views.report.
(function () {
  "use strict";
  var dialog = document.getElementById("typo-dialog");
  var articleBody = document.querySelector(".article__body");
  // Without a native <dialog> or fetch, the hint stays hidden rather than offering a dead button.
  if (!dialog || !articleBody || typeof dialog.showModal !== "function" || !window.fetch) return;

  var CONTEXT_CHARS = 120;
  var form = dialog.querySelector("form");
  var quoteField = dialog.querySelector("[data-typo-quote]");
  var quote = quoteField.querySelector("blockquote");
  var manualField = dialog.querySelector("[data-typo-manual]");
  var manualText = manualField.querySelector("textarea");
  var comment = form.elements.comment;
  var status = dialog.querySelector("[data-typo-status]");
  var sendButton = form.querySelector("[type=submit]");
  var thanks = dialog.querySelector("[data-typo-thanks]");
  var maxSelection = Number(manualText.getAttribute("maxlength"));
  // The messages, in the page's language: the template puts them on the dialog (data-typo-*).
  var say = function (name) { return dialog.getAttribute("data-typo-" + name) || ""; };
  var selected = null; // {text, before, after} of the selection being reported
  var returnFocus = null;

  function collapseSpaces(text) {
    return text.replace(/\s+/g, " ");
  }

  // A range's text as a reader sees it: Range.toString() runs paragraphs together.
  function readableText(range) {
    var fragment = range.cloneContents();
    fragment.querySelectorAll("p, h2, h3, h4, li, blockquote, figcaption, br").forEach(
      function (block) { block.after(" "); }
    );
    return collapseSpaces(fragment.textContent);
  }

  // The reader's selection when it lies in the article's text, with some text either side.
  function selectionInArticle() {
    var selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    var range = selection.getRangeAt(0);
    if (!articleBody.contains(range.commonAncestorContainer)) return null;
    var text = collapseSpaces(selection.toString()).trim();
    if (!text) return null;
    var before = document.createRange();
    before.setStart(articleBody, 0);
    before.setEnd(range.startContainer, range.startOffset);
    var after = document.createRange();
    after.setStart(range.endContainer, range.endOffset);
    after.setEnd(articleBody, articleBody.childNodes.length);
    var found = { text: text, before: readableText(before), after: readableText(after) };
    // Cut to whole words when the context is cut at all.
    found.cutBefore = found.before.length > CONTEXT_CHARS;
    if (found.cutBefore) found.before = found.before.slice(-CONTEXT_CHARS).replace(/^\S*\s/, "");
    found.cutAfter = found.after.length > CONTEXT_CHARS;
    if (found.cutAfter) found.after = found.after.slice(0, CONTEXT_CHARS).replace(/\s\S*$/, "");
    return found;
  }

  function setStatus(message, isError) {
    status.textContent = message;
    status.classList.toggle("typo-dialog__status--error", Boolean(isError));
  }

  function showQuote(found) {
    var mark = document.createElement("mark");
    mark.textContent = found.text;
    quote.replaceChildren(
      (found.cutBefore ? "…" : "") + found.before.trimStart(),
      mark,
      found.after.trimEnd() + (found.cutAfter ? "…" : "")
    );
  }

  function open(found) {
    selected = found;
    returnFocus = document.activeElement;
    form.reset();
    form.hidden = false;
    thanks.hidden = true;
    sendButton.disabled = false;
    setStatus("");
    quoteField.hidden = !found;
    manualField.hidden = Boolean(found);
    manualText.required = !found;
    if (found) {
      showQuote(found);
      if (found.text.length > maxSelection) {
        setStatus(say("too-long"), true);
        sendButton.disabled = true;
      }
    }
    dialog.showModal();
    (found ? comment : manualText).focus();
  }

  function showThanks() {
    form.hidden = true;
    thanks.hidden = false;
    thanks.querySelector("p").focus();
  }

  function send() {
    var text = selected ? selected.text : collapseSpaces(manualText.value).trim();
    if (!text) {
      setStatus(say("empty"), true);
      manualText.focus();
      return;
    }
    var report = {
      article: Number(dialog.getAttribute("data-article-id")),
      selected_text: text,
      context: selected ? (selected.before + selected.text + selected.after).trim() : "",
      comment: comment.value.trim(),
      // Without the query string and fragment: no tracking parameters are stored.
      page_url: location.origin + location.pathname,
    };
    sendButton.disabled = true;
    setStatus(say("sending"));
    fetch(dialog.getAttribute("data-url"), {
      method: "POST",
      // The server's own messages (a refusal, a limit reached) in the page's language.
      headers: {
        "Content-Type": "application/json",
        Accept: "application/json",
        "Accept-Language": document.documentElement.lang || "",
      },
      body: JSON.stringify(report),
      credentials: "same-origin",
    })
      .then(function (response) {
        return response.json().then(
          function (answer) { return { ok: response.ok, error: answer.error }; },
          function () { return { ok: response.ok }; }
        );
      })
      .then(function (answer) {
        if (answer.ok) {
          showThanks();
          return;
        }
        setStatus(answer.error || say("failed"), true);
        sendButton.disabled = false;
      })
      .catch(function () {
        setStatus(say("offline"), true);
        sendButton.disabled = false;
      });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    send();
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) return;
    if (dialog.open) {
      // Ctrl+Enter again sends, as it does in many comment boxes.
      if (!form.hidden && !sendButton.disabled) {
        event.preventDefault();
        form.requestSubmit ? form.requestSubmit() : sendButton.click();
      }
      return;
    }
    var found = selectionInArticle();
    if (!found) return;
    event.preventDefault();
    open(found);
  });

  // A tap on the button can clear the selection before the click arrives, so it is
  // read when the pointer goes down; a keyboard press reads it at the click.
  var pressedWith = null;
  document.querySelectorAll("[data-typo-open]").forEach(function (button) {
    button.addEventListener("pointerdown", function () {
      pressedWith = selectionInArticle();
    });
    button.addEventListener("click", function () {
      var found = pressedWith || selectionInArticle();
      pressedWith = null;
      open(found);
    });
  });

  dialog.querySelectorAll("[data-typo-close]").forEach(function (button) {
    button.addEventListener("click", function () {
      dialog.close();
    });
  });

  // A click on the backdrop lands on the <dialog> itself (its content is the inner box).
  // Both ends of the click must be there: a drag that selects text in a box and ends
  // outside it must not close the dialog and lose the comment.
  var pressedOnBackdrop = false;
  dialog.addEventListener("pointerdown", function (event) {
    pressedOnBackdrop = event.target === dialog;
  });
  dialog.addEventListener("click", function (event) {
    if (pressedOnBackdrop && event.target === dialog) dialog.close();
    pressedOnBackdrop = false;
  });

  dialog.addEventListener("close", function () {
    if (returnFocus && returnFocus.isConnected && returnFocus.focus) returnFocus.focus();
    returnFocus = null;
  });

  document.querySelectorAll("[data-typo-hint]").forEach(function (hint) {
    hint.hidden = false;
  });
})();
