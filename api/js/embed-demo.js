// embed.html's demo: call check() directly and print the result as JSON. A file, not an
// inline script, so the page's CSP needs no 'unsafe-inline'.
import { ready, check } from './corocheck-embed.js';

await ready();
const text = document.getElementById('api-input').textContent;
const result = check(text, { lang: 'en', path: 'corosync.conf' });
const out = document.getElementById('api-output');
out.textContent = JSON.stringify(result, null, 2);
out.dataset.done = '';
