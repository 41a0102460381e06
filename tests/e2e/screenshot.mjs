// Screenshots of the page for review: node screenshot.mjs BASE_URL OUT_DIR
// Loads the example in English and Japanese, at desktop and phone widths, in light and dark.
// OUT_DIR/readme.png is the one kept as docs/screenshot.png.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './playwright.config.mjs';

const [base = 'http://127.0.0.1:8081/', out = '/tmp/shots'] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: CHROMIUM_ARGS,
});
const shots = [
  { name: 'empty-en', w: 1360, h: 900, lang: 'en-US', example: false },
  { name: 'example-en', w: 1360, h: 900, lang: 'en-US', example: true, full: true },
  { name: 'example-ja', w: 1360, h: 900, lang: 'ja-JP', example: true, full: true },
  { name: 'phone-ja', w: 375, h: 800, lang: 'ja-JP', example: true, full: true },
  { name: 'dark-en', w: 1360, h: 900, lang: 'en-US', example: true, dark: true },
  { name: 'readme', w: 1280, h: 800, lang: 'ja-JP', example: true, scrollTo: '#roles' },
];
for (const s of shots) {
  const ctx = await browser.newContext({
    viewport: { width: s.w, height: s.h },
    locale: s.lang,
    colorScheme: s.dark ? 'dark' : 'light',
  });
  const page = await ctx.newPage();
  page.on('console', (m) => { if (m.type() === 'error') console.log(`[${s.name}] console: ${m.text()}`); });
  page.on('pageerror', (e) => console.log(`[${s.name}] pageerror: ${e}`));
  await page.goto(base);
  await page.locator('#input').waitFor();
  if (s.example) {
    await page.locator('#load-example').click();
    await page.locator('#findings, #welcome').first().waitFor();
    await page.waitForTimeout(300);
  }
  if (s.scrollTo) {
    await page.evaluate((sel) => {
      const top = document.querySelector(sel).getBoundingClientRect().top + window.scrollY;
      window.scrollTo(0, top - 12);
    }, s.scrollTo);
    await page.waitForTimeout(200);
  }
  await page.screenshot({ path: `${out}/${s.name}.png`, fullPage: !!s.full });
  if (s.example && s.full) {
    for (const id of ['findings', 'roles', 'detected', 'records']) {
      await page.locator(`#${id}`).screenshot({ path: `${out}/${s.name}-${id}.png` });
    }
  }
  await ctx.close();
}
await browser.close();
