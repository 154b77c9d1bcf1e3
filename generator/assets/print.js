/* Print buttons on talk packs and handouts: shown only when this script runs; without it the browser's own Print
   works the same. */
for (const button of document.querySelectorAll("[data-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
