// The header on a phone (templates/base.html, the "Header" part of css/site.css):
// the search icon opens the search field in place instead of leaving for the search page,
// and the section bar shows that it scrolls and where the reader is in it.
(function () {
  "use strict";
  var header = document.querySelector(".site-header");
  if (!header) return;

  // ---- Search behind an icon ----------------------------------------------------------
  var toggle = header.querySelector("[data-search-toggle]");
  var form = document.getElementById(toggle ? toggle.getAttribute("aria-controls") : "");
  if (toggle && form) {
    var field = form.querySelector("input[type=search]");
    // It is a link to /search/ until now: from here on it opens and closes the field.
    toggle.setAttribute("role", "button");
    toggle.setAttribute("aria-expanded", "false");

    var setOpen = function (open) {
      header.classList.toggle("site-header--searching", open);
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      if (open) field.focus();
    };

    toggle.addEventListener("click", function (event) {
      event.preventDefault();
      setOpen(!header.classList.contains("site-header--searching"));
    });
    // A role=button answers the space bar as a button does.
    toggle.addEventListener("keydown", function (event) {
      if (event.key !== " ") return;
      event.preventDefault();
      toggle.click();
    });
    form.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || !header.classList.contains("site-header--searching")) return;
      setOpen(false);
      toggle.focus();
    });
  }

  // ---- The section bar ----------------------------------------------------------------
  var nav = header.querySelector("[data-section-nav]");
  var list = nav && nav.querySelector("ul");
  if (!list) return;

  // Fades at the edges that have more sections behind them (css: .section-nav--more-*).
  var showEdges = function () {
    var overflow = list.scrollWidth - list.clientWidth;
    nav.classList.toggle("section-nav--scrolls", overflow > 1);
    nav.classList.toggle("section-nav--more-before", list.scrollLeft > 1);
    nav.classList.toggle("section-nav--more-after", list.scrollLeft < overflow - 1);
  };

  // The current section (or the article's) in view, near the middle; the page itself
  // does not move (scrollIntoView would scroll it down to the bar too). Again once the
  // web fonts are in: they are wider than the fallback the first layout used.
  var current = list.querySelector("[aria-current]");
  var showCurrent = function () {
    if (!current || list.scrollWidth <= list.clientWidth) return;
    var item = current.parentElement;
    list.scrollLeft = Math.max(
      0,
      item.offsetLeft - list.offsetLeft - (list.clientWidth - item.offsetWidth) / 2
    );
    showEdges();
  };
  showCurrent();
  if (document.fonts) document.fonts.ready.then(showCurrent);
  showEdges();
  list.addEventListener("scroll", showEdges, { passive: true });
  window.addEventListener("resize", showEdges);
})();
