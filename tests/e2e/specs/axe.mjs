// axe-core (npm), run inside the page: the serious and critical violations of the document.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Run axe on the whole document; return the serious and critical violations, readable. */
export async function violations(page) {
  // page.evaluate goes through the DevTools protocol, which the page's CSP does not govern; the
  // page itself still runs with its CSP (no inline script is added).
  await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ' :: ' + n.failureSummary),
    }));
  });
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
