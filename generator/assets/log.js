/* The reflective log on a module page. Answers are kept ONLY in this browser's localStorage, one item per
   activity under "ahp-log:<module id>:<activity id>" = {"answers": [...], "done": bool, "started": date,
   "changed": date}. Nothing is ever sent over the network. Without this script the page is a printable blank log. */
(function () {
  "use strict";
  var root = document.getElementById("ahp-log");
  if (!root) return;
  var prefix = root.getAttribute("data-log-key");
  var title = root.getAttribute("data-log-title");
  var items = Array.prototype.slice.call(root.querySelectorAll("[data-log-activity]"));
  var progress = document.getElementById("log-progress");
  var nameInput = root.querySelector("[data-log-name]");
  var storage = null;
  try {
    storage = window.localStorage;
    storage.setItem(prefix + ":__probe__", "1");  /* not a possible activity id */
    storage.removeItem(prefix + ":__probe__");
  } catch (error) {
    storage = null;
  }

  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  }
  function longDate(iso) {
    var p = iso.split("-");
    return new Date(+p[0], +p[1] - 1, +p[2]).toLocaleDateString("en-GB", {day: "numeric", month: "long", year: "numeric"});
  }
  function keyOf(item) { return prefix + ":" + item.getAttribute("data-log-activity"); }
  function fields(item) { return Array.prototype.slice.call(item.querySelectorAll("textarea")); }
  function box(item) { return item.querySelector("[data-log-done]"); }
  function read(item) {
    if (!storage) return null;
    try { return JSON.parse(storage.getItem(keyOf(item))); } catch (error) { return null; }
  }

  function mirror(field) {  /* print copy of an answer: a textarea would cut long answers off on paper */
    field.parentNode.querySelector(".ahp-log__answer").textContent = field.value;
  }

  function save(item) {
    var answers = fields(item).map(function (field) { return field.value; });
    var done = box(item).checked;
    if (!storage) return;
    if (!done && !answers.some(function (answer) { return answer.trim(); })) {
      storage.removeItem(keyOf(item));
      return;
    }
    var old = read(item) || {};
    var record = {answers: answers, done: done, started: old.started || today(), changed: today()};
    try {
      storage.setItem(keyOf(item), JSON.stringify(record));
    } catch (error) {
      document.getElementById("log-warning").hidden = false;
    }
  }

  function countDone() {
    return items.filter(function (item) { return box(item).checked; }).length;
  }
  function progressText() { return countDone() + " of " + items.length + " activities done"; }
  function showProgress(prefixText) {
    var text = (prefixText || "") + progressText();
    if (progress.textContent !== text) progress.textContent = text;
  }

  function logText() {
    var lines = ["Reflective log: " + title, "Virtual work experience, Allied health careers website",
                 "Page: " + location.href.split("#")[0], "Downloaded: " + longDate(today()),
                 "Progress: " + progressText(), ""];
    items.forEach(function (item) {
      var record = read(item) || {};
      lines.push(item.querySelector("h3").textContent.trim());
      lines.push(item.querySelector(".ahp-activity__meta").textContent.trim());
      lines.push("Done: " + (box(item).checked ? "yes" : "not yet"));
      if (record.started) {
        lines.push("Written: " + longDate(record.started) +
                   (record.changed && record.changed !== record.started ? " to " + longDate(record.changed) : ""));
      }
      fields(item).forEach(function (field) {
        lines.push("", "Q: " + field.getAttribute("data-log-prompt"), "A: " + (field.value.trim() || "(no answer yet)"));
      });
      lines.push("", "");
    });
    return lines.join("\n");
  }

  function download() {
    var blob = new Blob([logText()], {type: "text/plain;charset=utf-8"});
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "reflective-log-" + prefix.slice(prefix.indexOf(":") + 1) + ".txt";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  function fillCertificate() {
    var name = nameInput.value.trim();
    root.querySelector("[data-log-cert-name]").textContent = name || "\u00a0";
    root.querySelector("[data-log-cert-progress]").textContent = progressText();
    /* Print: the certificate only when every activity is done, otherwise the progress so far. */
    root.classList.toggle("ahp-log--complete", items.length > 0 && countDone() === items.length);
    root.querySelector("[data-log-print-progress]").textContent = "Progress so far: " + progressText();
    root.querySelector("[data-log-cert-date]").textContent = longDate(today());
    fields(root).forEach(mirror);
  }

  function clearAll() {
    if (!window.confirm("Clear all your answers for this module from this device? This cannot be undone.")) return;
    if (storage) {  /* every item of this module, including activities an editor has since removed */
      Object.keys(storage).filter(function (key) { return key.indexOf(prefix + ":") === 0; })
        .forEach(function (key) { storage.removeItem(key); });
    }
    items.forEach(function (item) {
      fields(item).forEach(function (field) { field.value = ""; mirror(field); });
      box(item).checked = false;
    });
    showProgress("Your answers are cleared. ");
  }

  items.forEach(function (item) {
    var record = read(item);
    fields(item).forEach(function (field, index) {
      if (record && record.answers && typeof record.answers[index] === "string") field.value = record.answers[index];
      mirror(field);
      field.addEventListener("input", function () { mirror(field); save(item); });
    });
    box(item).checked = Boolean(record && record.done);
    box(item).addEventListener("change", function () { save(item); showProgress(); fillCertificate(); });
  });

  var actions = {download: download, clear: clearAll, print: function () { fillCertificate(); window.print(); }};
  Array.prototype.forEach.call(root.querySelectorAll("[data-log-action]"), function (button) {
    button.addEventListener("click", actions[button.getAttribute("data-log-action")]);
  });
  nameInput.addEventListener("input", fillCertificate);
  window.addEventListener("beforeprint", fillCertificate);
  root.classList.add("ahp-log--js");
  root.querySelector(".ahp-log__tools").hidden = false;
  if (!storage) document.getElementById("log-warning").hidden = false;
  progress.textContent = progressText();
  fillCertificate();
})();
