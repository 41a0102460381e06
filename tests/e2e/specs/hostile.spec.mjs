// Hostile input renders as inert text: markup and script in configs and logs never become
// elements, and nothing runs. (The guard also fails on any request outside the origin.)
import { test, expect, open, paste } from './guard.mjs';

const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=2">',
  '<svg onload="window.__xss=3"></svg>',
  '"><iframe srcdoc="<script>parent.__xss=4</script>">',
  "javascript:window.__xss=5",
  '<a href="javascript:window.__xss=6">x</a>',
  '`<b onmouseover="window.__xss=7">b</b>`',
  '<details open ontoggle="window.__xss=8">',
  '{{constructor.constructor("window.__xss=9")()}}',
  '<math><mi xlink:href="javascript:window.__xss=10">',
];

function asConfig(p) {
  // as a key, a value, a section name and a bare line, so every message path carries it
  return `totem {\n\tversion: 2\n\tcluster_name: ${p}\n\t${p}: 1\n\t${p}\n}\n${p} {\n}\n`;
}
function asLog(p) {
  return `Aug 26 16:20:37 node1 corosync[2345]:   [TOTEM ] ${p}\nAug 26 16:20:37 corosync [pcmk  ] ERROR: process_ais_conf: ${p}\n`;
}

test('XSS payloads in configs and logs stay text', async ({ page }) => {
  await open(page);
  await page.evaluate(() => { window.__xss = 0; });
  const before = await page.evaluate(() => document.querySelectorAll('script, iframe, img, svg a, object, embed').length);
  const text = PAYLOADS.map((p) => asConfig(p) + asLog(p)).join('\n');
  await paste(page, text);
  await expect(page.locator('#findings .finding').first()).toBeVisible();
  // Expand every explanation so that all text paths are rendered.
  for (const d of await page.locator('#findings details').all()) {
    await d.evaluate((el) => { el.open = true; });
  }
  await page.locator('#findings .finding').first().hover();
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.__xss)).toBe(0);
  const after = await page.evaluate(() => document.querySelectorAll('script, iframe, img, svg a, object, embed').length);
  expect(after, 'no element was injected').toBe(before);
  // The payload is shown verbatim somewhere, as text.
  await expect(page.locator('#findings')).toContainText('<script>window.__xss=1</script>');
  expect(await page.locator('#findings [onerror], #findings [onload], #findings [ontoggle], #findings [onmouseover]').count()).toBe(0);
});
