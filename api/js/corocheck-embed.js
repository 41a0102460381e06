// corocheck for documentation sites. Import this module and every <pre data-corocheck> block
// on the page is checked and annotated: each line wrapped, findings underlined, a mark in the
// gutter, and the list of findings below the block. The analysis runs in this page (wasm);
// nothing is sent anywhere.
//
//   <link rel="stylesheet" href="embed/corocheck-embed.css">   (optional: added if missing)
//   <script type="module" src="embed/corocheck-embed.js"></script>
//   <pre data-corocheck="conf" data-lang="ja" data-target="3">totem { ... }</pre>
//
// data-corocheck: "" (detect), "conf" (corosync.conf), "log" (a log), or a file name such as
// "service.d/pcmk" or "cluster.conf". data-lang: "en" | "ja" (default: the page's lang).
// data-target: "1", "2", "3", "3.1.7"... data-profile: "trento"... data-docs: the page the
// code links go to (default: the corocheck page next to this folder), as <docs>#/rules/<CODE>.
// Import with "?manual" in the URL to call annotate() yourself.
//
// Text from the block and from the analysis is only ever inserted as text nodes
// (textContent), never parsed as HTML, so a hostile snippet stays inert.

import init, { check, checkFiles, uiText } from './corocheck.js';

export { check, checkFiles };

let loading;
/** Load the wasm once; resolves when check() can be called. */
export function ready() {
  loading ??= init({ module_or_path: new URL('corocheck_bg.wasm', import.meta.url) });
  return loading;
}

const PATHS = { '': 'input', conf: 'corosync.conf', log: 'corosync.log' };
const RANK = { error: 3, warning: 2, info: 1 };
const DEFAULT_DOCS = new URL('../', import.meta.url).href;

/** The docs page as an absolute http(s) URL (anything else, e.g. javascript:, is ignored). */
function docsBase(given) {
  try {
    const u = new URL(given ?? DEFAULT_DOCS, document.baseURI);
    if (u.protocol === 'http:' || u.protocol === 'https:') return u.href;
  } catch {
    // not a URL: use the default
  }
  return DEFAULT_DOCS;
}

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function stylesheet() {
  if (document.querySelector('link[data-corocheck-css]')) return;
  const l = document.createElement('link');
  l.rel = 'stylesheet';
  l.href = new URL('corocheck-embed.css', import.meta.url).href;
  l.dataset.corocheckCss = '';
  document.head.append(l);
}

/** The findings that touch each line: [{d, from, to}] in UTF-16 offsets within the line. */
function perLine(text, lineStarts, diagnostics) {
  const lines = lineStarts.map(() => []);
  for (const d of diagnostics) {
    let s = d.start_utf16;
    let e = d.end_utf16;
    if (e <= s) {
      // An empty span (a missing brace...): mark the character there if it is on the line.
      e = s < text.length && text[s] !== '\n' ? s + 1 : s;
    }
    let i = upper(lineStarts, s);
    for (; i < lineStarts.length; i++) {
      const ls = lineStarts[i];
      const le = i + 1 < lineStarts.length ? lineStarts[i + 1] - 1 : text.length;
      if (ls > e || (ls === e && e > s)) break;
      lines[i].push({ d, from: Math.max(s, ls) - ls, to: Math.min(e, le) - ls });
    }
  }
  return lines;
}

/** Index of the last line start <= off. */
function upper(starts, off) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= off) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function worst(list) {
  return list.reduce((a, m) => (RANK[m.d.severity] > RANK[a] ? m.d.severity : a), 'info');
}

/** One line: a gutter (number and mark, drawn by CSS so copying keeps only the text) and the
 *  text cut at every finding boundary, marked pieces in <mark>. */
function lineNode(n, line, marks) {
  const row = el('span', 'cc-line');
  row.dataset.line = String(n);
  const gutter = el('span', 'cc-gutter');
  gutter.dataset.n = String(n);
  gutter.setAttribute('aria-hidden', 'true');
  row.append(gutter);
  if (marks.length) {
    row.dataset.sev = worst(marks);
    row.dataset.codes = [...new Set(marks.map((m) => m.d.code))].join(' ');
  }
  const cuts = new Set([0, line.length]);
  for (const m of marks) {
    cuts.add(Math.min(m.from, line.length));
    cuts.add(Math.min(m.to, line.length));
  }
  const points = [...cuts].sort((a, b) => a - b);
  for (let k = 0; k + 1 < points.length; k++) {
    const [a, b] = [points[k], points[k + 1]];
    const piece = line.slice(a, b);
    const over = marks.filter((m) => m.from <= a && m.to >= b && m.to > m.from);
    if (!over.length) {
      row.append(document.createTextNode(piece));
      continue;
    }
    const mark = el('mark', 'cc-mark', piece);
    mark.dataset.sev = worst(over);
    mark.dataset.codes = [...new Set(over.map((m) => m.d.code))].join(' ');
    mark.title = over.map((m) => `${m.d.code}: ${m.d.message}`).join('\n');
    row.append(mark);
  }
  return row;
}

function findingsList(result, lang, docs) {
  const list = el('ol', 'cc-findings');
  if (!result.diagnostics.length) {
    list.append(el('li', 'cc-none', uiText('ui.findings.none', lang)));
  }
  for (const d of result.diagnostics) {
    const li = el('li', 'cc-finding');
    li.dataset.code = d.code;
    li.dataset.sev = d.severity;
    li.dataset.line = String(d.line);
    const head = el('div', 'cc-head');
    head.append(el('span', 'cc-sev', uiText(`severity.${d.severity}`, lang)), ' ');
    const code = el('a', 'cc-code', d.code);
    const url = new URL(docs);
    url.hash = `/rules/${encodeURIComponent(d.code)}`;
    code.href = url.href;
    head.append(code, ' ', el('span', 'cc-pos', `${d.line}:${d.column}`), ' ');
    head.append(el('span', 'cc-msg', d.message));
    li.append(head);
    if (d.help) li.append(el('div', 'cc-help', d.help));
    list.append(li);
  }
  return list;
}

/** Check and annotate one <pre>. Returns the result of check(). */
export function annotateBlock(pre, options = {}) {
  const kind = pre.dataset.corocheck ?? '';
  const path = PATHS[kind] ?? (/[./]/.test(kind) ? kind : 'input');
  const lang = pre.dataset.lang || options.lang || document.documentElement.lang || 'en';
  const opts = { lang, path };
  const target = pre.dataset.target || options.target;
  const profile = pre.dataset.profile || options.profile;
  if (target) opts.target = target;
  if (profile) opts.profile = profile;
  const docs = docsBase(pre.dataset.docs || options.docs);
  const text = pre.textContent;
  const wrap = el('div', 'corocheck');
  let result;
  try {
    result = check(text, opts);
  } catch (e) {
    wrap.dataset.error = '';
    pre.after(wrap);
    wrap.append(pre, el('p', 'cc-error', String(e.message ?? e)));
    pre.dataset.corocheckDone = '';
    return null;
  }
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const marks = perLine(text, starts, result.diagnostics);
  const code = el('code', 'cc-code-block');
  starts.forEach((s, i) => {
    const end = i + 1 < starts.length ? starts[i + 1] - 1 : text.length;
    if (i > 0) code.append(document.createTextNode('\n'));
    // the empty line after a final newline gets no row unless a finding is there
    if (i > 0 && s === text.length && !marks[i].length) return;
    code.append(lineNode(i + 1, text.slice(s, end), marks[i]));
  });
  pre.replaceChildren(code);
  pre.classList.add('cc-pre');
  pre.dataset.corocheckDone = '';
  pre.after(wrap);
  wrap.append(pre, findingsList(result, result.lang, docs));
  wrap.dataset.errors = String(result.summary.errors);
  wrap.dataset.warnings = String(result.summary.warnings);
  return result;
}

/** Annotate every <pre data-corocheck> under root not annotated yet. */
export async function annotate(root = document, options = {}) {
  await ready();
  stylesheet();
  const blocks = root.querySelectorAll('pre[data-corocheck]:not([data-corocheck-done])');
  return [...blocks].map((pre) => annotateBlock(pre, options));
}

if (!new URL(import.meta.url).searchParams.has('manual')) {
  const run = () =>
    annotate().then(() => document.dispatchEvent(new CustomEvent('corocheck:annotated')));
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run);
  else run();
}
