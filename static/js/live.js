/* A running live story: new updates appear without a reload.
 *
 * Polls the story's small update list every data-live-every seconds. It is a cached
 * page like any other: a new update changes the content version, so every reader gets
 * it on the next poll. Swaps the list in when it changed; stops when coverage ends, and
 * rests while the tab is hidden.
 */
(function () {
  "use strict";

  var section = document.querySelector("[data-live-url]");
  if (!section || !window.fetch || !window.DOMParser) {
    return;
  }
  var INTERVAL = (Number(section.getAttribute("data-live-every")) || 20) * 1000;
  var url = section.getAttribute("data-live-url");
  var status = section.querySelector("[data-live-status]");
  var lang = document.documentElement.lang || undefined;
  // Counts the template wrote the "N new updates" message for (data-live-added-N).
  var SAMPLE_COUNTS = [1, 2, 5, 1000000];
  var timer = null;
  var running = true;

  function updateIds(root) {
    return Array.prototype.map.call(root.querySelectorAll("[data-update-id]"), function (node) {
      return node.getAttribute("data-update-id");
    });
  }

  function say(text) {
    if (status) {
      status.textContent = text;
    }
  }

  // "3 new updates at 14:05. Newest first." in the page's language: the sample message
  // whose count has the same plural category (one, few, many…) as this count.
  function addedMessage(count) {
    var sample = count === 1 ? 1 : 5;
    if (window.Intl && Intl.PluralRules) {
      var rules = new Intl.PluralRules(lang);
      var category = rules.select(count);
      SAMPLE_COUNTS.some(function (candidate) {
        if (rules.select(candidate) !== category) return false;
        sample = candidate;
        return true;
      });
    }
    var time = new Date().toLocaleTimeString(lang, {
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    return (section.getAttribute("data-live-added-" + sample) || "")
      .replace("{n}", count.toLocaleString(lang))
      .replace("{time}", time);
  }

  function schedule() {
    clearTimeout(timer);
    if (running && !document.hidden) {
      timer = setTimeout(poll, INTERVAL);
    }
  }

  function swap(html) {
    var current = section.querySelector("[data-live-list]");
    var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("[data-live-list]");
    if (!current || !fresh) {
      return;
    }
    if (fresh.innerHTML !== current.innerHTML) {
      var seen = {};
      updateIds(current).forEach(function (id) { seen[id] = true; });
      var added = updateIds(fresh).filter(function (id) { return !seen[id]; }).length;
      current.replaceWith(document.importNode(fresh, true));
      if (added) {
        say(addedMessage(added));
      }
    }
    if (!fresh.hasAttribute("data-live-running")) {
      running = false;
      say(section.getAttribute("data-live-ended"));
    }
  }

  function poll() {
    fetch(url, { headers: { Accept: "text/html" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("live updates: " + response.status);
        }
        return response.text();
      })
      .then(swap)
      .catch(function () { /* the next poll tries again */ })
      .then(schedule);
  }

  document.addEventListener("visibilitychange", function () {
    if (document.hidden) {
      clearTimeout(timer);
    } else if (running) {
      poll();
    }
  });
  schedule();
})();
