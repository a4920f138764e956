// Upload first: while the bill sent on the first page is being read, ask how far the reading is
// every two seconds; when it is done, reload the page (the form comes back filled in) unless the
// patient has started typing, then say so instead.
(function () {
  "use strict";
  var note = document.getElementById("bill-reading");
  if (!note || !window.fetch) { return; }
  var bar = document.getElementById("bill-reading-progress");
  var typed = false;
  document.addEventListener("input", function () { typed = true; });
  function ask() {
    fetch(note.getAttribute("data-status"), {credentials: "same-origin", headers: {"Accept": "application/json"}})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) {
        if (!s) { return; }
        if (bar && s.total) { bar.max = s.total; bar.value = s.done; }
        if (!s.reading) {
          if (typed) { note.textContent = note.getAttribute("data-done-text"); if (bar) { bar.value = bar.max; } }
          else { window.location.reload(); }
          return;
        }
        window.setTimeout(ask, 2000);
      })
      .catch(function () { window.setTimeout(ask, 5000); });
  }
  window.setTimeout(ask, 2000);
}());
