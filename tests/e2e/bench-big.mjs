// A large log dropped on the page (a bench, not a test): node bench-big.mjs [MB]
// Writes a log of MB (default 200) from real line formats (`bench write-log`, as bench-logs),
// serves dist/, opens the page in Debian's headless Chromium and gives it the file (opened by
// path, as a drop does). Prints: the time to the worker's summary and to the first rows; the
// longest the page's thread was busy meanwhile (gaps between animation frames); and the peak
// memory of the page's renderer processes (RSS, worker included) over what they held before,
// against the file's size (the issue asks for under 3x).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './playwright.config.mjs';
import { serve } from './serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const mb = Number(process.argv[2] ?? 200);
const port = process.env.PORT ?? '8099';
const dir = mkdtempSync(path.join(tmpdir(), 'corocheck-big-'));
const file = path.join(dir, 'corosync.log');
execFileSync('cargo', ['run', '-q', '--release', '-p', 'corocheck', '--example', 'bench', '--', 'write-log', String(mb), file], { cwd: root, stdio: 'inherit' });
const bytes = statSync(file).size;

/** RSS (bytes) of every Chromium renderer process that was not running before. */
function rendererRss(before) {
  const out = execFileSync('ps', ['-eo', 'pid=,rss=,args='], { encoding: 'utf8', maxBuffer: 16 << 20 });
  let sum = 0;
  for (const line of out.split('\n')) {
    const m = line.trim().match(/^(\d+)\s+(\d+)\s+(.*)$/);
    if (m && m[3].includes('--type=renderer') && !before.has(m[1])) sum += Number(m[2]) * 1024;
  }
  return sum;
}
const pidsBefore = new Set(execFileSync('ps', ['-eo', 'pid='], { encoding: 'utf8' }).split('\n').map((s) => s.trim()));

const { server, base } = await serve(path.join(root, 'dist'), port);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  await page.goto(base);
  await page.locator('#input').waitFor();
  await page.waitForTimeout(500);
  const base0 = rendererRss(pidsBefore);
  let peak = base0;
  const poll = setInterval(() => { peak = Math.max(peak, rendererRss(pidsBefore)); }, 50);
  // The page's thread: the longest gap between two animation frames while the worker runs.
  await page.evaluate(() => {
    window.__gap = 0;
    let last = performance.now();
    const tick = (t) => {
      window.__gap = Math.max(window.__gap, t - last);
      last = t;
      if (!document.querySelector('#big-summary')) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const t0 = Date.now();
  await page.locator('#file-input').setInputFiles([file]);
  await page.locator('#big-progress').waitFor();
  await page.locator('#big-summary').waitFor({ timeout: 600_000 });
  const tDone = Date.now() - t0;
  await page.locator('#big-list .vrow[data-code]').first().waitFor();
  const tRows = Date.now() - t0;
  clearInterval(poll);
  peak = Math.max(peak, rendererRss(pidsBefore));
  const gap = await page.evaluate(() => window.__gap);
  const wasmBytes = await page.workers()[0].evaluate(() => self.wasmBytes());
  const summary = await page.locator('#big-summary').textContent();
  const MB = (n) => (n / 1048576).toFixed(0);
  console.log(`file: ${MB(bytes)} MiB (${bytes} bytes); ${summary.trim()}`);
  console.log(`summary after ${(tDone / 1000).toFixed(1)} s (${(bytes / 1048576 / (tDone / 1000)).toFixed(1)} MB/s, reading included); first rows after ${(tRows / 1000).toFixed(1)} s`);
  console.log(`page thread: longest frame gap while the worker ran ${gap.toFixed(0)} ms`);
  console.log(`worker's wasm memory: ${MB(wasmBytes)} MiB = ${(wasmBytes / bytes).toFixed(2)}x the file`);
  console.log(`renderer memory: ${MB(base0)} MiB before, peak ${MB(peak)} MiB, growth ${MB(peak - base0)} MiB = ${((peak - base0) / bytes).toFixed(2)}x the file`);
} finally {
  await browser.close();
  server.kill();
  rmSync(dir, { recursive: true, force: true });
}
