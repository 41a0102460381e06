// Starts the wasm app. Trunk's default loader is an inline <script>, which the page's
// Content-Security-Policy (script-src 'self') forbids; Trunk.toml's pattern_script loads this
// file instead and passes the hashed file names in data attributes.
const tag = document.querySelector('script[data-wasm]');
// The page's text comes in one file per language (web/src/lang.rs). Start fetching the likely
// one now, beside the wasm: the saved choice, else the browser's language (the same rule as
// initial_lang in web/src/lib.rs; if the guess is wrong the app fetches the right file).
let lang = 'en';
try {
  lang = localStorage.getItem('corocheck.lang') || '';
} catch (e) { /* storage may be disabled */ }
if (lang !== 'en' && lang !== 'ja') lang = navigator.language.toLowerCase().startsWith('ja') ? 'ja' : 'en';
globalThis.corocheckText = {
  lang,
  text: fetch('text-' + lang + '.txt').then((r) => (r.ok ? r.text() : Promise.reject(r.status))),
};
globalThis.corocheckText.text.catch(() => {});
// The wasm's exports, for late.js: it instantiates the late part of the wasm into them.
let started;
globalThis.corocheckWasm = new Promise((resolve) => { started = resolve; });
try {
  const bindings = await import(tag.dataset.js);
  started(await bindings.default({ module_or_path: tag.dataset.wasm }));
} catch (e) {
  // The wasm uses SIMD (README, "Browsers"): a browser without it cannot compile the module.
  // Say so instead of leaving an empty page.
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent = (typeof WebAssembly !== 'object' || !WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]))
    ? 'corocheck needs a browser with WebAssembly SIMD (Chrome or Edge 91, Firefox 89, Safari 16.4 or later). / corocheck の実行には WebAssembly SIMD に対応したブラウザ（Chrome・Edge 91、Firefox 89、Safari 16.4 以降）が必要です。'
    : 'corocheck could not start: ' + e + ' / corocheck を起動できませんでした: ' + e);
  document.body.append(p);
  throw e;
}
// Offline after the first visit: the service worker (dist/sw.js) keeps the app's files. Its
// URL is relative, so it covers whatever sub-path the page is served from.
if ('serviceWorker' in navigator && window.isSecureContext) {
  navigator.serviceWorker.register('sw.js').catch(() => {});
}
