// Files from older Japanese systems: Shift_JIS and EUC-JP are detected, read with the
// browser's own decoder, and the page says which encoding it used.
import { test, expect, open } from './guard.mjs';

// "# クラスタ設定" in each encoding, then a config with a finding on line 3.
const comment = {
  sjis: [0x83, 0x4e, 0x83, 0x89, 0x83, 0x58, 0x83, 0x5e, 0x90, 0xdd, 0x92, 0xe8],
  eucjp: [0xa5, 0xaf, 0xa5, 0xe9, 0xa5, 0xb9, 0xa5, 0xbf, 0xc0, 0xdf, 0xc4, 0xea],
};
const file = (name, bytes) => ({
  name,
  mimeType: 'text/plain',
  buffer: Buffer.concat([
    Buffer.from('# '),
    Buffer.from(bytes),
    Buffer.from('\ntotem {\n    version: 3\n    cluster_name: c\n}\n'),
  ]),
});

for (const [key, label] of [['sjis', 'Shift_JIS'], ['eucjp', 'EUC-JP']]) {
  test(`a ${label} file is read as ${label}`, async ({ page }) => {
    await open(page);
    await page.locator('#file-input').setInputFiles([file(`corosync-${key}.conf`, comment[key])]);
    const chip = page.locator('.file-chip');
    await expect(chip).toHaveCount(1);
    await expect(chip.locator('.file-note')).toHaveText(`not UTF-8: read as ${label}`);
    const f = page.locator('#findings .finding[data-code="C101"]');
    await expect(f).toHaveCount(1);
    await expect(f).toHaveAttribute('data-line', '3');
    // No replacement characters: the Japanese comment was decoded, not mangled.
    await expect(page.locator('#findings .finding[data-code="D002"]')).toHaveCount(0);
  });
}
