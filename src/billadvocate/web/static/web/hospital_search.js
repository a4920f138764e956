// As the patient types the hospital's name, offer the hospitals of the CMS list that match
// (GET data-hospital-search?q=...), and on a pick fill in its CMS number (CCN) and say what its
// ownership means; the review then reads the rest from the list. Without this script the form works as is.
(function () {
  "use strict";
  var form = document.querySelector("form[data-hospital-search]");
  if (!form) return;
  var name = form.querySelector("#id_provider_name");
  var ccn = form.querySelector("#id_provider_ccn");
  var kind = form.querySelector("#id_provider_kind");
  if (!name || !ccn) return;
  var list = document.createElement("datalist");
  list.id = "hospital-choices";
  form.appendChild(list);
  name.setAttribute("list", list.id);
  name.setAttribute("autocomplete", "off");
  var status = document.createElement("p");
  status.className = "helptext";
  status.setAttribute("aria-live", "polite");
  name.insertAdjacentElement("afterend", status);
  var found = {}, timer = null, asked = "";

  function label(h) {
    var owner = h.nonprofit === true ? "nonprofit" : h.nonprofit === false ? "for-profit" : (h.ownership || "");
    return h.city + ", " + h.state + " - " + owner + " - CCN " + h.ccn;
  }

  function search() {
    var q = name.value.trim();
    if (q.length < 3 || q === asked) return;
    asked = q;
    var url = form.getAttribute("data-hospital-search") + "?q=" + encodeURIComponent(q) +
      "&state=" + encodeURIComponent(form.getAttribute("data-state") || "");
    fetch(url, {credentials: "same-origin", headers: {"Accept": "application/json"}})
      .then(function (r) { return r.ok ? r.json() : {hospitals: []}; })
      .then(function (data) {
        list.textContent = "";
        found = {};
        data.hospitals.forEach(function (h) {
          var o = document.createElement("option");
          o.value = h.name;
          o.label = label(h);
          o.textContent = label(h);
          list.appendChild(o);
          if (!(h.name in found)) found[h.name] = h;
        });
      })
      .catch(function () {});
  }

  function picked() {
    var h = found[name.value];
    if (!h) return;
    ccn.value = h.ccn;
    if (kind) kind.value = "hospital";
    status.textContent = h.name + " (" + h.city + ", " + h.state + "): " + h.nonprofit_reason + ".";
  }

  name.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(search, 250);
    picked();
  });
  name.addEventListener("change", picked);
})();
