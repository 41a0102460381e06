// Time to first render of the page (a bench, not a test): node bench-first-render.mjs [RUNS]
// Serves dist/ from 127.0.0.1 and opens the page in Debian's Chromium RUNS times (default 7)
// with a cold cache, then again with the service worker's cache; prints the median and range of
//   first paint of the app: navigation start -> the editor is on screen (wasm fetched and
//   compiled, the language's text installed, the first Yew render done), and
//   first contentful paint as the browser reports it.
// Optionally throttles the network (NET=fast3g|4g) to show what a slow link adds.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './playwright.config.mjs';

const runs = Number(process.argv[2] ?? 7);
const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(here, '../../dist');
const port = process.env.PORT ?? '8097';
const server = spawn('python3', ['-m', 'http.server', port, '--bind', '127.0.0.1', '--directory', dist], { stdio: 'ignore' });
const base = `http://127.0.0.1:${port}/`;
const NETS = {
  // Chrome DevTools' presets (bytes per second, latency in ms).
  fast3g: { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
  '4g': { latency: 20, downloadThroughput: (9 * 1024 * 1024) / 8, uploadThroughput: (9 * 1024 * 1024) / 8 },
};
const net = NETS[process.env.NET ?? ''];

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(base)).ok) return;
    } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

async function measure(page) {
  await page.goto(base);
  await page.locator('#input').waitFor();
  return page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
    return { app: performance.now(), fcp };
  });
}

const stats = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return 'not reported';
  return `median ${s[Math.floor(s.length / 2)].toFixed(0)} ms (min ${s[0].toFixed(0)}, max ${s[s.length - 1].toFixed(0)})`;
};

try {
  await waitForServer();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const cold = { app: [], fcp: [] };
  const warm = { app: [], fcp: [] };
  for (let i = 0; i < runs; i++) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    if (net) {
      const cdp = await ctx.newCDPSession(page);
      await cdp.send('Network.emulateNetworkConditions', { offline: false, ...net });
    }
    const a = await measure(page);
    cold.app.push(a.app);
    cold.fcp.push(a.fcp);
    // The service worker has cached the app: measure a second visit.
    await page.evaluate(() => navigator.serviceWorker?.ready);
    const b = await measure(page);
    warm.app.push(b.app);
    warm.fcp.push(b.fcp);
    await ctx.close();
  }
  await browser.close();
  console.log(`time to first render, ${runs} runs${net ? `, network ${process.env.NET}` : ', local network'}:`);
  console.log(`  first visit:  app ready ${stats(cold.app)}; first contentful paint ${stats(cold.fcp)}`);
  console.log(`  second visit: app ready ${stats(warm.app)}; first contentful paint ${stats(warm.fcp)}`);
} finally {
  server.kill();
}
