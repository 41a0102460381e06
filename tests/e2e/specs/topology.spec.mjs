// The topology picture: nodes × links with addresses and votes, and the quorum arithmetic.
import { readFileSync } from 'node:fs';
import { test, expect, open } from './guard.mjs';

const CONF = readFileSync(new URL('../../fixtures/topology/three-nodes-two-links.conf', import.meta.url), 'utf8');

test('three nodes on two links, and what quorum needs', async ({ page }) => {
  await open(page);
  await page.locator('#input').fill(CONF);
  const topo = page.locator('#topology');
  await expect(topo).toBeVisible();
  await expect(topo.locator('svg')).toHaveAttribute('aria-label', '3 nodes on 2 links (knet)');
  await expect(topo.locator('.tnode')).toHaveCount(3);
  await expect(topo.locator('.bus')).toHaveCount(2);
  // node-c has no ring1_addr: two dots on link 1, three on link 0.
  await expect(topo.locator('.tnode circle')).toHaveCount(5);
  await expect(topo.locator('.addr', { hasText: '10.20.0.12' })).toHaveCount(1);
  await expect(topo.locator('.quorum')).toContainText('Quorum needs 2 of 3 votes (3 / 2 + 1 = 2).');
  await expect(topo.locator('.quorum')).toContainText('after losing 1 vote(s)');
  // two_node: one vote is quorate, and wait_for_all comes with it.
  const two = CONF.replace(/    node \{\n        name: node-c[\s\S]*?\n    \}\n/, '')
    .replace('provider: corosync_votequorum', 'provider: corosync_votequorum\n    two_node: 1');
  await page.locator('#input').fill(two);
  await expect(topo.locator('.tnode')).toHaveCount(2);
  await expect(topo.locator('.quorum')).toContainText('1 vote of 2 is quorate');
  await expect(topo.locator('.quorum')).toContainText('wait_for_all');
  // Japanese.
  await page.locator('.lang-btn[lang="ja"]').click();
  await expect(topo.locator('h2')).toHaveText('ノードとリンク');
});
