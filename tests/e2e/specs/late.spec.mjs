// The late part of the page's wasm (web/src/late.rs, dist/late-*.wasm): the log reader, the
// knowledge base, the incidents, the ties, the cluster.conf analysis and redaction. The page
// starts without it, fetches it when an input needs it (once), and without it still checks the
// configs and says why the logs were not analysed.
import { test as plain } from '@playwright/test';
import { test, expect, open, paste } from './guard.mjs';

const CONF = 'totem {\n\tversion: 2\n\tcluster_name: alpha\n\ttokn: 3000\n}\nnodelist {\n\tnode {\n\t\tring0_addr: 10.0.0.1\n\t\tnodeid: 1\n\t}\n}\n';
const LOG = 'Aug 26 16:20:37 node1 corosync[1234]:   [TOTEM ] A processor failed, forming new configuration.\n';
const CLUSTER_CONF = '<?xml version="1.0"?>\n<cluster name="alpha" config_version="1">\n  <clusternodes>\n    <clusternode name="n1" nodeid="1"/>\n  </clusternodes>\n</cluster>\n';
const isLate = (u) => /\/late-[0-9a-f]{16}\.wasm$/.test(u);

test('a corosync.conf is checked without the late part; a log fetches it once', async ({ page, guard }) => {
  await open(page);
  await paste(page, CONF);
  await expect(page.locator('#findings .finding').first()).toBeVisible();
  await expect(page.locator('#records tbody tr')).toHaveCount(0);
  expect(guard.requests.filter(isLate), 'late part fetched for a config').toEqual([]);

  await paste(page, CONF + LOG);
  const record = page.locator('#records tbody tr');
  await expect(record).toHaveCount(1);
  await expect(record).toContainText('A processor failed');
  await expect(page.locator('#findings .finding[data-code^="L"]').first()).toBeVisible();
  expect(guard.requests.filter(isLate)).toHaveLength(1);

  // Loaded once: a cluster.conf and more log lines need no new fetch.
  await page.locator('#input').fill(CLUSTER_CONF);
  await expect(page.locator('#cman-convert')).toBeVisible();
  await paste(page, CONF + LOG + LOG);
  await expect(record).toHaveCount(2);
  expect(guard.requests.filter(isLate)).toHaveLength(1);
});

test('Redact on a config alone fetches the late part, then redacts', async ({ page, guard }) => {
  await open(page);
  await paste(page, CONF);
  await page.locator('#redact').click();
  await expect(page.locator('.notices')).toContainText('Replaced 1 addresses');
  await expect(page.locator('#input')).not.toHaveValue(/10\.0\.0\.1|alpha/);
  expect(guard.requests.filter(isLate)).toHaveLength(1);
});

// The failure is expected here (a 404 logs a console error), so no guard fixture; and no
// service worker, which would serve the late part from its cache past the route.
plain.describe('without the late part', () => {
plain.use({ serviceWorkers: 'block' });
plain('the configs are still checked, the page says why, and it tries again', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  let fail = true;
  let tries = 0;
  await page.route(/\/late-[0-9a-f]{16}\.wasm$/, (route) => {
    tries += 1;
    return fail ? route.fulfill({ status: 404, body: 'gone' }) : route.continue();
  });
  await open(page);
  await paste(page, CONF + LOG);
  const alert = page.locator('#late-failed');
  await expect(alert).toHaveText(/^The log and cluster\.conf analysis could not be loaded/);
  await expect(page.locator('#findings .finding').first()).toBeVisible();
  await expect(page.locator('#records tbody tr')).toHaveCount(0);
  // Redaction needs it too: nothing is redacted without it.
  await page.locator('#redact').click();
  await expect(page.locator('#input')).toHaveValue(CONF + LOG);
  // Tried again on every analysis (the first, Redact, this one), said once, above the results.
  await paste(page, CONF + LOG + '\n');
  await expect.poll(() => tries).toBe(3);
  await expect(page.locator('.busy .spinner')).toHaveCount(0);
  await expect(page.locator('[role="alert"]', { hasText: 'could not be loaded' })).toHaveCount(1);

  fail = false;
  await paste(page, CONF + LOG + LOG);
  await expect(page.locator('#records tbody tr')).toHaveCount(2);
  await expect(alert).toHaveCount(0);
  expect(errors).toEqual([]);
});
});
