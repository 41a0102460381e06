// The page's own behaviour: language, input paths, navigation, limits, privacy.
// These do not depend on which rules the core has.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as plain } from '@playwright/test';
import { test, expect, open, paste } from './guard.mjs';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures');

test.describe('language', () => {
  test.describe('browser in Japanese', () => {
    test.use({ locale: 'ja-JP' });
    test('defaults to Japanese', async ({ page }) => {
      await open(page);
      await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
      await expect(page.locator('.purpose')).toContainText('クラスタ');
      await expect(page.locator('.lang-btn[lang="ja"]')).toHaveAttribute('aria-pressed', 'true');
    });
  });

  test('one language file per visit; the other is fetched on the switch', async ({ page }) => {
    const texts = [];
    page.on('request', (r) => {
      const m = /\/text-(\w+)\.txt$/.exec(new URL(r.url()).pathname);
      if (m) texts.push(m[1]);
    });
    await open(page);
    await expect(page.locator('#welcome h2')).toHaveText('What corocheck does');
    expect(texts).toEqual(['en']);
    await page.locator('.lang-btn[lang="ja"]').click();
    await expect(page.locator('#welcome h2')).toHaveText('corocheck でできること');
    expect(texts).toEqual(['en', 'ja']);
    // Back to English: already installed, nothing fetched.
    await page.locator('.lang-btn[lang="en"]').click();
    await expect(page.locator('#welcome h2')).toHaveText('What corocheck does');
    expect(texts).toEqual(['en', 'ja']);
  });

  test('the other parts of the text come only when the input needs them', async ({ page }) => {
    const parts = [];
    page.on('request', (r) => {
      const m = /\/(\w+)-(en|ja)\.txt$/.exec(new URL(r.url()).pathname);
      if (m) parts.push(m[1]);
    });
    // No text may ever show as its bare key (`M104.message`, `kb.x.summary`, `ui.timeline.…`).
    const noBareKeys = async () =>
      expect(page.locator('main')).not.toContainText(/\b([A-Z]\d{3}\.(message|help)|kb\.[a-z-]+\.|incident\.|cman\.conv|ui\.[a-z_]+\.)/);
    await open(page);
    await paste(page, readFileSync(path.join(fixtures, 'config/v1-plugin.conf'), 'utf8'));
    await noBareKeys();
    expect(parts).toEqual(['text']);
    // A cluster.conf with findings (M1xx) and one that converts (the cluster.conf card).
    await paste(page, readFileSync(path.join(fixtures, 'cman/broken-pcmk.conf'), 'utf8'));
    await expect(page.locator('#findings')).toContainText('M104');
    await noBareKeys();
    await paste(page, readFileSync(path.join(fixtures, 'cman/rhel6-pcmk.conf'), 'utf8'));
    await expect(page.locator('#cman')).toBeVisible();
    await noBareKeys();
    expect(parts).toEqual(['text', 'cman']);
    await paste(page, readFileSync(path.join(fixtures, 'logs/corosync3-file.log'), 'utf8'));
    await expect(page.locator('#records table')).toBeVisible();
    await noBareKeys();
    expect(parts).toEqual(['text', 'cman', 'logs']);
    // Japanese: the parts installed in English come along with the language.
    await page.locator('.lang-btn[lang="ja"]').click();
    await expect(page.locator('#welcome h2, #findings h2').first()).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await noBareKeys();
    expect(parts.slice(3).sort()).toEqual(['cman', 'logs', 'text']);
  });

  test('defaults to English, and the toggle is remembered', async ({ page }) => {
    await open(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('#welcome h2')).toHaveText('What corocheck does');
    await page.locator('.lang-btn[lang="ja"]').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(page.locator('#welcome h2')).toHaveText('corocheck でできること');
    await expect(page.locator('.purpose')).toContainText('クラスタ');
    await expect(page).toHaveTitle(/設定とログ/);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await page.locator('.lang-btn[lang="en"]').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
});

test('the example loads and is analysed', async ({ page }) => {
  await open(page);
  await page.locator('#load-example').click();
  await expect(page.locator('#input')).toHaveValue(/ver: 0/);
  await expect(page.locator('#findings')).toBeVisible();
  await expect(page.locator('#roles svg.wide')).toBeVisible();
  await expect(page.locator('#roles svg.narrow')).toBeHidden();
  await expect(page.locator('#detected .doc-file')).toHaveCount(1);
  await expect(page.locator('#detected')).toContainText('pasted');
  await page.locator('#clear').click();
  await expect(page.locator('#input')).toHaveValue('');
  await expect(page.locator('#welcome')).toBeVisible();
});

test('rule docs load from docs.json only when an explanation is opened', async ({ page }) => {
  const docs = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.endsWith('/docs.json')) docs.push(r.url());
  });
  await open(page);
  await page.locator('#load-example').click();
  const c501 = page.locator('.finding[data-code="C501"]').first();
  await expect(c501).toBeVisible();
  expect(docs, 'docs.json is not part of the first load').toEqual([]);
  await c501.locator('details.explain summary').click();
  // The rule's own docs (from docs.json), not only the finding's explanation.
  await expect(c501.locator('details.explain .md h4').first()).toBeVisible();
  await expect(c501.locator('details.explain')).toContainText('What it does');
  await expect(c501.locator('details.explain')).toContainText('References');
  expect(docs.length).toBe(1);
  await page.locator('.lang-btn[lang="ja"]').click();
  await expect(c501.locator('details.explain')).toContainText('何をするか');
  expect(docs.length, 'fetched once per session').toBe(1);
});

test('a finding location selects its range in the editor', async ({ page }) => {
  await open(page);
  await page.locator('#load-example').click();
  const first = page.locator('.finding').first();
  await expect(first).toBeVisible();
  const marked = await first.locator('.snippet mark').textContent();
  await first.locator('button.loc').click();
  const selected = await page.locator('#input').evaluate((ta) => ({
    text: ta.value.substring(ta.selectionStart, ta.selectionEnd),
    focused: document.activeElement === ta,
    line: ta.value.substring(0, ta.selectionStart).split('\n').length,
  }));
  expect(selected.focused).toBe(true);
  expect(selected.text.startsWith(marked)).toBe(true);
  await expect(first).toHaveAttribute('data-line', String(selected.line));
});

test('opened files are analysed separately, with their names', async ({ page }) => {
  await open(page);
  await page.locator('#file-input').setInputFiles([
    { name: 'pcmk', mimeType: 'text/plain', buffer: Buffer.from('service {\n\tname: pacemaker\n\tver: 0\n}\n') },
    { name: 'corosync.log', mimeType: 'text/plain', buffer: Buffer.from('Aug 26 16:20:37 corosync [pcmk  ] info: pcmk_startup: CRM: Initialized\n') },
    { name: 'latin1.conf', mimeType: 'text/plain', buffer: Buffer.from([0x23, 0x20, 0xe9, 0x0a, 0x74, 0x6f, 0x74, 0x65, 0x6d, 0x20, 0x7b, 0x7d, 0x0a]) },
    { name: 'core.bin', mimeType: 'application/octet-stream', buffer: Buffer.from(Array.from({ length: 512 }, (_, i) => i % 7)) },
  ]);
  await expect(page.locator('.file-chip')).toHaveCount(4);
  await expect(page.locator('#detected .doc-file')).toHaveCount(4);
  await expect(page.locator('#detected')).toContainText('pcmk');
  await expect(page.locator('#detected')).toContainText('corosync.log');
  // invalid UTF-8 is reported with its byte offset; binary input is named and skipped
  await expect(page.locator('.file-chip', { hasText: 'latin1.conf' })).toContainText('first at byte 2');
  await expect(page.locator('.file-chip.bad', { hasText: 'core.bin' })).toContainText('binary');
  await expect(page.locator('#detected .doc-file.bad')).toContainText('looks binary');
  await expect(page.locator('.summary')).toContainText('3 input(s)');
  // removing a file re-analyses without it
  await page.getByRole('button', { name: 'Remove corosync.log' }).click();
  await expect(page.locator('.file-chip')).toHaveCount(3);
  await expect(page.locator('.summary')).toContainText('2 input(s)');
});

test('files dropped on the page are read', async ({ page }) => {
  await open(page);
  const dt = await page.evaluateHandle(() => {
    const d = new DataTransfer();
    d.items.add(new File(['service {\n\tname: pacemaker\n\tver: 0\n}\n'], 'pcmk', { type: 'text/plain' }));
    d.items.add(new File(['totem {\n\tversion: 2\n}\n'], 'corosync.conf', { type: 'text/plain' }));
    return d;
  });
  await page.locator('#input').dispatchEvent('dragenter', { dataTransfer: dt });
  await expect(page.locator('.drop-overlay')).toBeVisible();
  await page.locator('.drop-overlay').dispatchEvent('drop', { dataTransfer: dt });
  await expect(page.locator('.drop-overlay')).toBeHidden();
  await expect(page.locator('.file-chip')).toHaveCount(2);
  await expect(page.locator('#detected .doc-file')).toHaveCount(2);
  // the editor was not changed by the drop
  await expect(page.locator('#input')).toHaveValue('');
});

test('a 10 MB paste shows a progress state and caps the lists', async ({ page }) => {
  test.setTimeout(180_000);
  await open(page);
  // The analysis blocks the page while it runs, so record the notice as it appears.
  await page.evaluate(() => {
    window.busySeen = [];
    new MutationObserver(() => {
      const b = document.querySelector('.busy');
      if (b) window.busySeen.push(b.textContent);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const started = Date.now();
  await page.locator('#input').evaluate((ta) => {
    const line = 'Aug 26 16:20:37 corosync [pcmk  ] ERROR: process_ais_conf: You have configured a cluster using the Pacemaker plugin for Corosync.\n';
    ta.value = line.repeat(Math.ceil((10 * 1024 * 1024) / line.length));
    ta.dispatchEvent(new InputEvent('input', { bubbles: true }));
  });
  // (First "Loading the log and cluster.conf analysis…": a log needs the late part of the wasm.)
  await expect
    .poll(() => page.evaluate(() => window.busySeen.some((t) => t.includes('10.0 MB'))), { timeout: 30_000 })
    .toBe(true);
  await expect(page.locator('.busy')).toBeHidden({ timeout: 150_000 });
  console.log(`10 MB analysed and shown in ${Date.now() - started} ms`);
  await expect(page.locator('#findings')).toBeVisible();
  expect(await page.locator('.finding').count()).toBeLessThanOrEqual(500);
  expect(await page.locator('#records tbody tr').count()).toBeLessThanOrEqual(500);
  // the page still responds
  await page.locator('.lang-btn[lang="ja"]').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
});

test('privacy: a strict CSP and no inline script', async ({ page }) => {
  await open(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(await page.locator('script:not([src])').count()).toBe(0);
});

test.describe('phone width', () => {
  test.use({ viewport: { width: 375, height: 800 } });
  test('no horizontal scrolling at 375 px', async ({ page }) => {
    await open(page);
    await page.locator('#load-example').click();
    await expect(page.locator('#findings')).toBeVisible();
    await expect(page.locator('#roles svg.narrow')).toBeVisible();
    await expect(page.locator('#roles svg.wide')).toBeHidden();
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1]);
  });
});

// A browser that cannot compile the wasm (it needs WebAssembly SIMD, README "Browsers") gets a
// message, not an empty page. Simulated by serving bytes that are no wasm module; the error is
// expected here, so this test does not use the guard fixture.
plain('a wasm that cannot start leaves a message, not an empty page', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route(/_bg\.wasm$/, (route) =>
    route.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from('not wasm') }),
  );
  await page.goto('/');
  const alert = page.locator('body > p[role="alert"]');
  await expect(alert).toContainText('corocheck could not start');
  await expect(alert).toContainText('corocheck を起動できませんでした');
  await expect(page.locator('#input')).toHaveCount(0);
  await expect.poll(() => errors.length).toBe(1);
});
