/* "People like me": rank professions by the reader's picks their tags share, and say why.
   Score: each shared pick counts its group's weight (an interest 3, a strength 2, a value 1) times its rarity, so a
   pick that few jobs share tells them apart more than one nearly every job shares (rarity = jobs without the tag
   plus one, over all jobs). A job "fits" when it scores at least half as well as the best one, so more picks narrow
   the list instead of widening it. The best three are shown with why, the rest of the fits below; a bar at the
   bottom of the screen gives the count and the best three after every tap. The picks live in the page address
   (replaceState), so Back from a profession page restores them. The tags are embedded in the page
   (#matcher-data); nothing is fetched, stored or sent. Without this script the page shows the table of
   professions by interest. */
(function () {
  "use strict";
  var box = document.getElementById("matcher"), data = document.getElementById("matcher-data");
  if (!box || !data) return;
  var jobs = JSON.parse(data.textContent);
  var chips = [].slice.call(box.querySelectorAll(".ahp-chip"));
  var GROUPS = ["interest", "strength", "value"], WEIGHT = { interest: 3, strength: 2, value: 1 }, BEST = 3;
  var status = document.getElementById("matcher-status"), best = document.getElementById("matcher-best");
  var results = document.getElementById("matcher-results"), more = document.getElementById("matcher-more");
  var moreList = document.getElementById("matcher-more-list"), bar = document.getElementById("matcher-bar");
  var HINT = status.textContent;
  var SAYING = {
    interest: function (l) { return "you like " + and(l); },
    strength: function (l) { return "your strengths include " + and(l); },
    value: function (l) {
      return "you share the NHS value" + (l.length > 1 ? "s " : " ") + and(l.map(function (x) { return "\u201c" + x + "\u201d"; }));
    }
  };

  function and(items) {
    return items.length < 2 ? items.join("") : items.slice(0, -1).join(", ") + " and " + items[items.length - 1];
  }

  function group(chip) { return chip.getAttribute("data-group"); }
  function value(chip) { return chip.getAttribute("data-value"); }
  function has(job, chip) { return job[group(chip)].indexOf(value(chip)) >= 0; }

  function weight(chip) {
    var carriers = jobs.filter(function (job) { return has(job, chip); }).length;
    return WEIGHT[group(chip)] * (jobs.length - carriers + 1) / jobs.length;
  }

  function reason(why) {
    var parts = [];
    GROUPS.forEach(function (g) {
      var l = why.filter(function (b) { return group(b) === g; }).map(function (b) { return b.textContent; });
      if (l.length) parts.push(SAYING[g](l));
    });
    return "Because " + and(parts) + ".";
  }

  function link(job) {
    var a = document.createElement("a");
    a.href = job.u;
    a.textContent = job.t;
    return a;
  }

  /* Jobs that fit the picks, best first: [{job, why (chips shared), score}]. */
  function rank(picked) {
    var weights = picked.map(weight), rows = [];
    jobs.forEach(function (job, order) {
      var why = picked.filter(function (b) { return has(job, b); });
      if (!why.length) return;
      var score = why.reduce(function (sum, b) { return sum + weights[picked.indexOf(b)]; }, 0);
      rows.push({ job: job, why: why, score: score, order: order });
    });
    rows.sort(function (a, b) { return b.score - a.score || b.why.length - a.why.length || a.order - b.order; });
    var top = rows.length ? rows[0].score : 0;
    return rows.filter(function (row) { return row.score >= top / 2 - 1e-9; });
  }

  function show(picked) {
    var fits = rank(picked), n = fits.length;
    results.textContent = "";
    moreList.textContent = "";
    fits.forEach(function (row, i) {
      var li = document.createElement("li");
      if (i < BEST) {
        var names = document.createElement("p"), why = document.createElement("p");
        li.className = "ahp-card ahp-match";
        names.className = "ahp-card__title";
        names.appendChild(link(row.job));
        why.textContent = reason(row.why);
        li.appendChild(names);
        li.appendChild(why);
        results.appendChild(li);
      } else {
        li.appendChild(link(row.job));
        li.appendChild(document.createTextNode(" \u2014 " + and(row.why.map(function (b) { return b.textContent; }))));
        moreList.appendChild(li);
      }
    });
    more.hidden = n <= BEST;
    best.hidden = !n;
    status.textContent = !picked.length ? HINT : !n ? "No job here has those tags yet. Try picking something else." :
      n + (n === 1 ? " job fits" : " jobs fit") + " \u00b7 best: " +
      fits.slice(0, BEST).map(function (row) { return row.job.t; }).join(", ");
    bar.classList.toggle("ahp-matcher-bar--answer", n > 0);
  }

  function picks() { return chips.filter(function (b) { return b.getAttribute("aria-pressed") === "true"; }); }

  /* The picks as a query string: ?interest=a,b&strength=c&value=d (tag ids are lower case words and hyphens). */
  function remember(picked) {
    var parts = [];
    GROUPS.forEach(function (g) {
      var ids = picked.filter(function (b) { return group(b) === g; }).map(value);
      if (ids.length) parts.push(g + "=" + ids.join(","));
    });
    history.replaceState(history.state, "", location.pathname + (parts.length ? "?" + parts.join("&") : "") + location.hash);
  }

  function restore() {
    var params = new URLSearchParams(location.search);
    chips.forEach(function (b) {
      var ids = (params.get(group(b)) || "").split(",");
      b.setAttribute("aria-pressed", String(ids.indexOf(value(b)) >= 0));
    });
  }

  box.addEventListener("click", function (event) {
    var chip = event.target.closest(".ahp-chip");
    if (chip) chip.setAttribute("aria-pressed", String(chip.getAttribute("aria-pressed") !== "true"));
    else if (event.target.id === "matcher-clear") chips.forEach(function (b) { b.setAttribute("aria-pressed", "false"); });
    else return;
    var picked = picks();
    remember(picked);
    show(picked);
  });
  restore();
  show(picks());
  box.hidden = false;
})();
