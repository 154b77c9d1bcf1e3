/* Calendar filter: progressive enhancement for /calendar/. Without JavaScript the per-profession and
   per-audience pages do the same job. No network requests, no storage. */
(function () {
  "use strict";
  var form = document.getElementById("calendar-filter");
  var count = document.getElementById("calendar-count");
  if (!form || !count) { return; }
  var profession = form.elements.profession;
  var audience = form.elements.audience;
  var items = document.querySelectorAll("#calendar-months .ahp-cal__item");
  var months = document.querySelectorAll("#calendar-months .ahp-cal__month");

  function has(list, value) { return (" " + list + " ").indexOf(" " + value + " ") !== -1; }

  function apply() {
    var p = profession.value, a = audience.value, shown = 0, i;
    for (i = 0; i < items.length; i++) {
      var item = items[i], ps = item.getAttribute("data-profession");
      var ok = (!p || has(ps, p) || has(ps, "all")) && (!a || has(item.getAttribute("data-audience"), a));
      item.hidden = !ok;
      if (ok) { shown++; }
    }
    for (i = 0; i < months.length; i++) {
      months[i].hidden = !months[i].querySelector(".ahp-cal__item:not([hidden])");
    }
    count.textContent = shown === 1 ? "1 date" : shown + " dates";
    var query = new URLSearchParams();
    if (p) { query.set("profession", p); }
    if (a) { query.set("audience", a); }
    var search = query.toString();
    history.replaceState(null, "", search ? "?" + search : location.pathname);
  }

  var start = new URLSearchParams(location.search);
  [[profession, "profession"], [audience, "audience"]].forEach(function (pair) {
    var wanted = start.get(pair[1]);
    if (wanted && pair[0].querySelector('option[value="' + CSS.escape(wanted) + '"]')) { pair[0].value = wanted; }
  });
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.hidden = false;
  if (profession.value || audience.value) { apply(); }
})();
