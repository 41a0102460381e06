// Several node configs compared, the version select, the migration section and the Trento
// profile select. Fixtures are read from tests/fixtures/.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, open } from './guard.mjs';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures');
const file = (rel, name = path.basename(rel)) => ({
  name,
  mimeType: 'text/plain',
  buffer: readFileSync(path.join(fixtures, rel)),
});

test('two node configs are compared: token and nodeid differ', async ({ page }) => {
  await open(page);
  await page.locator('#file-input').setInputFiles([
    file('cluster/token-nodeid/node1.conf'),
    file('cluster/token-nodeid/node2.conf'),
  ]);
  await expect(page.locator('.file-chip')).toHaveCount(2);
  const token = page.locator('.finding[data-code="C801"]');
  await expect(token).toHaveCount(1);
  await expect(token).toHaveAttribute('data-file', '1');
  await expect(token).toHaveAttribute('data-line', '5');
  await expect(token).toContainText('`totem.token` is `3000` in node2.conf but `5000` in node1.conf'.replaceAll('`', ''));
  await expect(token.locator('.related')).toContainText('node1.conf:5');
  const nodeid = page.locator('.finding[data-code="C804"]');
  await expect(nodeid).toHaveCount(1);
  await expect(nodeid).toHaveAttribute('data-line', '19');
  await expect(nodeid).toContainText('nodeid: 3');
  await expect(nodeid).toContainText('nodeid: 2');
  // The related link points at the finding-free line of node1.conf; following it does not fail.
  await nodeid.locator('.related button').click();
});

test('the version select changes the verdict and is remembered', async ({ page }) => {
  await open(page);
  await page.locator('#file-input').setInputFiles([file('pins/compression-none.conf')]);
  await expect(page.locator('#findings')).toBeVisible();
  // Auto: the inferred version and its evidence are shown.
  await expect(page.locator('#inferred')).toContainText('inferred from the input');
  await page.locator('#target-version').selectOption('3.1.1');
  await expect(page.locator('#inferred')).toContainText('as chosen');
  await expect(page.locator('.finding[data-code="C603"]')).toHaveCount(0);
  await page.locator('#target-version').selectOption('3.1.3');
  await expect(page.locator('.finding[data-code="C603"]')).toHaveCount(1);
  await expect(page.locator('.finding[data-code="C603"]')).toContainText('corosync 3.1.3 stops');
  await page.reload();
  await expect(page.locator('#target-version')).toHaveValue('3.1.3');
  await page.locator('#target-version').selectOption('');
  await expect(page.locator('#target-version')).toHaveValue('');
});

test('a 2.x config checked for 3.x gets a migration section', async ({ page }) => {
  await open(page);
  await page.locator('#file-input').setInputFiles([file('migrate/rhel7-udpu.conf')]);
  await expect(page.locator('#findings')).toBeVisible();
  await expect(page.locator('#migration')).toHaveCount(0);
  await page.locator('#target-version').selectOption('3');
  await expect(page.locator('#migration')).toBeVisible();
  await expect(page.locator('#migration li')).toHaveCount(8);
  await expect(page.locator('#migration')).toContainText('link_mode: passive');
  await page.locator('#target-version').selectOption('');
});

test('the Trento profile is opt-in', async ({ page }) => {
  await open(page);
  await page.locator('#file-input').setInputFiles([file('trento/sap-azure.conf')]);
  await expect(page.locator('#findings')).toBeVisible();
  await expect(page.locator('.finding[data-code^="T1"]')).toHaveCount(0);
  await page.locator('#profile').selectOption('trento-gcp');
  await expect(page.locator('.finding[data-code="T101"]')).toContainText('156F64');
  await page.locator('#profile').selectOption('trento-azure');
  await expect(page.locator('.finding[data-code^="T1"]')).toHaveCount(0);
  await page.locator('#profile').selectOption('');
});
