/* Filters for the ambassadors and stories lists, and print buttons. Progressive enhancement: without this script
   every card is listed and the browser's own Print works. A card passes a filter when its data-<name> attribute is
   missing (the filter does not apply to it), lists the chosen value or "all", or, for fields marked
   data-match="max", holds a number no larger than the chosen one. The chosen filters are kept in the URL query. */
(function () {
  "use strict";

  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });

  document.querySelectorAll("form[data-filters]").forEach(function (form) {
    var names = form.getAttribute("data-filters").split(" ");
    var fields = Array.prototype.slice.call(form.elements).filter(function (el) { return el.name; });
    var keys = fields.map(function (el) { return el.name; }).filter(function (n, i, all) { return all.indexOf(n) === i; });

    function chosen() {
      var values = {};
      keys.forEach(function (key) {
        var el = form.elements[key];
        values[key] = el && el.value !== undefined ? el.value : "";
      });
      return values;
    }

    function isMax(key) {
      var el = form.querySelector("[name='" + key + "']");
      var box = el && el.closest("[data-match]");
      return box && box.getAttribute("data-match") === "max";
    }

    function passes(card, values) {
      return keys.every(function (key) {
        var want = values[key];
        var have = card.getAttribute("data-" + key);
        if (!want || have === null) return true;
        if (isMax(key)) return Number(have) <= Number(want);
        var tokens = have.split(" ");
        return tokens.indexOf(want) !== -1 || tokens.indexOf("all") !== -1;
      });
    }

    function apply(updateUrl) {
      var values = chosen();
      names.forEach(function (name) {
        var list = document.querySelector("[data-filter-list='" + name + "']");
        var count = document.querySelector("[data-filter-count='" + name + "']");
        var empty = document.querySelector("[data-filter-empty='" + name + "']");
        var cards = list ? list.children : [];
        var shown = 0;
        Array.prototype.forEach.call(cards, function (card) {
          var ok = passes(card, values);
          card.hidden = !ok;
          if (ok) shown += 1;
        });
        if (count) count.textContent = shown + " of " + cards.length + " " + count.getAttribute("data-noun");
        if (empty) empty.hidden = shown !== 0 || cards.length === 0;
      });
      if (updateUrl) {
        var query = new URLSearchParams();
        keys.forEach(function (key) { if (values[key]) query.set(key, values[key]); });
        var text = query.toString();
        history.replaceState(null, "", location.pathname + (text ? "?" + text : "") + location.hash);
      }
    }

    var query = new URLSearchParams(location.search);
    keys.forEach(function (key) {
      var value = query.get(key);
      if (value === null) return;
      var el = form.elements[key];
      if (el && Array.prototype.some.call(el.options || el, function (o) { return o.value === value; })) el.value = value;
    });
    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    var reset = form.querySelector("[data-filter-reset]");
    if (reset) reset.addEventListener("click", function () { form.reset(); apply(true); });
    form.hidden = false;
    apply(false);
  });
})();
