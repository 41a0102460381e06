// A CMAN cluster.conf pasted into the page: M findings on the right lines, the summary, and
// the corosync 3 / pcs conversion with working copy buttons, in English and Japanese.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, open, paste } from './guard.mjs';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/cman');
const read = (n) => readFileSync(path.join(fixtures, n), 'utf8');

test('cluster.conf: findings, summary and conversion', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page);
  await paste(page, read('broken-pcmk.conf'));

  const findings = page.locator('#findings .finding');
  // the redirect passes the wrong node (line 6), a node lacks the redirect (line 10)
  const m115 = findings.and(page.locator('[data-code="M115"]'));
  await expect(m115).toHaveCount(3);
  await expect(m115.first()).toHaveAttribute('data-line', '6');
  await expect(findings.and(page.locator('[data-code="M104"]'))).toHaveCount(1);

  const cman = page.locator('#cman');
  await expect(cman).toBeVisible();
  await expect(cman.locator('.cman-summary')).toContainText('pcmkc');
  await expect(cman.locator('.cman-summary')).toContainText('quorum is 2 votes');

  const conf = page.locator('#cman-conf');
  await expect(conf).toContainText('cluster_name: pcmkc');
  await expect(conf).toContainText('transport: knet');
  await expect(page.locator('#cman-pcs')).toContainText('pcs cluster setup pcmkc p1 p2 p3');
  await expect(page.locator('#cman-pcs')).toContainText('pcs stonith create ipmi-p2 fence_ipmilan ip=10.0.0.2 pcmk_host_list=p2');

  // copy puts exactly the generated text on the clipboard
  const copy = page.locator('#cman .convert-block').first().locator('button.copy');
  await copy.click();
  await expect(copy).toHaveText('Copied');
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  expect(clip).toBe(await conf.textContent());

  // Japanese
  await page.locator('.lang-btn[lang="ja"]').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(cman.locator('h3.sub').nth(1)).toHaveText('corosync 3 / pcs への変換');
  await expect(conf).toContainText('corocheck が cluster.conf');
  await expect(cman.locator('.cman-summary')).toContainText('クォーラムは 2 票です');
});

test('a valid rgmanager cluster.conf converts without findings of its own', async ({ page }) => {
  await open(page);
  await paste(page, read('rgmanager-3node.conf'));
  await expect(page.locator('#findings .finding[data-code^="M"]')).toHaveCount(0);
  await expect(page.locator('#cman-pcs')).toContainText('pcs constraint location db prefers db1=10000 db2=9900');
  await expect(page.locator('#cman-conf')).toHaveText(read('rgmanager-3node.corosync.conf').trimEnd() + '\n');
});
