/* Explore filters: hide the cards that do not match. The state lives in the address (?audience=returner&kind=story),
   so a link shows a friend the same list and Back undoes a tap. Nothing is fetched, stored or sent. Within one
   group any chosen value matches; across groups all must match. Without this script every card stays listed. */
(function () {
  "use strict";
  var form = document.getElementById("explore-filters");
  var list = document.getElementById("explore-cards");
  if (!form || !list || !window.history || !window.URLSearchParams) return;
  var KEYS = ["audience", "kind", "profession", "format", "duration", "care"];
  var count = document.getElementById("explore-count");
  var empty = document.getElementById("explore-empty");
  var suggest = document.getElementById("explore-suggest");
  var search = document.getElementById("explore-q");
  var chips = [].slice.call(form.querySelectorAll(".ahp-chip"));
  var chosen = [].slice.call(form.querySelectorAll("[data-chosen]"));
  var cards = [].slice.call(list.children).map(function (el) {
    var c = { el: el, shown: true, text: null };  // shown: whether it matches; el.hidden catches up in flush()
    KEYS.forEach(function (k) { c[k] = (el.getAttribute("data-" + k) || "").split(" "); });
    return c;
  });
  var state = blank(), pending = [], frame = 0;
  var BATCH = 60;  // cards shown or hidden per frame: the browser lays out a few at a time, never 1,000 at once

  function blank() {
    var s = { q: "" };
    KEYS.forEach(function (k) { s[k] = []; });
    return s;
  }

  function chipFor(group, value) {
    for (var i = 0; i < chips.length; i++) {
      if (chips[i].getAttribute("data-group") === group && chips[i].getAttribute("data-value") === value) return chips[i];
    }
    return null;
  }

  function fromAddress() {
    var params = new URLSearchParams(location.search), s = blank();
    s.q = (params.get("q") || "").trim();
    KEYS.forEach(function (k) {
      params.getAll(k).join(",").split(",").forEach(function (v) {
        if (v && s[k].indexOf(v) < 0 && chipFor(k, v)) s[k].push(v);  // values with no chip are ignored
      });
    });
    return s;
  }

  function toAddress(s) {
    var parts = [];
    KEYS.forEach(function (k) { if (s[k].length) parts.push(k + "=" + s[k].map(encodeURIComponent).join(",")); });
    if (s.q) parts.push("q=" + encodeURIComponent(s.q));
    return parts.length ? "?" + parts.join("&") : location.pathname;
  }

  function copy(s) {
    var t = { q: s.q };
    KEYS.forEach(function (k) { t[k] = s[k].slice(); });
    return t;
  }

  function matches(c, s) {
    for (var i = 0; i < KEYS.length; i++) {
      var want = s[KEYS[i]], have = c[KEYS[i]], ok = !want.length;
      for (var j = 0; j < want.length && !ok; j++) ok = have.indexOf(want[j]) >= 0;
      if (!ok && KEYS[i] === "profession") ok = have.indexOf("all") >= 0;  // entries about every profession
      if (!ok) return false;
    }
    if (!s.q) return true;
    if (c.text === null) c.text = c.el.textContent.toLowerCase();
    var words = s.q.toLowerCase().split(/\s+/);
    for (var w = 0; w < words.length; w++) if (c.text.indexOf(words[w]) < 0) return false;
    return true;
  }

  function tally(s) {
    var n = 0;
    for (var i = 0; i < cards.length; i++) if (matches(cards[i], s)) n++;
    return n;
  }

  function suggestions(s) {
    suggest.textContent = "";
    var options = [];
    KEYS.forEach(function (k) {
      s[k].forEach(function (v) { var t = copy(s); t[k].splice(t[k].indexOf(v), 1); options.push([chipFor(k, v).textContent, t]); });
    });
    if (s.q) { var t = copy(s); t.q = ""; options.push(["the search words", t]); }
    options.forEach(function (o) {
      var n = tally(o[1]);
      if (!n) return;
      var li = document.createElement("li"), b = document.createElement("button");
      b.type = "button";
      b.className = "ahp-chip";
      b.textContent = "Take away " + o[0] + " (" + n + " to see)";
      b.addEventListener("click", function () { go(o[1], true); count.focus(); });
      li.appendChild(b);
      suggest.appendChild(li);
    });
  }

  function flush() {
    frame = 0;
    pending.splice(0, BATCH).forEach(function (c) { c.el.hidden = !c.shown; });
    if (pending.length) frame = requestAnimationFrame(flush);
  }

  function show(s) {
    state = s;
    var n = 0;
    pending = [];
    for (var i = 0; i < cards.length; i++) {
      var c = cards[i];
      c.shown = matches(c, s);
      if (c.shown) n++;
      if (c.shown === c.el.hidden) pending.push(c);  // in page order, so the top of the list changes first
    }
    if (frame) cancelAnimationFrame(frame);
    flush();
    chips.forEach(function (b) {
      b.setAttribute("aria-pressed", String(s[b.getAttribute("data-group")].indexOf(b.getAttribute("data-value")) >= 0));
    });
    chosen.forEach(function (el) {
      var k = s[el.getAttribute("data-chosen")].length;
      el.textContent = k ? "(" + k + " chosen)" : "";
    });
    if (search.value.trim() !== s.q) search.value = s.q;
    count.textContent = n + " of " + cards.length + " shown";
    empty.hidden = n > 0;
    if (!n) suggestions(s);
  }

  function go(s, push) {
    show(s);
    history[push ? "pushState" : "replaceState"](null, "", toAddress(s));
  }

  form.addEventListener("click", function (event) {
    var chip = event.target.closest(".ahp-chip");
    if (chip) {
      var s = copy(state), k = chip.getAttribute("data-group"), v = chip.getAttribute("data-value"), at = s[k].indexOf(v);
      if (at < 0) s[k].push(v); else s[k].splice(at, 1);
      go(s, true);
    } else if (event.target.id === "explore-clear") {
      go(blank(), true);
    }
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  search.addEventListener("input", function () {
    var s = copy(state);
    s.q = search.value.trim();
    if (s.q !== state.q) go(s, false);  // typing replaces the address instead of filling the history
  });
  window.addEventListener("popstate", function () { show(fromAddress()); });

  form.hidden = false;
  var start = fromAddress();
  if (location.search) show(start); else state = start;
})();
