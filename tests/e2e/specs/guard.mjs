// Shared fixture: every test records the page's requests, console errors and page errors,
// and fails if any request left the page's origin or anything was logged as an error.
import { test as base, expect } from '@playwright/test';

export const test = base.extend({
  guard: [
    async ({ page, baseURL }, use) => {
      const requests = [];
      const errors = [];
      page.on('request', (r) => requests.push(r.url()));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console: ${m.text()}`);
      });
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      await use({ requests, errors });
      expect(errors, 'console errors and page errors').toEqual([]);
      expect(requests.length, 'the page made requests at all').toBeGreaterThan(0);
      const foreign = requests.filter((u) => !u.startsWith(baseURL));
      expect(foreign, `requests outside ${baseURL}`).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Open the page and wait until the app has mounted. */
export async function open(page) {
  await page.goto('/');
  await expect(page.locator('#input')).toBeVisible();
}

/** Put text into the editor the way a paste does (value + input event). */
export async function paste(page, text) {
  await page.locator('#input').fill(text);
  await expect(page.locator('#findings')).toBeVisible();
}
