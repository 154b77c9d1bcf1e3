/* Offline reading, the page side (the worker is sw.js at the site's root; see generator/render/offline.py).
   - "Save for offline" buttons ([data-offline-save]) ask the worker to keep this page and the pages it uses.
   - The offline page (#offline-pages) lists the pages this device has kept, and links back to the page asked for.
   Without a service worker (an old browser, or a page opened from a file) both stay hidden. */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !window.caches) return;

  function ask(message) {
    return navigator.serviceWorker.ready.then(function (registration) {
      return new Promise(function (resolve) {
        var channel = new MessageChannel();
        channel.port1.onmessage = function (event) { resolve(event.data); };
        registration.active.postMessage(message, [channel.port2]);
      });
    });
  }

  function pagesWord(count) { return count === 1 ? "1 page" : count + " pages"; }

  Array.prototype.forEach.call(document.querySelectorAll("[data-offline-save]"), function (box) {
    var button = box.querySelector("button");
    var status = box.querySelector("[data-offline-status]");
    var here = location.href.split("#")[0];
    var pages = [here].concat((button.getAttribute("data-offline-pages") || "").split(" ").filter(Boolean)
      .map(function (path) { return new URL(path, here).href; }));
    box.hidden = false;
    button.addEventListener("click", function () {
      button.disabled = true;
      status.textContent = "Saving…";
      ask({type: "keep", urls: pages, pages: pages}).then(function (reply) {
        button.disabled = false;
        if (reply.failed) {
          status.textContent = "Only " + pagesWord(reply.kept) + " of " + pages.length +
            " could be saved. Check your connection and try again.";
        } else {
          status.textContent = "Saved on this device: this page" + (pages.length > 1 ? " and the " +
            pagesWord(pages.length - 1) + " it uses" : "") + ". You can open them without the internet.";
        }
      });
    });
  });

  var list = document.getElementById("offline-pages");
  if (!list) return;
  var from = new URLSearchParams(location.search).get("from");
  var retry = document.getElementById("offline-retry");
  if (from && retry && new URL(from, location.href).origin === location.origin) {
    retry.querySelector("a").href = new URL(from, location.href).href;
    retry.hidden = false;
  }
  var prefix = list.getAttribute("data-cache-prefix");
  navigator.serviceWorker.ready.then(function (registration) {
    var scope = registration.scope;
    var mine = prefix + ":" + scope + ":";
    return caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) { return name.indexOf(mine) === 0; }).map(function (name) {
        return caches.open(name).then(function (cache) {
          return cache.keys().then(function (requests) {
            return Promise.all(requests.filter(function (request) {
              var url = request.url;
              return url.indexOf(scope) === 0 && /\/$/.test(url) && url.split("?")[0] !== location.href.split("?")[0];
            }).map(function (request) {
              return cache.match(request).then(function (response) { return response.text(); }).then(function (text) {
                var title = (/<title>([\s\S]*?)<\/title>/.exec(text) || [])[1] || request.url.slice(scope.length);
                var parsed = new DOMParser().parseFromString(title, "text/html").documentElement.textContent;
                return {url: request.url, title: parsed.replace(/ - [^-]*$/, "").trim()};
              });
            }));
          });
        });
      }));
    });
  }).then(function (groups) {
    var seen = {};
    var pages = [].concat.apply([], groups).filter(function (page) {
      return !seen[page.url] && (seen[page.url] = true);
    }).sort(function (a, b) { return a.title.localeCompare(b.title); });
    list.textContent = "";
    pages.forEach(function (page) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = page.url;
      link.textContent = page.title;
      item.appendChild(link);
      list.appendChild(item);
    });
    document.getElementById("offline-count").textContent = pages.length ?
      "This device has kept " + pagesWord(pages.length) + " of this site:" :
      "This device has not kept any pages of this site yet.";
  });
})();
