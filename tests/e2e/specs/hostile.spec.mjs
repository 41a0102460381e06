// Hostile input renders as inert text: markup and script in configs and logs never become
// elements, and nothing runs. (The guard also fails on any request outside the origin.)
import { test, expect, open, paste } from './guard.mjs';
import { PAYLOADS } from './payloads.mjs';

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

function asClusterConf(p) {
  const a = p.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<?xml version="1.0"?>\n<cluster name="${a}" config_version="1">\n  <clusternodes>\n    <clusternode name="${a}" nodeid="1"/>\n  </clusternodes>\n  <${p.replace(/[^a-z]/gi, '') || 'x'} attr="${a}"/>\n</cluster>\n`;
}

test('XSS payloads in a cluster.conf, a file name and the docs route stay text', async ({ page }) => {
  expect(PAYLOADS).toHaveLength(50);
  await open(page);
  await page.evaluate(() => { window.__xss = 0; });
  const count = () => page.evaluate(() => document.querySelectorAll('script, iframe, img, svg a, object, embed').length);
  const before = await count();
  for (const p of PAYLOADS.slice(0, 25)) {
    await page.locator('#input').fill(asClusterConf(p));
    await expect(page.locator('#findings, #cman').first()).toBeVisible();
  }
  // a file whose name is a payload
  await page.locator('#file-input').setInputFiles([
    { name: '<img src=x onerror="window.__xss=99">.conf', mimeType: 'text/plain', buffer: Buffer.from(asConfig(PAYLOADS[40]) + asConfig(PAYLOADS[41])) },
  ]);
  await expect(page.locator('.file-chip')).toHaveCount(1);
  await expect(page.locator('.file-chip .file-name')).toHaveText('<img src=x onerror="window.__xss=99">.conf');
  // message lines never link, even to https (the payloads put links into values)
  await expect(page.locator('#findings')).toContainText('[login](https://evil.example/41)');
  await expect(page.locator('#findings a[href^="https://evil.example"]')).toHaveCount(0);
  await expect(page.locator('#findings a[href^="javascript:"]')).toHaveCount(0);
  // the docs route with a payload in the hash
  for (const p of PAYLOADS.slice(0, 10)) {
    await page.goto('/#/rules/' + encodeURIComponent(p));
    await expect(page.locator('#input')).toBeAttached();
  }
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.__xss ?? 0)).toBe(0);
  expect(await count()).toBe(before);
});
