// Large files (issue: a 200 MB log analysed in a Web Worker with a progress bar and a cancel
// button, the page responsive, the findings list virtualised). The files here are smaller
// (tens of MB, written to disk and opened by path, so nothing large goes through the
// protocol); `make bench-big` drops 200 MB and measures time and memory.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as plain } from '@playwright/test';
import { test, expect, open } from './guard.mjs';
import { violations } from './axe.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.resolve(here, '../../fixtures/logs');
const dir = mkdtempSync(path.join(tmpdir(), 'corocheck-large-'));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A real corosync 3 log (link down, membership and quorum lines), repeated to `mb` MB. */
function bigLog(name, mb) {
  const unit = readFileSync(path.join(fixtures, 'corosync3-file.log'));
  const times = Math.ceil((mb * 1e6) / unit.length);
  const file = path.join(dir, name);
  writeFileSync(file, Buffer.concat(Array(times).fill(unit)));
  return file;
}

test('a large log is analysed in a worker, with progress, and the page stays usable', async ({ page }) => {
  const file = bigLog('corosync.log', 60);
  await open(page);
  // Every value the progress bar shows, recorded as it changes: the analysis can end before a
  // poll of the bar looks at it.
  await page.evaluate(() => {
    window.progressSeen = 0;
    new MutationObserver(() => {
      const bar = document.querySelector('#big-progress');
      const v = Number(bar?.getAttribute('value')) || 0;
      window.progressSeen = Math.max(window.progressSeen, v);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['value'] });
  });
  await page.locator('#file-input').setInputFiles([file]);
  await expect(page.locator('#big-progress')).toBeVisible();
  await expect(page.locator('.file-chip', { hasText: 'corosync.log' })).toContainText('read in the background');
  // The page answers while the worker works: the wrap checkbox toggles before the analysis
  // ends (analysed on the page's thread, the click would wait for the whole analysis).
  const wrap = page.getByRole('checkbox', { name: 'Wrap long lines' });
  await wrap.check();
  await expect(wrap).toBeChecked();
  await expect(page.locator('#big-progress')).toBeVisible();
  await expect.poll(() => page.workers().length).toBe(1);
  expect(await violations(page), 'progress').toEqual([]);
  await expect.poll(() => page.evaluate(() => window.progressSeen)).toBeGreaterThan(0);

  await expect(page.locator('#big-summary')).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('#big-summary')).toContainText(/\d{6,} log record\(s\)/);
  // Findings: every listed one is in the list (past 100 of one code and severity a D007
  // counts them, as on the page's thread), but only the rows in view are in the page.
  const list = page.locator('#big-list');
  const all = Number(await list.getAttribute('data-rows'));
  expect(all).toBeGreaterThan(200);
  expect(Number(await page.locator('.chip-all .n').textContent())).toBeGreaterThan(all);
  await expect(list.locator('.vrow[data-code]').first()).toBeVisible();
  const rows = await list.locator('.vrow').count();
  expect(rows).toBeLessThan(40);
  const first = list.locator('.vrow[data-index="0"]');
  await expect(first).toContainText(/corosync\.log:\d+:\d+/);
  await expect(first.locator('.v-src mark')).not.toBeEmpty();
  // Scrolling to the end brings the last rows from the worker.
  await list.evaluate((el) => { el.scrollTop = el.scrollHeight; });
  const last = list.locator(`.vrow[data-index="${all - 1}"]`);
  await expect(last).toHaveAttribute('data-code', /^[A-Z]\d{3}$/);
  expect(await list.locator('.vrow').count()).toBeLessThan(40);
  expect(await violations(page), 'large-file view').toEqual([]);
  // The list scrolls by keyboard: it takes the focus, and End goes to the last rows.
  await list.evaluate((el) => { el.scrollTop = 0; });
  await list.focus();
  await page.keyboard.press('End');
  await expect.poll(() => list.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  // (Until the keyboard's smooth scroll has reached the end: its last steps would otherwise
  // scroll the list again after the filter below put it back to the top.)
  await expect.poll(() => list.evaluate((el) => el.scrollHeight - el.clientHeight - el.scrollTop)).toBeLessThan(2);
  // A filter shows its own rows from the top.
  await page.locator('.chip-warning').click();
  await expect(list.locator('.vrow[data-index="0"]')).toHaveClass(/sev-warning/);
  expect(Number(await list.getAttribute('data-rows'))).toBeLessThan(all);
  // A location opens the finding in full under the list.
  const row0 = list.locator('.vrow[data-index="0"]');
  await row0.locator('button.loc').click();
  await expect(page.locator('#big-detail')).toBeFocused();
  await expect(page.locator('#big-detail .f-msg')).toHaveText((await row0.locator('.v-msg').textContent()).trim());
  // Japanese renders the rows the worker sent with the page's catalog.
  const en = (await row0.locator('.v-msg').textContent()).trim();
  await page.locator('.lang-btn[lang="ja"]').click();
  await expect(page.locator('#big-summary')).toContainText('ログレコード');
  await expect(row0.locator('.v-msg')).not.toHaveText(en);
  await expect(row0.locator('.v-msg')).toHaveText(/[ぁ-んァ-ン一-龯]/);
  await page.locator('.lang-btn[lang="en"]').click();
  // Text typed beside a large file: analysed again by the same worker, without reading the
  // file again.
  await page.locator('#input').fill('totem {\n\tversion: 2\n\tcrypto_cipher: aes256\n}\n');
  await expect(page.locator('#big-summary')).toContainText('2 input(s)');
  expect(page.workers().length).toBe(1);
  await expect(page.locator('#big-list .vrow[data-code]').first()).toBeVisible();
  // Removing the file ends large-file mode and the worker.
  await page.getByRole('button', { name: 'Remove corosync.log' }).click();
  await expect(page.locator('#big')).toHaveCount(0);
  await expect(page.locator('#big-list')).toHaveCount(0);
  await expect.poll(() => page.workers().length).toBe(0);
});

test.describe('dark', () => {
  test.use({ colorScheme: 'dark' });
  test('cancel stops the worker and closes the large file (dark)', async ({ page }) => {
    const file = bigLog('node2.log', 120);
    await open(page);
    await page.locator('#file-input').setInputFiles([file]);
    await expect(page.locator('#big-progress')).toBeVisible();
    await expect.poll(() => page.workers().length).toBe(1);
    expect(await violations(page), 'progress, dark').toEqual([]);
    await page.locator('#big-cancel').click();
    await expect(page.locator('#big-progress')).toHaveCount(0);
    await expect(page.locator('.notices')).toContainText('Analysis cancelled; node2.log closed.');
    await expect(page.locator('.file-chip')).toHaveCount(0);
    await expect.poll(() => page.workers().length).toBe(0);
    // The page works as before.
    await page.locator('#input').fill('totem {\n\tversion: 2\n}\n');
    await expect(page.locator('#findings .finding').first()).toBeVisible();
  });
});

test('a file over the limit is refused with its size and the limit', async ({ page }) => {
  await open(page);
  // A File whose size is over 256 MiB without holding the bytes: a sparse Blob of slices.
  await page.evaluate(() => {
    const part = new Blob([new Uint8Array(1 << 24)]);
    const f = new File(Array(17).fill(part), 'huge.log');
    const dt = new DataTransfer();
    dt.items.add(f);
    const input = document.querySelector('#file-input');
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await expect(page.locator('.notices')).toContainText('huge.log (272.0 MB) is larger than the 256.0 MB corocheck analyses');
  await expect(page.locator('#big')).toHaveCount(0);
});

test('a large binary file is named and not analysed', async ({ page }) => {
  const file = path.join(dir, 'core.dump');
  const bytes = Buffer.alloc(9 << 20);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 251;
  writeFileSync(file, bytes);
  await open(page);
  await page.locator('#file-input').setInputFiles([file]);
  await expect(page.locator('#big-summary')).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('#findings .notices')).toContainText('core.dump: looks like binary data, not analysed');
  await expect(page.locator('#big-summary')).toContainText('1 input(s), 9.0 MB, 0 log record(s)');
});

plain.describe('no service worker', () => {
  plain.use({ serviceWorkers: 'block' });
  plain('a worker that cannot start says so and offers to close the large files', async ({ page, context }) => {
    // worker.js replaced by one that fails as it loads: the page gets the worker's error event.
    // (The service worker is blocked so that the request reaches the route.)
    await context.route(/worker\.js$/, (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript', body: 'throw new Error("no worker here");' }),
    );
    await page.goto('/');
    await expect(page.locator('#input')).toBeVisible();
    await page.locator('#file-input').setInputFiles([bigLog('node3.log', 10)]);
    const alert = page.locator('#big p[role="alert"]');
    await expect(alert).toContainText('The background analysis');
    await expect.poll(() => page.workers().length).toBe(0);
    await page.locator('#big-close').click();
    await expect(page.locator('#big')).toHaveCount(0);
    await expect(page.locator('.file-chip')).toHaveCount(0);
  });
});
