// The editor: highlighting drawn under the textarea, findings as underlines and gutter marks
// with hover text, kept in step with typing and scrolling; plain when lines wrap.
import { test, expect, open } from './guard.mjs';

test('highlighting, underlines and gutter marks follow the text', async ({ page }) => {
  await open(page);
  await page.locator('#load-example').click();
  await expect(page.locator('#findings')).toBeVisible();
  const ta = page.locator('#input');
  await expect(ta).toHaveClass('hl-on');
  // Every line on screen is drawn, and the drawn text is the textarea's text.
  const value = await ta.inputValue();
  const drawn = await page.locator('.hl .l').allTextContents();
  expect(drawn).toEqual(value.split('\n').slice(0, drawn.length));
  // Tokens: the section name and a key are coloured.
  await expect(page.locator('.hl .s', { hasText: 'service' })).toHaveCount(1);
  await expect(page.locator('.hl .k', { hasText: 'ver' })).toHaveCount(1);
  // The C501 finding underlines `ver: 0` and marks its line in the gutter, with its text.
  await expect(page.locator('.hl .u-error').first()).toBeVisible();
  expect((await page.locator('.hl .u-error').allTextContents()).join('')).toContain('ver: 0');
  const mark = page.locator('.marks .gm.sev-error');
  await expect(mark).toHaveCount(1);
  await expect(mark).toHaveAttribute('title', /C501/);
  // The mark sits on the line of `ver: 0` (line 5).
  const lineBox = await page.locator('.hl .l').nth(4).boundingBox();
  const markBox = await mark.boundingBox();
  expect(Math.abs(markBox.y + markBox.height / 2 - (lineBox.y + lineBox.height / 2))).toBeLessThan(6);
  // Hovering that line of the textarea shows the finding as its tooltip.
  const taBox = await ta.boundingBox();
  await page.mouse.move(taBox.x + 60, lineBox.y + lineBox.height / 2);
  await expect(ta).toHaveAttribute('title', /C501/);
  // Typing shows at once (before the next analysis), and the underline waits for it.
  await ta.press('Control+End');
  await ta.type('\ntotem {');
  await expect(page.locator('.hl .l').last()).toHaveText('totem {');
});

test('a 300-line config: the drawn lines stay in step with scrolling', async ({ page }) => {
  await open(page);
  const lines = ['totem {', '    version: 2', '    cluster_name: big'];
  while (lines.length < 298) lines.push(`    # comment ${lines.length}`);
  lines.push('    token: 10', '}');
  await page.locator('#input').fill(lines.join('\n'));
  await expect(page.locator('#findings')).toBeVisible();
  const ta = page.locator('#input');
  for (const top of [0, 1234, 100000]) {
    await ta.evaluate((el, t) => { el.scrollTop = t; el.dispatchEvent(new Event('scroll')); }, top);
    const { scrollTop } = await ta.evaluate((el) => ({ scrollTop: el.scrollTop }));
    const first = Math.max(0, Math.floor((scrollTop - 8) / 20));
    const drawn = await page.locator('.hl .l').allTextContents();
    expect(drawn.length).toBeGreaterThan(5);
    expect(drawn.length).toBeLessThan(60); // only what is on screen
    expect(drawn).toEqual(lines.slice(first, first + drawn.length));
    // The drawn line sits where the textarea shows it.
    const taBox = await ta.boundingBox();
    const box = await page.locator('.hl .l').first().boundingBox();
    expect(Math.abs(box.y - (taBox.y + 8 + first * 20 - scrollTop))).toBeLessThan(1.5);
  }
  // The finding on `token: 10` (the last lines) is marked once it is on screen.
  await expect(page.locator('.marks .gm')).not.toHaveCount(0);
});

test('wrapped lines turn highlighting off', async ({ page }) => {
  await open(page);
  await page.locator('#load-example').click();
  await expect(page.locator('#input')).toHaveClass('hl-on');
  await page.getByLabel(/Wrap long lines/).check();
  await expect(page.locator('#input')).not.toHaveClass('hl-on');
  await expect(page.locator('.hl .l')).toHaveCount(0);
});
