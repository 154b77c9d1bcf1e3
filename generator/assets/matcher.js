/* "People like me": rank professions by the reader's picks their tags share, and say why. An interest counts 3,
   a strength 2 and a value 1 (nearly every profession shares the NHS values, so they tell jobs apart least). The tags
   are embedded in the page (#matcher-data); nothing is fetched, stored or sent. Without this script the page
   shows the table of professions by interest. */
(function () {
  "use strict";
  var box = document.getElementById("matcher"), data = document.getElementById("matcher-data");
  if (!box || !data) return;
  var jobs = JSON.parse(data.textContent);
  var chips = [].slice.call(box.querySelectorAll(".ahp-chip"));
  var status = document.getElementById("matcher-status"), results = document.getElementById("matcher-results");
  var HINT = status.textContent, WEIGHT = { interest: 3, strength: 2, value: 1 };
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

  function reason(why) {
    var parts = [];
    ["interest", "strength", "value"].forEach(function (g) {
      var l = why.filter(function (b) { return b.getAttribute("data-group") === g; }).map(function (b) { return b.textContent; });
      if (l.length) parts.push(SAYING[g](l));
    });
    return "Because " + and(parts) + ".";
  }

  function score(why) {
    return why.reduce(function (sum, b) { return sum + WEIGHT[b.getAttribute("data-group")]; }, 0);
  }

  function update() {
    var picked = chips.filter(function (b) { return b.getAttribute("aria-pressed") === "true"; });
    var groups = [], byKey = {}, n = 0;
    results.textContent = "";
    jobs.forEach(function (job) {
      var why = picked.filter(function (b) { return job[b.getAttribute("data-group")].indexOf(b.getAttribute("data-value")) >= 0; });
      if (!why.length) return;
      var key = why.map(function (b) { return b.getAttribute("data-value"); }).join("|");
      if (!byKey[key]) groups.push(byKey[key] = { why: why, jobs: [], score: score(why) });
      byKey[key].jobs.push(job);
      n++;
    });
    groups.sort(function (a, b) { return b.score - a.score; });  // a stable sort: titles stay in order
    groups.forEach(function (g) {
      var li = document.createElement("li"), names = document.createElement("p"), why = document.createElement("p");
      li.className = "ahp-card ahp-match";
      names.className = "ahp-card__title";
      g.jobs.forEach(function (job, i) {
        var a = document.createElement("a");
        a.href = job.u;
        a.textContent = job.t;
        if (i) names.appendChild(document.createTextNode(", "));
        names.appendChild(a);
      });
      why.textContent = reason(g.why);
      li.appendChild(names);
      li.appendChild(why);
      results.appendChild(li);
    });
    status.textContent = !picked.length ? HINT : n ? n + (n === 1 ? " job fits" : " jobs fit") +
      " what you picked, best fit first." : "No job here has those tags yet. Try picking something else.";
  }

  box.addEventListener("click", function (event) {
    var chip = event.target.closest(".ahp-chip");
    if (chip) chip.setAttribute("aria-pressed", String(chip.getAttribute("aria-pressed") !== "true"));
    else if (event.target.id === "matcher-clear") chips.forEach(function (b) { b.setAttribute("aria-pressed", "false"); });
    else return;
    update();
  });
  box.hidden = false;
})();
