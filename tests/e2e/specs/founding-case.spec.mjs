// The founding case (see shared/samples/seed-case/README.md): a corosync 1.x service.d/pcmk
// fragment with `ver: 0`, and the two lines corosync logs for it. Pasted as clean text, and as
// the mailing-list message exactly as archived (question.txt, line breaks lost).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, open, paste } from './guard.mjs';

const e2eDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const seedDir = process.env.SEED_CASE_DIR
  ? path.resolve(process.env.SEED_CASE_DIR)
  : path.resolve(e2eDir, '../../../shared/samples/seed-case');

const FRAGMENT = 'service {\n\t# Load the Pacemaker Cluster Resource Manager\n\tname: pacemaker\n\tver: 0\n}\n';
const LOG_UNSUPPORTED =
  'Aug 26 16:20:37 corosync [pcmk  ] ERROR: process_ais_conf: You have configured a cluster using the Pacemaker plugin for Corosync. The plugin is not supported in this environment and will be removed very soon.';
const LOG_CHAPTER8 =
  "Aug 26 16:20:37 corosync [pcmk  ] ERROR: process_ais_conf:  Please see Chapter 8 of 'Clusters from Scratch' (http://www.clusterlabs.org/doc) for details on using Pacemaker with CMAN";
const FOUNDING = `${FRAGMENT}${LOG_UNSUPPORTED}\n${LOG_CHAPTER8}\n`;

/**
 * What must be on screen for the founding case, in whichever language is showing.
 * `lines` gives the expected editor lines when the text has its line breaks.
 */
async function expectFoundingFindings(page, lines) {
  const findings = page.locator('#findings .finding');

  // C501 on the `ver: 0` line
  const c501 = findings.and(page.locator('[data-code="C501"]'));
  await expect(c501.first()).toBeVisible();
  await expect(c501.first().locator('.snippet')).toContainText('ver: 0');
  if (lines) await expect(c501.first()).toHaveAttribute('data-line', String(lines.ver));

  // one L0xx finding for each plugin log line
  const logFindings = findings.and(page.locator('[data-code^="L0"]'));
  const unsupported = logFindings.filter({ has: page.locator('.snippet', { hasText: 'You have configured a cluster using the Pacemaker plugin' }) });
  const chapter8 = logFindings.filter({ has: page.locator('.snippet', { hasText: 'Please see Chapter 8' }) });
  await expect(unsupported.first()).toBeVisible();
  await expect(chapter8.first()).toBeVisible();
  if (lines) {
    await expect(unsupported.first()).toHaveAttribute('data-line', String(lines.unsupported));
    await expect(chapter8.first()).toHaveAttribute('data-line', String(lines.chapter8));
  }

  // the log records table shows both lines with their knowledge-base codes
  const recordCodes = page.locator('#records tbody tr button.code');
  await expect(recordCodes.filter({ hasText: /^L0/ })).toHaveCount(2);

  // who does what names the three components
  const components = page.locator('#roles-components');
  await expect(components).toBeVisible();
  await expect(components).toContainText('corosync');
  await expect(components).toContainText('Pacemaker');
  await expect(components).toContainText('cman');
}

async function toJapanese(page) {
  await page.locator('.lang-btn[lang="ja"]').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.locator('.purpose')).toContainText('クラスタ');
  await expect(page.locator('#findings-h')).toHaveText('検出結果');
  await expect(page.locator('#roles-h')).toHaveText('各コンポーネントの役割');
  // severity badges are localised too
  await expect(page.locator('#findings .finding .badge').first()).toHaveText(/^(エラー|警告|情報)$/);
}

test('founding case pasted as clean text', async ({ page }) => {
  await open(page);
  await paste(page, FOUNDING);
  const lines = { ver: 4, unsupported: 6, chapter8: 7 };
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectFoundingFindings(page, lines);

  // config line -> log line: C501's related link points at a plugin log line, selects it in
  // the editor and brings its finding into focus
  const c501 = page.locator('#findings .finding[data-code="C501"]').first();
  await c501.locator('.related button').first().click();
  await expect(page.locator('#findings .finding.focused')).toHaveAttribute('data-code', /^L0/);
  const selectedLine = await page.locator('#input').evaluate((ta) => ta.value.substring(0, ta.selectionStart).split('\n').length);
  expect([lines.unsupported, lines.chapter8]).toContain(selectedLine);
  // and back: the log finding's related link points at the `ver: 0` line
  const focused = page.locator('#findings .finding.focused');
  await focused.locator('.related button').first().click();
  await expect(page.locator('#findings .finding.focused')).toHaveAttribute('data-code', 'C501');

  await toJapanese(page);
  await expectFoundingFindings(page, lines);
});

test('founding case: the whole archived question (question.txt)', async ({ page }) => {
  const question = readFileSync(path.join(seedDir, 'question.txt'), 'utf8');
  await open(page);
  await paste(page, question);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectFoundingFindings(page, null);
  // the archive lost the line breaks: the page says they were restored
  await expect(page.locator('#detected .tag', { hasText: 'line breaks restored' }).first()).toBeVisible();
  await toJapanese(page);
  await expectFoundingFindings(page, null);
});

test('founding case: the main corosync.conf followed by the fragment', async ({ page }) => {
  const conf = readFileSync(path.join(seedDir, 'corosync.conf'), 'utf8');
  const pcmk = readFileSync(path.join(seedDir, 'service.d-pcmk'), 'utf8');
  await open(page);
  await paste(page, `${conf}\n${pcmk}`);
  const verLine = `${conf}\n`.split('\n').length - 1 + pcmk.split('\n').findIndex((l) => l.includes('ver: 0')) + 1;
  const c501 = page.locator('#findings .finding[data-code="C501"]').first();
  await expect(c501).toBeVisible();
  await expect(c501).toHaveAttribute('data-line', String(verLine));
  // the config's own comment names CentOS 6.6 and corosync 1.4.7: the plugin is unsupported there
  await expect(c501.locator('.badge')).toHaveText('error');
  await expect(c501).toContainText('CentOS 6.6');
  // a valid corosync 1.x main config: no errors other than the plugin
  await expect(page.locator('#findings .finding.sev-error')).toHaveCount(1);
  await expect(page.locator('#roles-components')).toContainText('cman');
  await toJapanese(page);
  await expect(c501.locator('.badge')).toHaveText('エラー');
  await expect(c501).toContainText('サポートされていません');
});
