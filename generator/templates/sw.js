/* Offline reading for the allied health careers site. Made by generator/render/offline.py, which fills SETTINGS in.

   - On install: keeps the shell (the offline page, its script, the manifest, styles and pictures): a few kilobytes.
   - Pages: from the network when there is one, kept as they are read; without a network, the kept copy, or the
     offline page, which lists what this device has kept.
   - Other files of the site (scripts, styles, icons): the kept copy, else the network (and then kept).
   - "Save for offline" and the first page (read before the worker existed) ask it to keep a list of addresses.
   - A new deploy has a new version: its worker starts a new cache, carries over the pages the reader has kept, and
     deletes the old caches. Nothing outside this site's own folder (its scope) is touched or kept. */
"use strict";

var SETTINGS = /*SETTINGS*/{};
var PREFIX = SETTINGS.cachePrefix + ":" + self.registration.scope + ":";
var CACHE = PREFIX + SETTINGS.version;
var OFFLINE_PAGE = new URL(SETTINGS.offlinePage, self.registration.scope).href;

function inScope(url) {
  return url.indexOf(self.registration.scope) === 0;
}

function pageKey(url) {  /* one copy per page: "?audience=..." only filters what the same page shows */
  var address = new URL(url);
  address.search = "";
  address.hash = "";
  return address.href;
}

function fresh(request) {  /* asks the server (a cheap "not modified" if unchanged), never a stale browser copy */
  return new Request(request, {cache: "no-cache"});
}

function isPage(request) {
  return request.mode === "navigate";
}

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return cache.addAll(SETTINGS.shell.map(function (path) {
      return new Request(new URL(path, self.registration.scope).href, {cache: "no-cache"});
    }));
  }).then(function () { return self.skipWaiting(); }));
});

function carryOver(name, current) {
  return caches.open(name).then(function (old) {
    return old.keys().then(function (requests) {
      return Promise.all(requests.map(function (request) {
        return current.match(request).then(function (hit) {
          if (hit) return null;
          return old.match(request).then(function (response) { return response && current.put(request, response); });
        });
      }));
    });
  });
}

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    var old = names.filter(function (name) { return name.indexOf(PREFIX) === 0 && name !== CACHE; });
    return caches.open(CACHE).then(function (current) {
      return old.reduce(function (done, name) {
        return done.then(function () { return carryOver(name, current); })
          .then(function () { return caches.delete(name); });
      }, Promise.resolve());
    });
  }).then(function () { return self.clients.claim(); }));
});

function offlineAnswer(request) {
  return caches.open(CACHE).then(function (cache) {
    return cache.match(pageKey(request.url)).then(function (hit) {
      if (hit) return hit;
      if (pageKey(request.url) === OFFLINE_PAGE) {  /* never loop, even if the offline page was not kept */
        return new Response("You are offline.", {status: 503, headers: {"Content-Type": "text/plain"}});
      }
      return Response.redirect(OFFLINE_PAGE + "?from=" + encodeURIComponent(request.url), 302);
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || !inScope(request.url)) return;
  if (isPage(request)) {
    event.respondWith(fetch(request).then(function (response) {
      if (response.ok && response.type === "basic") {
        var copy = response.clone();
        event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.put(pageKey(request.url), copy); }));
      }
      return response;
    }).catch(function () { return offlineAnswer(request); }));
    return;
  }
  event.respondWith(caches.open(CACHE).then(function (cache) {
    return cache.match(request, {ignoreSearch: true}).then(function (hit) {
      return hit || fetch(fresh(request)).then(function (response) {
        if (response.ok && response.type === "basic") {
          var copy = response.clone();
          event.waitUntil(cache.put(request, copy));
        }
        return response;
      });
    });
  }));
});

self.addEventListener("message", function (event) {
  var data = event.data || {};
  var port = event.ports && event.ports[0];
  if (data.type !== "keep" || !Array.isArray(data.urls)) return;
  var urls = data.urls.filter(function (url, index) {
    return typeof url === "string" && inScope(url) && data.urls.indexOf(url) === index;
  });
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return Promise.all(urls.map(function (url) {
      var page = data.pages && data.pages.indexOf(url) !== -1;
      return fetch(fresh(url)).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return cache.put(page ? pageKey(url) : url, response);
      }).then(function () { return true; }, function () { return false; });
    }));
  }).then(function (results) {
    var kept = results.filter(Boolean).length;
    if (port) port.postMessage({kept: kept, failed: results.length - kept});
  }));
});
