// The incidents timeline: the lab's three node logs of a killed node opened as files give one
// incident drawn as an SVG (one lane per node, marks with hover text), its cause naming n3,
// a text list whose entries focus their log record, and the Japanese texts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, open } from './guard.mjs';

const lab = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/logs/lab');
const file = (rel) => ({ name: path.basename(rel), mimeType: 'text/plain', buffer: readFileSync(path.join(lab, rel)) });

test('the lab kill logs become one incident on the timeline', async ({ page }) => {
  await open(page);
  await page.locator('#file-input').setInputFiles(['kill/n1.log', 'kill/n2.log', 'kill/n3.log'].map(file));
  const tl = page.locator('#timeline');
  await expect(tl).toBeVisible();
  const inc = tl.locator('.incident');
  await expect(inc).toHaveCount(1);
  await expect(inc.locator('h3')).toHaveText('Incident 1: node lost');
  await expect(inc).toContainText('n3 left the membership without logging a fault or a shutdown');
  const svg = inc.locator('svg.timeline');
  await expect(svg).toHaveAttribute('role', 'img');
  await expect(svg).toHaveAttribute('aria-label', /node lost.*n1, n2, n3/);
  // Every node involved has a lane; n3 (killed) logged nothing in the incident, so its lane
  // has no marks.
  await expect(svg.locator('text.lane')).toHaveText(['n1', 'n2', 'n3']);
  const marks = svg.locator('g.mark');
  expect(await marks.count()).toBeGreaterThan(5);
  await expect(svg.locator('g.mark.sev-warning.ev title').first()).toContainText('L103');
  // The text list: a step focuses its record in the log table.
  await inc.locator('details summary').click();
  const step = inc.locator('ol.steps button', { hasText: 'L102' }).first();
  await step.click();
  const focused = page.locator('#records tr.focused');
  await expect(focused).toHaveCount(1);
  await expect(focused).toContainText('token timed out');

  await page.locator('.lang-btn[lang="ja"]').click();
  await expect(inc.locator('h3')).toHaveText('インシデント 1: ノードの消失');
  await expect(tl.locator('h2')).toHaveText('インシデントとタイムライン');
  await expect(inc).toContainText('n3 は障害も停止も記録せずに');
});

test('logs without trouble draw no timeline', async ({ page }) => {
  await open(page);
  await page.locator('#file-input').setInputFiles([
    { name: 'ok.log', mimeType: 'text/plain', buffer: Buffer.from('Aug 26 16:20:01 node1 corosync[2345]:   [TOTEM ] A new membership (1:4) was formed. Members joined: 1 2\n') },
  ]);
  await expect(page.locator('#records')).toBeVisible();
  await expect(page.locator('#timeline')).toHaveCount(0);
});
