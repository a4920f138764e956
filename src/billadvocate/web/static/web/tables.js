// On a phone every table becomes stacked rows (style.css); this names each cell with its column's
// heading so a stacked row still reads "Date: 2026-03-02". Without script the rows still stack.
document.querySelectorAll("table").forEach(function (table) {
  var heads = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
    return th.textContent.trim();
  });
  table.querySelectorAll("tbody tr").forEach(function (row) {
    Array.prototype.forEach.call(row.children, function (cell, i) {
      if (heads[i] && !cell.hasAttribute("data-label") && !cell.hasAttribute("colspan")) {
        cell.setAttribute("data-label", heads[i]);
      }
    });
  });
});

// The results page's plan: each step folds its reason and its letter under its title, so the whole
// plan and what is owed fit the first screen of a phone; on a wider screen the first step opens.
if (window.matchMedia && window.matchMedia("(min-width: 40rem)").matches) {
  document.querySelectorAll(".plan-steps details.first").forEach(function (d) { d.open = true; });
}

// The results page while a photo of a bill is still being read: ask again every two seconds (the
// server waits a few seconds for the reading each time), so the results show by themselves.
if (document.getElementById("case-reading")) {
  window.setTimeout(function () { window.location.reload(); }, 2000);
}
