// Log throughput in the browser (a bench, not a test): node bench-logs.mjs [MB ...]
// Times the JavaScript API of dist/embed/ (the core as the page ships it: wasm, opt-level z)
// in Debian's headless Chromium on the log `make bench` times natively (cli/examples/bench.rs,
// `bench write-log`). Each size is split into files of at most 50 MB, one per node, analysed
// together (as the native bench does). Prints MB/s per size, best of RUNS
// (default 3), three times: the analysis alone in the page's large-file worker wasm (the one a
// dropped log over 8 MiB is read by: opt-level 3, scripts/build-worker.sh --out, its bigText
// and bigAnalyze), the analysis alone in the embedding API's wasm (opt-level z, as the page's
// own thread runs it: analyzeOnly, from a copy of the bundle built with the API's `bench`
// feature: scripts/build-api.sh --bench), both with the texts passed into the wasm, and
// checkFiles' whole call (analysis, the JSON report with every record, and its conversion to
// JavaScript objects).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './playwright.config.mjs';
import { serve } from './serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const sizes = process.argv.slice(2).map(Number);
if (sizes.length === 0) sizes.push(10, 100);
const runs = Number(process.env.RUNS ?? 3);
const port = process.env.PORT ?? '8098';
const PART = 50;

const dir = mkdtempSync(path.join(tmpdir(), 'corocheck-bench-'));
symlinkSync(path.join(root, 'dist/embed'), path.join(dir, 'embed'));
execFileSync(path.join(root, 'scripts/build-api.sh'), ['--bench', path.join(dir, 'bench')], { cwd: root, stdio: 'inherit' });
execFileSync(path.join(root, 'scripts/build-worker.sh'), ['--out', path.join(dir, 'worker')], { cwd: root, stdio: 'inherit' });
const workerJs = readdirSync(path.join(dir, 'worker')).find((f) => f.endsWith('.js'));
const workerWasm = readdirSync(path.join(dir, 'worker')).find((f) => f.endsWith('.wasm'));
writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>bench</title>');
const files = {};
for (const mb of sizes) {
  files[mb] = [];
  for (let left = mb, i = 1; left > 0; left -= PART, i++) {
    const name = `${mb}mb-node${i}.log`;
    execFileSync('cargo', ['run', '-q', '--release', '-p', 'corocheck', '--example', 'bench', '--', 'write-log', String(Math.min(PART, left)), path.join(dir, name)], { cwd: root, stdio: 'inherit' });
    files[mb].push({ name, mb: Math.min(PART, left) });
  }
}
const { server, base } = await serve(dir, port);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  await page.goto(base);
  for (const mb of sizes) {
    const r = await page.evaluate(
      async ([list, runs, workerJs, workerWasm]) => {
        const texts = [];
        for (const f of list) texts.push({ name: f.name, text: await (await fetch(f.name)).text() });
        const m = await import('./embed/corocheck.js');
        await m.default();
        const b = await import('./bench/corocheck.js');
        await b.default();
        const w = await import('./worker/' + workerJs);
        await w.default({ module_or_path: './worker/' + workerWasm });
        const times = [];
        const alone = [];
        const worker = [];
        let findings = 0;
        for (let i = 0; i < runs; i++) {
          // The worker's calls, timed like analyzeOnly: the texts go in (JavaScript strings
          // into the wasm) and are analysed. (A dropped file goes in as bytes, while it is read.)
          w.bigKeepFiles();
          let t0 = performance.now();
          for (const t of texts) w.bigText(t.name, t.text, false);
          w.bigAnalyze('', '', () => {});
          worker.push(performance.now() - t0);
          w.bigKeepFiles();
          t0 = performance.now();
          b.analyzeOnly(texts);
          alone.push(performance.now() - t0);
          t0 = performance.now();
          const rep = m.checkFiles(texts, { lang: 'en' });
          times.push(performance.now() - t0);
          findings = rep.diagnostics.length;
        }
        return { times, alone, worker, findings, bytes: texts.reduce((n, t) => n + t.text.length, 0) };
      },
      [files[mb], runs, workerJs, workerWasm],
    );
    const mib = r.bytes / 1048576;
    const what = `browser log ${mb} MB (${files[mb].length} file${files[mb].length > 1 ? 's' : ''})`;
    for (const [label, t] of [['large-file worker (opt-level 3), analysis alone', r.worker], ['embedding API (opt-level z), analysis alone', r.alone], ['checkFiles, whole call', r.times]]) {
      const best = Math.min(...t) / 1000;
      console.log(`${what}, ${label}: best ${best.toFixed(2)} s of ${runs}, ${(mib / best).toFixed(0)} MB/s`);
    }
    console.log(`  (${r.findings} findings listed)`);
  }
} finally {
  await browser.close();
  server.kill();
  rmSync(dir, { recursive: true, force: true });
}
