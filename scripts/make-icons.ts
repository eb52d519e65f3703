/**
 * Draws the app icons of the web manifest (src/web/public/icons/*.png) from the logo, with
 * Debian's Chromium: `node --import tsx scripts/make-icons.ts`. Run again after a logo change.
 * The maskable icon keeps the leaf inside the central safe zone (80 %) on a full green square.
 */
import path from 'node:path';
import { chromium } from 'playwright-core';

const out = path.resolve(import.meta.dirname, '../src/web/public/icons');
const leaf =
  '<path d="M16 27V14" stroke="#fff" stroke-width="2.5" stroke-linecap="round"/><path d="M16 16c0-5 3-8 9-8 0 6-3 9-9 8zM16 19c0-4-3-7-8-7 0 5 3 8 8 7z" fill="#fff"/>';
const icons = [
  {
    file: 'icon-192.png',
    size: 192,
    svg: `<rect width="32" height="32" rx="6" fill="#0b5d45"/>${leaf}`,
  },
  {
    file: 'icon-512.png',
    size: 512,
    svg: `<rect width="32" height="32" rx="6" fill="#0b5d45"/>${leaf}`,
  },
  {
    file: 'icon-maskable-512.png',
    size: 512,
    svg: `<rect width="32" height="32" fill="#0b5d45"/><g transform="translate(3.2 3.2) scale(0.8)">${leaf}</g>`,
  },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
for (const icon of icons) {
  const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
  await page.setContent(
    `<html><body style="margin:0;background:transparent"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="${icon.size}" height="${icon.size}">${icon.svg}</svg></body></html>`,
  );
  await page.screenshot({ path: path.join(out, icon.file), omitBackground: true });
  await page.close();
}
await browser.close();
