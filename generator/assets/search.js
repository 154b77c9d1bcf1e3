/* Site search, on /search/ only. The address holds the search (?q=feet&kind=profession,story), so a
   result list can be shared and Back goes to the previous one. Pagefind (pagefind/pagefind.js and the index chunks
   it asks for) is loaded only once the reader has searched or focused the field here; no other page loads any of
   it. Results show a title, the kind and one line of context; the count is announced to screen readers. If a
   word is unknown but one letter away from a word of a profession's name or search words, the corrected words
   are searched too and listed first (Pagefind matches beginnings of words, not typos). Nothing is stored or sent
   anywhere else. */
(function () {
  "use strict";
  var page = document.getElementById("ahp-search");
  if (!page || !window.history || !window.URLSearchParams || !window.Promise || !window.URL) return;
  var KEYS = ["kind", "audience", "profession"];
  var SVG = "http://www.w3.org/2000/svg";
  var PAGE_SIZE = 6;  // results whose text is fetched at a time: each costs one request of 1 to 4 KB
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-q");
  var filters = document.getElementById("search-filters");
  var status = document.getElementById("search-status");
  var empty = document.getElementById("search-empty");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var chips = [].slice.call(filters.querySelectorAll(".ahp-chip"));
  var chosen = [].slice.call(filters.querySelectorAll("[data-chosen]"));
  var words = JSON.parse(document.getElementById("search-words").textContent || "[]");
  var root = new URL(page.getAttribute("data-root") || "./", location.href);
  var engine = null;  // a promise of the Pagefind module, once asked for
  var state = blank(), found = [], next = 0, run = 0, summary = "";

  function blank() {
    var s = { q: "" };
    KEYS.forEach(function (k) { s[k] = []; });
    return s;
  }

  function copy(s) {
    var t = { q: s.q };
    KEYS.forEach(function (k) { t[k] = s[k].slice(); });
    return t;
  }

  function hasChip(group, value) {
    return chips.some(function (b) { return b.getAttribute("data-group") === group && b.getAttribute("data-value") === value; });
  }

  function fromAddress() {
    var params = new URLSearchParams(location.search), s = blank();
    s.q = (params.get("q") || "").trim();
    KEYS.forEach(function (k) {
      params.getAll(k).join(",").split(",").forEach(function (v) {
        if (v && s[k].indexOf(v) < 0 && hasChip(k, v)) s[k].push(v);  // values with no chip are ignored
      });
    });
    return s;
  }

  function toAddress(s) {
    var parts = s.q ? ["q=" + encodeURIComponent(s.q)] : [];
    KEYS.forEach(function (k) { if (s[k].length) parts.push(k + "=" + s[k].map(encodeURIComponent).join(",")); });
    return parts.length ? "?" + parts.join("&") : location.pathname;
  }

  function filtered(s) {
    return KEYS.some(function (k) { return s[k].length > 0; });
  }

  function load() {
    if (!engine) {
      engine = import(new URL("pagefind/pagefind.js", root).href).then(function (pagefind) {
        // A match in a profession's name or search words counts a little more than one in a page title (5,
        // Pagefind's default): "paramedic" finds the job before International Paramedics Day, "foot" the
        // podiatrist before Foot Health Week, and "foot health" still the week first.
        var ranking = { metaWeights: { title: 5, job: 6, search_words: 6 } };
        // noWorker: search in this page, not in a web worker: one download fewer (12 KB), and for this site's
        // index the search itself takes milliseconds.
        var options = { baseUrl: root.pathname, excerptLength: 16, ranking: ranking, noWorker: true };
        return pagefind.options(options).then(function () { return pagefind; });
      });
      engine.catch(function () { engine = null; });  // a later search tries again
    }
    return engine;
  }

  /* --- one-letter typos: optimal string alignment distance against the profession words ------------------- */

  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var rows = [], i, j;
    for (i = 0; i <= a.length; i++) { rows.push([i]); }
    for (j = 1; j <= b.length; j++) rows[0][j] = j;
    for (i = 1; i <= a.length; i++) {
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
        rows[i][j] = d;
      }
    }
    return rows[a.length][b.length];
  }

  function correct(q) {
    var changed = false;
    var out = q.toLowerCase().split(/\s+/).map(function (w) {
      if (w.length < 4 || words.some(function (known) { return known.indexOf(w) === 0 || w.indexOf(known) === 0; })) return w;
      var limit = w.length >= 8 ? 2 : 1, best = null, bestDistance = limit + 1;
      words.forEach(function (known) {
        var d = distance(w, known, limit);
        if (d < bestDistance) { best = known; bestDistance = d; }
      });
      if (!best) return w;
      changed = true;
      return best;
    });
    return changed ? out.join(" ") : null;
  }

  /* --- showing results ---------------------------------------------------------------------------------- */

  function quoted(text) { return "\u201c" + text + "\u201d"; }

  function excerpt(html) {
    // Pagefind escapes the page text and adds <mark>; keep only text and <mark> anyway, built as DOM nodes.
    var holder = document.createElement("template"), out = document.createDocumentFragment();
    holder.innerHTML = html || "";
    [].forEach.call(holder.content.childNodes, function (node) {
      if (node.nodeType === 1 && node.tagName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  function item(data) {
    var li = document.createElement("li"), meta = data.meta || {};
    li.className = "ahp-result";
    if (meta.pictogram && /^[A-Za-z0-9., -]+$/.test(meta.pictogram)) {  // SVG path data, drawn inline
      var svg = document.createElementNS(SVG, "svg"), path = document.createElementNS(SVG, "path");
      svg.setAttribute("class", "ahp-pictogram ahp-result__pictogram");
      svg.setAttribute("viewBox", "0 0 24 24");
      svg.setAttribute("aria-hidden", "true");
      svg.setAttribute("focusable", "false");
      path.setAttribute("d", meta.pictogram);
      svg.appendChild(path);
      li.appendChild(svg);
    }
    var heading = document.createElement("h2"), link = document.createElement("a");
    heading.className = "ahp-result__title";
    link.href = data.url;
    link.textContent = meta.title || data.url;
    heading.appendChild(link);
    li.appendChild(heading);
    if (meta.kind) {
      var kind = document.createElement("p");
      kind.className = "ahp-result__kind";
      kind.textContent = meta.kind;
      li.appendChild(kind);
    }
    var context = document.createElement("p");
    context.className = "ahp-result__context";
    context.appendChild(excerpt(data.excerpt));
    li.appendChild(context);
    return li;
  }

  function counted() {
    var shown = Math.min(next, found.length);
    return summary + (shown < found.length ? " Showing the first " + shown + "." : "");
  }

  function showNext(id, focusFirst) {
    var slice = found.slice(next, next + PAGE_SIZE);
    return Promise.all(slice.map(function (r) { return r.data(); })).then(function (data) {
      if (id !== run) return;
      var first = null;
      data.forEach(function (d) {
        var li = item(d);
        list.appendChild(li);
        first = first || li.querySelector("a");
      });
      next += slice.length;
      more.hidden = next >= found.length;
      more.textContent = "Show more results (" + (found.length - next) + " more)";
      status.textContent = counted();
      if (focusFirst && first) first.focus();
    });
  }

  function describe(s, count, fixed, before) {
    var what = s.q ? " for " + quoted(s.q) : "";
    var also = filtered(s) ? " with the filters you chose" : "";
    var n = count === 1 ? "1 result" : count + " results";
    if (fixed) {
      return (before ? "" : "No results" + what + ". ") + "Showing results for " + quoted(fixed) +
        (before ? " as well as " + quoted(s.q) : "") + also + ": " + n + ".";
    }
    return (count ? n : "No results") + what + also + ".";
  }

  function chipsFor(s) {
    chips.forEach(function (b) {
      b.setAttribute("aria-pressed", String(s[b.getAttribute("data-group")].indexOf(b.getAttribute("data-value")) >= 0));
    });
    chosen.forEach(function (el) {
      var k = s[el.getAttribute("data-chosen")].length;
      el.textContent = k ? "(" + k + " chosen)" : "";
      if (k) el.closest("details").open = true;  // a shared link shows its filters
    });
  }

  function unavailable() {
    document.getElementById("search-unavailable").hidden = false;
    filters.hidden = true;
    status.textContent = "";
  }

  function search(s) {
    var id = ++run;
    state = s;
    chipsFor(s);
    if (input.value.trim() !== s.q) input.value = s.q;
    list.textContent = "";
    more.hidden = true;
    empty.hidden = true;
    found = [];
    next = 0;
    if (!s.q && !filtered(s)) { status.textContent = ""; return Promise.resolve(); }
    status.textContent = "Searching\u2026";
    var options = { filters: {} };
    KEYS.forEach(function (k) { if (s[k].length) options.filters[k] = { any: s[k] }; });
    return load().then(function (pagefind) {
      return pagefind.search(s.q || null, options).then(function (first) {
        var fixed = s.q ? correct(s.q) : null;
        if (!fixed) return { results: first.results };
        return pagefind.search(fixed, options).then(function (second) {
          var seen = {};
          second.results.forEach(function (r) { seen[r.id] = true; });
          var rest = first.results.filter(function (r) { return !seen[r.id]; });
          return second.results.length ? { results: second.results.concat(rest), fixed: fixed, before: first.results.length }
            : { results: first.results };
        });
      });
    }).then(function (outcome) {
      if (id !== run) return null;
      found = outcome.results;
      summary = describe(s, found.length, outcome.fixed, outcome.before);
      empty.hidden = found.length > 0;
      if (!found.length) { status.textContent = summary; return null; }
      return showNext(id, false);
    }, function () {
      if (id === run) unavailable();
    });
  }

  function go(s) {
    history.pushState(null, "", toAddress(s));
    return search(s);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var s = copy(state);
    s.q = input.value.trim().replace(/\s+/g, " ");
    go(s);
  });
  filters.addEventListener("click", function (event) {
    var chip = event.target.closest(".ahp-chip");
    if (!chip) return;
    var s = copy(state), k = chip.getAttribute("data-group"), v = chip.getAttribute("data-value"), at = s[k].indexOf(v);
    if (at < 0) s[k].push(v); else s[k].splice(at, 1);
    go(s);
  });
  more.addEventListener("click", function () { showNext(run, true); });
  window.addEventListener("popstate", function () { search(fromAddress()); });

  document.getElementById("search-nojs").hidden = true;
  filters.hidden = false;
  var start = fromAddress();
  if (start.q || filtered(start)) search(start); else input.focus();
  input.addEventListener("focus", function () { load().catch(function () {}); });  // the reader's focus, not ours
})();
