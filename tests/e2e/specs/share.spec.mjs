// Share links (#/share/<data>): a multi-file round trip in a fresh browser, the data never in
// a request, Redact's consistent replacement and its Undo, clear messages for damaged, newer
// and oversized links, and the 50 XSS payloads as share links staying inert text.
import zlib from 'node:zlib';
import { test, expect, open, paste } from './guard.mjs';
import { PAYLOADS } from './payloads.mjs';

const CONF = 'totem {\n\tversion: 2\n\tcluster_name: prodha\n\ttransport: knet\n}\nnodelist {\n'
  + '\tnode {\n\t\tname: hv-node1\n\t\tnodeid: 1\n\t\tring0_addr: 10.20.30.41\n\t}\n'
  + '\tnode {\n\t\tname: hv-node2\n\t\tnodeid: 2\n\t\tring0_addr: 10.20.30.42\n\t}\n}\n'
  + 'quorum {\n\tprovider: corosync_votequorum\n\ttwo_node: 1\n}\n';
const LOG = 'Aug 26 16:20:38 hv-node1 pacemaker-controld[2400]:  notice: Node hv-node2 state is now lost\n'
  + 'Aug 26 16:20:39 hv-node1 corosync[2345]:   [TOTEM ] The network interface [10.20.30.41] is now up.\n';
const NODE2 = CONF.replace('two_node: 1', 'two_node: 0');

// The payload as corocheck_core::share writes it: version byte, then LEB128 length + UTF-8
// bytes for each name and text.
function leb(n) {
  const b = [];
  do {
    const x = n & 0x7f;
    n = Math.floor(n / 128);
    b.push(n ? x | 0x80 : x);
  } while (n);
  return Buffer.from(b);
}
function payload(files, version = 1) {
  const parts = [Buffer.from([version])];
  for (const f of files) {
    for (const s of [f.name, f.text]) {
      const b = Buffer.from(s, 'utf8');
      parts.push(leb(b.length), b);
    }
  }
  return Buffer.concat(parts);
}
const link = (bytes) => '/#/share/' + zlib.deflateRawSync(bytes).toString('base64url');

async function addFiles(page, files) {
  await page.locator('#file-input').setInputFiles(
    files.map((f) => ({ name: f.name, mimeType: 'text/plain', buffer: Buffer.from(f.text) })));
  await expect(page.locator('.file-chip')).toHaveCount(files.length);
}

/** Wait until the analysis with LOG is on screen (a log first loads the late part of the wasm). */
async function logShown(page) {
  await expect(page.locator('#records tbody tr')).toContainText(['Node hv-node2 state is now lost']);
}

async function share(page) {
  await page.locator('#share').click();
  await expect(page.locator('#share-link')).toBeVisible();
  return page.locator('#share-link').inputValue();
}

test('a shared link opens the same files in a new browser; the data is never requested', async ({ page, browser, guard }) => {
  await open(page);
  await paste(page, CONF);
  await addFiles(page, [{ name: 'messages', text: LOG }, { name: 'node2.conf', text: NODE2 }]);
  await logShown(page);
  const url = await share(page);
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#\/share\/[A-Za-z0-9_-]+$/);
  await expect(page.locator('.notices')).toContainText(`(${url.length} characters)`);
  const data = url.split('#/share/')[1];

  // A fresh context: no kept input, nothing shared but the link.
  const ctx = await browser.newContext();
  const p2 = await ctx.newPage();
  const seen = [];
  const errors = [];
  p2.on('request', (r) => seen.push(r.url()));
  p2.on('pageerror', (e) => errors.push(e.message));
  await p2.goto(url);
  await expect(p2.locator('#input')).toHaveValue(CONF);
  await expect(p2.locator('.file-chip .file-name')).toHaveText(['messages', 'node2.conf']);
  await expect(p2.locator('#findings')).toBeVisible();
  await expect(p2.locator('.notices')).toContainText('Opened 3 files from a shared link');
  // the same analysis as the sender's page
  const codes = (pg) => pg.locator('#findings .finding').evaluateAll((els) => els.map((e) => e.dataset.code).sort());
  expect(await codes(p2)).toEqual(await codes(page));
  // the fragment is gone from the address bar
  expect(await p2.evaluate(() => location.href)).toBe(url.split('#')[0]);
  expect(seen.length).toBeGreaterThan(0);
  const leaked = [...seen, ...guard.requests].filter((u) => u.includes('#') || u.includes(data.slice(0, 24)));
  expect(leaked).toEqual([]);
  expect(errors).toEqual([]);
  await ctx.close();
});

test('opening a link keeps the earlier text in Undo', async ({ page }) => {
  await open(page);
  const mine = 'totem {\n\tversion: 3\n}\n';
  await paste(page, mine);
  await page.goto(link(payload([{ name: '', text: CONF }])));
  await expect(page.locator('#input')).toHaveValue(CONF);
  await page.locator('#fix-undo').click();
  await expect(page.locator('#input')).toHaveValue(mine);
});

test('Redact replaces addresses and names consistently across files, and Undo restores them', async ({ page }) => {
  await open(page);
  await paste(page, CONF);
  await addFiles(page, [{ name: 'messages', text: LOG }]);
  await logShown(page);
  const before = await page.locator('#findings .finding').evaluateAll((els) => els.map((e) => e.dataset.code).sort());
  await page.locator('#redact').click();
  await expect(page.locator('.notices')).toContainText(
    'Replaced 2 addresses, 0 MAC addresses, 2 host names and 1 cluster names.');
  const text = await page.locator('#input').inputValue();
  expect(text).toContain('cluster_name: cluster-a');
  expect(text).toContain('name: node-a');
  expect(text).toContain('ring0_addr: 192.0.2.41');
  expect(text).not.toMatch(/hv-node|prodha|10\.20\.30/);
  // the log got the same replacements (its records name the same nodes and address)
  const shared = await share(page);
  const ctx = await page.context().browser().newContext();
  const p2 = await ctx.newPage();
  await p2.goto(shared);
  await expect(p2.locator('.file-chip')).toHaveCount(1);
  await expect(p2.locator('#records')).toContainText('Node node-b state is now lost');
  await expect(p2.locator('#records')).toContainText('[192.0.2.41]');
  await expect(p2.locator('#records')).not.toContainText('hv-node');
  await ctx.close();
  // the same findings after redaction
  await expect.poll(() => page.locator('#findings .finding').evaluateAll((els) => els.map((e) => e.dataset.code).sort())).toEqual(before);
  await page.locator('#fix-undo').click();
  await expect(page.locator('#input')).toHaveValue(CONF);
  await page.locator('#share').click();
  await expect(page.locator('#share-link')).not.toHaveValue(shared);
});

test('damaged, newer and oversized links give a clear message and load nothing', async ({ page }) => {
  await open(page);
  const cases = [
    ['/#/share/%3Cscript%3E', 'This shared link is damaged'],
    ['/#/share/A', 'This shared link is damaged'],
    ['/#/share/AAAA', 'does not unpack to files'],
    [link(Buffer.from([1, 5, 0x61])), 'does not unpack to files'],
    [link(payload([{ name: '', text: 'x' }], 2)), 'made by a newer version'],
    [link(payload([{ name: '', text: 'a'.repeat(9 << 20) }])), 'more than 8.0 MB'],
    [link(payload([{ name: 'bad\u0007name', text: 'x' }])), 'does not unpack to files'],
  ];
  for (const [url, message] of cases) {
    await page.goto('/');
    await page.goto(url);
    await expect(page.locator('.notices')).toContainText(message);
    await expect(page.locator('#input')).toHaveValue('');
    await expect(page.locator('.file-chip')).toHaveCount(0);
    expect(await page.evaluate(() => location.hash)).toBe('');
  }
});

function asConfig(p) {
  return `totem {\n\tversion: 2\n\tcluster_name: ${p}\n\t${p}: 1\n}\nnodelist {\n\tnode {\n\t\tname: ${p}\n\t}\n}\n`;
}

test('the 50 XSS payloads as share links stay text', async ({ page }) => {
  expect(PAYLOADS).toHaveLength(50);
  await open(page);
  const count = () => page.evaluate(() => document.querySelectorAll('script, iframe, img, svg a, object, embed').length);
  const before = await count();
  for (const [i, p] of PAYLOADS.entries()) {
    await page.evaluate(() => { window.__xss = 0; });
    await page.goto(link(payload([
      { name: '', text: asConfig(p) },
      { name: p, text: `Aug 26 16:20:37 node1 corosync[2345]:   [TOTEM ] ${p}\n` },
    ])));
    await expect(page.locator('.file-chip .file-name')).toHaveText(p);
    await expect(page.locator('#input')).toHaveValue(asConfig(p));
    await expect(page.locator('#findings')).toBeVisible();
    // the raw payload as the link's data is refused as damaged
    if (i % 5 === 0) {
      await page.goto('/#/share/' + encodeURIComponent(p));
      await expect(page.locator('.notices')).toContainText('This shared link');
    }
    expect(await page.evaluate(() => window.__xss ?? 0), p).toBe(0);
    expect(await count(), p).toBe(before);
  }
  await expect(page.locator('#findings a[href^="javascript:"]')).toHaveCount(0);
});
