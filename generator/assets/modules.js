/* Module index filters: profession, time and audience. Without this script every module is listed, grouped by
   profession. Filters can be linked to: /modules/?profession=podiatrist&duration=up-to-1-hour&audience=returner */
(function () {
  "use strict";
  var form = document.getElementById("module-filters");
  var count = document.getElementById("module-count");
  if (!form || !count) return;
  var groups = Array.prototype.slice.call(document.querySelectorAll("[data-group]"));
  var total = new Set(Array.prototype.map.call(document.querySelectorAll("[data-module]"), function (card) {
    return card.getAttribute("data-module");
  })).size;

  function value(name) {
    var field = form.elements[name];
    return field ? field.value : "";
  }
  function has(card, attribute, wanted) {
    return !wanted || card.getAttribute(attribute).split(" ").indexOf(wanted) !== -1;
  }

  function apply() {
    var profession = value("profession"), duration = value("duration"), audience = value("audience");
    var shown = new Set();
    groups.forEach(function (group) {
      var name = group.getAttribute("data-group");
      var groupFits = !profession || name === profession || name === "all";
      var visible = 0;
      Array.prototype.forEach.call(group.querySelectorAll("[data-module]"), function (card) {
        var fits = groupFits && has(card, "data-duration", duration) && has(card, "data-audience", audience);
        card.hidden = !fits;
        if (fits) { visible += 1; shown.add(card.getAttribute("data-module")); }
      });
      group.hidden = visible === 0;
    });
    var text = shown.size === total ? total + (total === 1 ? " module" : " modules") :
      shown.size === 0 ? "No modules match. Try fewer filters." : "Showing " + shown.size + " of " + total + " modules";
    if (count.textContent !== text) count.textContent = text;
    var query = new URLSearchParams();
    if (profession) query.set("profession", profession);
    if (duration) query.set("duration", duration);
    if (audience) query.set("audience", audience);
    var search = query.toString();
    history.replaceState(null, "", location.pathname + (search ? "?" + search : ""));
  }

  var start = new URLSearchParams(location.search);
  ["profession", "duration", "audience"].forEach(function (name) {
    var wanted = start.get(name);
    if (!wanted) return;
    var field = form.elements[name];
    if (field.tagName === "SELECT") {
      if (field.querySelector('option[value="' + CSS.escape(wanted) + '"]')) field.value = wanted;
    } else {
      Array.prototype.forEach.call(field, function (radio) { radio.checked = radio.value === wanted; });
    }
  });
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  var box = document.getElementById("module-filters-box");
  box.hidden = false;
  if (start.toString()) box.open = true;
  apply();
})();
