// The docs pages: #/rules lists every code with a search box, #/rules/<CODE> shows one code's
// docs (from docs.json, the same source as the checks), a finding's code links there, and the
// checker keeps what was typed while a docs page is up.
import { test, expect, open, paste } from './guard.mjs';

test('a finding links to its code page, and back keeps the input', async ({ page }) => {
  await open(page);
  const text = 'totem {\n    version: 3\n    cluster_name: c\n}\n';
  await paste(page, text);
  const link = page.locator('#findings .finding[data-code="C101"] a.code');
  await expect(link).toHaveAttribute('href', '#/rules/C101');
  await link.click();
  await expect(page).toHaveURL(/#\/rules\/C101$/);
  const doc = page.locator('#rule-doc');
  await expect(doc.locator('h3')).toContainText('C101');
  await expect(doc.locator('h3')).toContainText('totem-version-not-2');
  await expect(doc).toContainText('What it does');
  await expect(doc).toContainText('version: 2');
  await expect(page.locator('main.layout')).toBeHidden();

  await page.locator('#back-to-checker').click();
  await expect(page.locator('main.layout')).toBeVisible();
  await expect(page.locator('#input')).toHaveValue(text);
  await expect(page.locator('#findings .finding[data-code="C101"]')).toHaveCount(1);
});

test('the rules index is searchable, in both languages, and opens by URL', async ({ page }) => {
  await page.goto('/#/rules');
  const items = page.locator('.docs-list li');
  await expect(items.first()).toBeVisible();
  const all = await items.count();
  expect(all).toBeGreaterThan(200); // rules and knowledge-base entries
  await expect(page.locator('.docs-list')).toContainText('L001');

  await page.locator('#docs-search').fill('two_node');
  await expect.poll(() => items.count()).toBeLessThan(all);
  await expect(page.locator('.docs-list')).toContainText('C304');
  await expect(page.locator('.docs-list')).not.toContainText('C101 ');
  await page.locator('#docs-search').fill('no-such-words-anywhere');
  await expect(items).toHaveCount(0);

  await page.goto('/#/rules/C501');
  await expect(page.locator('#rule-doc h3')).toContainText('pacemaker-plugin');
  await page.locator('.lang-btn[lang="ja"]').click();
  await expect(page.locator('#rule-doc')).toContainText('何をするか');
  await page.goto('/#/rules/X999');
  await expect(page.locator('#rule-doc')).toContainText('X999');
});
