// Config and logs together (X0xx): a corosync.conf and the log of a node that ran another
// token. Fixtures are read from tests/fixtures/tie/.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, open } from './guard.mjs';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/tie');
const file = (rel) => ({
  name: path.basename(rel),
  mimeType: 'text/plain',
  buffer: readFileSync(path.join(fixtures, rel)),
});

test('a token timeout in the log is tied to the token setting, both ways', async ({ page }) => {
  await open(page);
  await page.locator('#file-input').setInputFiles([
    file('token-differs/corosync.conf'),
    file('token-differs/n1.log'),
  ]);
  await expect(page.locator('.file-chip')).toHaveCount(2);
  const tie = page.locator('.finding[data-code="X001"]');
  await expect(tie).toHaveCount(1);
  await expect(tie).toHaveAttribute('data-file', '1');
  await expect(tie).toHaveAttribute('data-line', '47');
  await expect(tie).toContainText('timed out after 1650 ms');
  await expect(tie).toContainText('3000 + (3 − 2) × 650 (token_coefficient) = 3650 ms');
  await expect(tie.locator('.related')).toContainText('corosync.conf:5');
  await expect(tie.locator('.related')).toContainText('corosync.conf:12');
  // The consensus line has its own finding (C104), which links back to the log line.
  const consensus = page.locator('.finding[data-code="C104"]');
  await expect(consensus).toHaveAttribute('data-line', '6');
  await expect(consensus.locator('.related')).toContainText('n1.log:47');
  await consensus.locator('.related button').first().click();
  await expect(page.locator('#findings .finding.focused')).toHaveAttribute('data-line', '47');
});
