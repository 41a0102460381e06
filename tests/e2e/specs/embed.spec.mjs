// The embedding bundle (dist/embed/, embed.html): the <pre data-corocheck> element and the
// check()/checkFiles() API. What check() returns must equal what `corocheck check --format
// json` prints for the same files (the CLI is run by this test). The guard fixture also fails
// on console errors (CSP violations included) and on any request outside the origin.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from './guard.mjs';

const e2eDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = path.resolve(e2eDir, '../..');
const seedDir = process.env.SEED_CASE_DIR
  ? path.resolve(process.env.SEED_CASE_DIR)
  : path.resolve(e2eDir, '../../../shared/samples/seed-case');

/** `corocheck check --format json ARGS` run in `cwd` (the CLI of this checkout). */
function cli(cwd, args) {
  const r = spawnSync(
    'cargo',
    ['run', '-q', '--manifest-path', path.join(root, 'Cargo.toml'), '-p', 'corocheck', '--',
      'check', '--format', 'json', ...args],
    { cwd, encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  expect(r.status, r.stderr).not.toBe(2);
  return JSON.parse(r.stdout);
}

/** The CLI with the long explanations, which the embed build leaves out (as the page does). */
function withoutExplanations(v) {
  for (const d of v.diagnostics) d.explanation = null;
  return v;
}

async function openEmbed(page) {
  await page.goto('/embed.html');
  await expect(page.locator('#founding[data-corocheck-done]')).toHaveCount(1);
  await expect(page.locator('#ja-conf[data-corocheck-done]')).toHaveCount(1);
}

/** Call the module's export `fn` in the page with JSON arguments. */
function callApi(page, fn, ...args) {
  return page.evaluate(
    async ([fn, args]) => {
      const m = await import('./embed/corocheck-embed.js');
      await m.ready();
      try {
        return { ok: m[fn](...args) };
      } catch (e) {
        return { error: e instanceof Error ? e.message : `not an Error: ${e}` };
      }
    },
    [fn, args],
  );
}

test('embed.html annotates the founding case like the CLI', async ({ page }) => {
  await openEmbed(page);
  const block = page.locator('.corocheck').filter({ has: page.locator('#founding') });
  const items = block.locator('.cc-finding');

  // C501 on the `ver: 0` line, underlined, with an error mark in the gutter
  await expect(items.and(page.locator('[data-code="C501"]'))).toHaveAttribute('data-line', '4');
  await expect(page.locator('#founding .cc-line[data-line="4"]')).toHaveAttribute('data-sev', 'error');
  await expect(page.locator('#founding .cc-line[data-line="4"] mark[data-codes~="C501"]')).toHaveText('ver: 0');
  // one L0xx finding for each plugin log line
  for (const line of ['6', '7']) {
    await expect(items.and(page.locator(`[data-code^="L0"][data-line="${line}"]`)).first()).toBeVisible();
    await expect(page.locator(`#founding .cc-line[data-line="${line}"] mark`).first()).toBeVisible();
  }
  // lines without findings carry no mark
  await expect(page.locator('#founding .cc-line[data-line="2"]')).not.toHaveAttribute('data-sev', /./);

  // Annotating keeps the text: the block's text is still exactly the page's source text.
  const [shown, source] = await page.evaluate(async () => {
    const html = await (await fetch('embed.html')).text();
    const doc = new DOMParser().parseFromString(html, 'text/html');
    return [document.getElementById('founding').textContent, doc.getElementById('founding').textContent];
  });
  expect(shown).toBe(source);

  // The list says what the CLI says for the same text.
  const dir = mkdtempSync(path.join(tmpdir(), 'corocheck-embed-'));
  writeFileSync(path.join(dir, 'input'), source);
  const want = cli(dir, ['--lang', 'en', 'input']).diagnostics;
  expect(want.length).toBeGreaterThan(2);
  const got = await items.evaluateAll((lis) =>
    lis.map((li) => ({
      code: li.dataset.code,
      pos: li.querySelector('.cc-pos').textContent,
      message: li.querySelector('.cc-msg').textContent,
      help: li.querySelector('.cc-help')?.textContent ?? null,
      href: li.querySelector('a.cc-code').href,
    })),
  );
  expect(got.map(({ href, ...g }) => g)).toEqual(
    want.map((d) => ({ code: d.code, pos: `${d.line}:${d.column}`, message: d.message, help: d.help })),
  );
  // each code links to the rule's docs on the corocheck page next to embed/
  const base = new URL('/', page.url()).href;
  expect(got.map((g) => g.href)).toEqual(want.map((d) => `${base}#/rules/${d.code}`));
});

test('a block with data-lang="ja" is annotated in Japanese', async ({ page }) => {
  await openEmbed(page);
  const block = page.locator('.corocheck').filter({ has: page.locator('#ja-conf') });
  const items = block.locator('.cc-finding');
  await expect(items.first()).toBeVisible();
  const text = await page.locator('#ja-conf').textContent();
  const r = await callApi(page, 'check', text, { lang: 'ja', target: '3', path: 'corosync.conf' });
  expect(r.ok.lang).toBe('ja');
  expect(r.ok.target).toBe('3.x');
  const codes = r.ok.diagnostics.map((d) => d.code);
  expect(codes).toEqual(expect.arrayContaining(['C206', 'C304', 'C614']));
  await expect(items).toHaveCount(codes.length);
  expect(await items.locator('.cc-msg').allTextContents()).toEqual(r.ok.diagnostics.map((d) => d.message));
  for (const m of r.ok.diagnostics.map((d) => d.message)) expect(m).toMatch(/[ぁ-んァ-ヶ一-龠]/);
  await expect(items.locator('.cc-sev').first()).toHaveText(/^(エラー|警告|情報)$/);
  // the same finding in English differs only in language
  const en = await callApi(page, 'check', text, { lang: 'en', target: '3', path: 'corosync.conf' });
  expect(en.ok.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual(
    r.ok.diagnostics.map((d) => [d.code, d.line, d.column]),
  );
  expect(en.ok.diagnostics[0].message).not.toBe(r.ok.diagnostics[0].message);
  // UTF-16 offsets index the JavaScript string, byte offsets the UTF-8 text: both name the
  // same characters, and they differ after `デモ` (3 bytes but 1 UTF-16 unit per character).
  const bytes = new TextEncoder().encode(text);
  expect(r.ok.diagnostics.some((d) => d.start_utf16 < d.start)).toBe(true);
  for (const d of r.ok.diagnostics) {
    expect(text.slice(d.start_utf16, d.end_utf16)).toBe(
      new TextDecoder().decode(bytes.slice(d.start, d.end)),
    );
    const marked = await page
      .locator(`#ja-conf .cc-line[data-line="${d.line}"] mark[data-codes~="${d.code}"]`)
      .textContent();
    expect(marked).toBe(text.slice(d.start_utf16, d.end_utf16));
  }
});

test('check() and checkFiles() return what the CLI prints for the seed case', async ({ page }) => {
  await openEmbed(page);
  // The demo script's printed JSON is check()'s result.
  await expect(page.locator('#api-output[data-done]')).toHaveCount(1);
  const printed = JSON.parse(await page.locator('#api-output').textContent());
  expect(printed.tool).toBe('corocheck');
  expect(printed.diagnostics.length).toBeGreaterThan(0);

  const names = ['corosync.conf', 'corosync.log', 'service.d-pcmk'];
  const files = names.map((name) => ({ name, text: readFileSync(path.join(seedDir, name), 'utf8') }));
  for (const lang of ['en', 'ja']) {
    const want = withoutExplanations(cli(seedDir, ['--lang', lang, ...names]));
    const got = await callApi(page, 'checkFiles', files, { lang });
    expect(got.error).toBeUndefined();
    expect(got.ok.diagnostics.every((d) => d.explanation === null)).toBe(true);
    expect(got.ok).toEqual(want);
    expect(got.ok.diagnostics.map((d) => d.code)).toContain('C501');
  }
  // the archived mail (line breaks lost), alone, with a version pin
  const question = readFileSync(path.join(seedDir, 'question.txt'), 'utf8');
  const want = withoutExplanations(cli(seedDir, ['--lang', 'en', '--target-version', '1', 'question.txt']));
  const got = await callApi(page, 'check', question, { path: 'question.txt', target: '1' });
  expect(got.ok).toEqual(want);
  expect(got.ok.diagnostics.length).toBeGreaterThan(0);
});

test('bad options throw an Error that names the option', async ({ page }) => {
  await openEmbed(page);
  const cases = [
    [['check', 'x', { lang: 'fr' }], /options\.lang "fr"/],
    [['check', 'x', { lng: 'en' }], /unknown key "lng"/],
    [['check', 'x', { target: '4' }], /options\.target "4"/],
    [['check', 'x', { target: 3 }], /options\.target must be a string/],
    [['check', 'x', { profile: 'none' }], /options\.profile "none"/],
    [['check', 'x', 'en'], /options must be an object/],
    [['check', 42], /text must be a string/],
    [['checkFiles', 'x'], /files must be an array/],
    [['checkFiles', [{ name: 'a' }]], /files\[0\] needs a string name and a string text/],
    [['checkFiles', [{ name: 'a', text: 'b', path: 'c' }]], /files\[0\]: unknown key "path"/],
    [['checkFiles', [{ name: 'a', text: 'b' }], { path: 'c' }], /options\.path is for check/],
  ];
  for (const [[fn, ...args], re] of cases) {
    const r = await callApi(page, fn, ...args);
    expect(r.error, JSON.stringify([fn, args])).toMatch(re);
  }
  // and the module still works afterwards (no panic, no poisoned state)
  const ok = await callApi(page, 'check', 'totem {\n', {});
  expect(ok.ok.summary.errors).toBeGreaterThan(0);
});

test('hostile text in a block stays inert', async ({ page }) => {
  await openEmbed(page);
  const payload = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
  const text = `totem {\n\tversion: 2\n\tcluster_name: ${payload}\n\t${payload}: 1\n}\n` +
    `Aug 26 16:20:37 corosync [pcmk  ] ERROR: process_ais_conf: ${payload}\n`;
  const before = await page.evaluate(() => document.querySelectorAll('img, script, iframe').length);
  await page.evaluate(async (text) => {
    window.__xss = 0;
    const pre = document.createElement('pre');
    pre.id = 'hostile';
    pre.dataset.corocheck = '';
    pre.dataset.docs = 'javascript:window.__xss=3//';
    pre.textContent = text;
    document.querySelector('main').append(pre);
    const m = await import('./embed/corocheck-embed.js');
    await m.annotate();
  }, text);
  const block = page.locator('.corocheck').filter({ has: page.locator('#hostile') });
  await expect(block.locator('.cc-finding').first()).toBeVisible();
  await block.locator('mark').first().hover();
  await page.waitForTimeout(200);
  expect(await page.evaluate(() => window.__xss)).toBe(0);
  expect(await page.evaluate(() => document.querySelectorAll('img, script, iframe').length)).toBe(before);
  expect(await page.locator('#hostile').textContent()).toBe(text);
  await expect(block.locator('.cc-findings')).toContainText('<img src=x');
  // a javascript: docs base is not used for the links
  for (const href of await block.locator('a.cc-code').evaluateAll((as) => as.map((a) => a.href))) {
    expect(href).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#\/rules\/[A-Z]\d+$/);
  }
});
