// Static hosting: the page works from a sub-path (as on a GitHub Pages project site), every
// request stays under that path, and after the first visit it works offline (service worker).
import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(here, '../../../dist');
const port = Number(process.env.PORT ?? '8081') + 1;
const base = `http://127.0.0.1:${port}/team/corocheck/`;
let server;

test.beforeAll(async () => {
  // A site root with the page two folders down.
  const root = mkdtempSync(path.join(os.tmpdir(), 'corocheck-site-'));
  mkdirSync(path.join(root, 'team'));
  symlinkSync(dist, path.join(root, 'team', 'corocheck'));
  server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', root], {
    stdio: 'ignore',
  });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(base)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('static server did not start');
});

test.afterAll(() => server?.kill());

test('works from a sub-path, stays under it, and works offline after the first visit', async ({ page, context }) => {
  test.slow();
  const requests = [];
  const errors = [];
  context.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));

  await page.goto(base);
  await page.locator('#load-example').click();
  await expect(page.locator('#findings .finding[data-code="C501"]')).toHaveCount(1);
  // The docs come from the same sub-path.
  await page.goto(base + '#/rules/C501');
  await expect(page.locator('#rule-doc h3')).toContainText('pacemaker-plugin');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));

  const outside = requests.filter((u) => !u.startsWith(base));
  expect(outside, 'requests outside the page folder').toEqual([]);
  // The large-file worker's wasm (dist/worker/, 347 KB) is no part of a visit without a
  // large file, not even for the service worker.
  expect(requests.filter((u) => u.includes('/worker/')), 'worker wasm fetched').toEqual([]);

  // A large file online: the worker's wasm is fetched then, and the service worker keeps it.
  const unit = readFileSync(path.resolve(here, '../../fixtures/logs/corosync3-file.log'));
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'corocheck-offline-'));
  const big = path.join(tmp, 'corosync.log');
  writeFileSync(big, Buffer.concat(Array(Math.ceil(9.5e6 / unit.length)).fill(unit)));
  const summary = page.locator('#big-summary');
  await page.goto(base);
  await page.locator('#file-input').setInputFiles([big]);
  await expect(summary).toContainText(/\d{5,} log record\(s\)/, { timeout: 60_000 });
  expect(requests.filter((u) => u.includes('/worker/')).length, 'worker wasm fetched').toBeGreaterThan(0);

  // Offline (the server stopped, too): the page, the example, the docs and the large-file
  // view used before all still work.
  server.kill();
  await context.setOffline(true);
  await page.goto(base);
  await expect(page.locator('#input')).toBeVisible();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'served by the worker').toBe(true);
  await page.locator('#load-example').click();
  await expect(page.locator('#findings .finding[data-code="C501"]')).toHaveCount(1);
  await page.goto(base + '#/rules/C501');
  await expect(page.locator('#rule-doc')).toContainText('What it does');
  await page.goto(base);
  await page.locator('#file-input').setInputFiles([big]);
  await expect(summary).toContainText(/\d{5,} log record\(s\)/, { timeout: 60_000 });
  rmSync(tmp, { recursive: true, force: true });
  await context.setOffline(false);
  expect(errors).toEqual([]);
});
