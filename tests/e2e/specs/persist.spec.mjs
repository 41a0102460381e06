// The pasted text survives a reload (this browser's localStorage only), and "Clear" really
// clears it: nothing is kept after it.
import { test, expect, open, paste } from './guard.mjs';

test('the input survives a reload and Clear removes it', async ({ page }) => {
  await open(page);
  const text = 'totem {\n    version: 3\n}\n';
  await paste(page, text);
  await expect(page.locator('#findings .finding[data-code="C101"]')).toHaveCount(1);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('corocheck.input'))).toBe(text);

  await page.reload();
  await expect(page.locator('#input')).toHaveValue(text);
  await expect(page.locator('#findings .finding[data-code="C101"]')).toHaveCount(1);

  await page.locator('#clear').click();
  await expect(page.locator('#input')).toHaveValue('');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('corocheck.input'))).toBeNull();
  await page.reload();
  await expect(page.locator('#input')).toBeVisible();
  await expect(page.locator('#input')).toHaveValue('');
  await expect(page.locator('#findings')).toHaveCount(0);
});
