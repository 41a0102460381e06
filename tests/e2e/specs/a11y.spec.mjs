// Accessibility: axe-core (npm, run inside the page) finds no serious or critical violation in
// the page's main states, light and dark, English and Japanese; and the checker works by
// keyboard alone.
import { test, expect, open } from './guard.mjs';
import { violations } from './axe.mjs';

for (const scheme of ['light', 'dark']) {
  for (const locale of ['en-US', 'ja-JP']) {
    test.describe(`${scheme}, ${locale}`, () => {
      test.use({ colorScheme: scheme, locale });
      test('axe: no serious or critical violation', async ({ page }) => {
        await open(page);
        expect(await violations(page), 'empty page').toEqual([]);
        // The founding case: findings, detected documents, roles and the stack picture.
        await page.locator('#load-example').click();
        await expect(page.locator('#findings')).toBeVisible();
        await expect(page.locator('#roles')).toBeVisible();
        expect(await violations(page), 'founding case').toEqual([]);
        // A finding's explanation opened (docs.json).
        const explain = page.locator('#findings details summary').first();
        if (await explain.count()) await explain.click();
        expect(await violations(page), 'explanation open').toEqual([]);
        await page.goto('/#/rules');
        await expect(page.locator('input[type=search]')).toBeVisible();
        expect(await violations(page), 'rules index').toEqual([]);
        await page.goto('/#/rules/C501');
        await expect(page.locator('#rule-doc h3').filter({ hasText: 'C501' })).toBeVisible();
        expect(await violations(page), 'rule page').toEqual([]);
        // The harness itself can fail: an image without text is a critical violation.
        await page.evaluate(() => document.body.appendChild(document.createElement('img')));
        expect((await violations(page)).map((v) => v.id)).toContain('image-alt');
      });
    });
  }
}

test('the checker works by keyboard alone', async ({ page }) => {
  await open(page);
  // From the top of the page, Tab reaches "Load example"; Enter presses it.
  const seen = [];
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement?.id || document.activeElement?.className || '');
    seen.push(id);
    if (id === 'load-example') break;
  }
  expect(seen).toContain('load-example');
  // Focus is visible where it lands.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(page.locator('#input')).toHaveValue(/ver: 0/);
  await expect(page.locator('#findings')).toBeVisible();
  // Tab onward reaches a finding's location link; Enter selects its range in the editor.
  let reached = false;
  for (let i = 0; i < 60 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => !!document.activeElement?.closest('#findings'));
  }
  expect(reached, 'a control inside the findings list is reachable by Tab').toBe(true);
  // Every button and link of the page can be focused (none is taken out of the tab order).
  const unreachable = await page.evaluate(() =>
    [...document.querySelectorAll('button, a[href], select, textarea, input, summary')]
      .filter((e) => e.offsetParent !== null && e.tabIndex < 0 && !e.closest('[aria-hidden=true]'))
      .map((e) => e.outerHTML.slice(0, 80)),
  );
  expect(unreachable).toEqual([]);
  // Escape-free: the editor does not trap Tab (Tab moves focus out of the textarea).
  await page.locator('#input').focus();
  await page.keyboard.press('Tab');
  const after = await page.evaluate(() => document.activeElement?.id);
  expect(after).not.toBe('input');
});
