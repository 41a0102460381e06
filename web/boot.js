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
const bindings = await import(tag.dataset.js);
await bindings.default({ module_or_path: tag.dataset.wasm });
// Offline after the first visit: the service worker (dist/sw.js) keeps the app's files. Its
// URL is relative, so it covers whatever sub-path the page is served from.
if ('serviceWorker' in navigator && window.isSecureContext) {
  navigator.serviceWorker.register('sw.js').catch(() => {});
}
