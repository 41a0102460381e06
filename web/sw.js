// corocheck's service worker: after the first visit the page works offline.
// scripts/build-web.sh writes dist/sw.js from this file, filling in the app's own files (their
// names carry content hashes) and a version made from the bytes of everything it may serve, so
// a new build, even one that changes only boot.js or docs.json, gets a new cache. Only
// same-origin GET requests are touched; the page makes no other kind (see the CSP in index.html).
const VERSION = '__VERSION__';
const FILES = __FILES__;
const PREFIX = 'corocheck-';
// One cache per version and per place the page is served from (several copies may share an
// origin, e.g. project sites under one GitHub Pages host).
const CACHE = PREFIX + VERSION + '@' + self.registration.scope;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  const mine = (k) => k.startsWith(PREFIX) && k.endsWith('@' + self.registration.scope);
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => mine(k) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  if (req.mode === 'navigate') {
    // The network first, so a new release shows up; the cached page when offline.
    event.respondWith(
      fetch(req).catch(() => caches.open(CACHE).then((c) => c.match('./', { ignoreSearch: true }))),
    );
    return;
  }
  // The app's files never change under one name; anything else of ours (docs.json, the
  // large-file worker's wasm in worker/) is kept once it has been fetched, so the docs and the
  // large-file view used online also work offline.
  event.respondWith(
    caches.open(CACHE).then((c) =>
      c.match(req).then((hit) => hit || fetch(req).then((resp) => {
        if (resp.ok) c.put(req, resp.clone());
        return resp;
      })),
    ),
  );
});
