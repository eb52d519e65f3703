import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hasChromium,
  launchBrowser,
  screenshot,
  startServer,
  type RunningServer,
  until,
} from './harness.ts';

describe.runIf(hasChromium)('foundation in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens the home page in Indonesian, switches to English and back', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(server.url);
    await expect.poll(() => page.getAttribute('html', 'lang'), until).toBe('id');
    await expect
      .poll(() => page.getByRole('link', { name: 'Beranda' }).count(), until)
      .toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).count(), until).toBe(1);
    await screenshot(page, 'home-id-desktop');
    await page.getByRole('button', { name: /english/i }).click();
    await expect.poll(() => page.getAttribute('html', 'lang'), until).toBe('en');
    await expect
      .poll(() => page.getByRole('link', { name: 'Home' }).count(), until)
      .toBeGreaterThan(0);
    await screenshot(page, 'home-en-desktop');
    // The choice is remembered on the device.
    await page.reload();
    await expect.poll(() => page.getAttribute('html', 'lang'), until).toBe('en');
    await page.getByRole('button', { name: /indonesia/i }).click();
    await expect.poll(() => page.getAttribute('html', 'lang'), until).toBe('id');
    await page.close();
  });

  it('logs the first admin in with the one-time password, forces a new password and shows the admin section', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${server.url}/masuk`);
    await page.getByLabel('Email').fill(server.adminEmail);
    await page.getByLabel('Kata sandi', { exact: true }).fill('wrong password here');
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await expect
      .poll(() => page.getByText('Email atau kata sandi salah').count())
      .toBeGreaterThan(0);
    await screenshot(page, 'login-error-phone');

    await page.getByLabel('Kata sandi', { exact: true }).fill(server.adminPassword);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Buat kata sandi Anda sendiri' }).count())
      .toBe(1);
    await screenshot(page, 'forced-password-phone');
    await page.getByLabel('Kata sandi sementara').fill(server.adminPassword);
    await page.getByLabel('Kata sandi baru', { exact: true }).fill('kupang sehat bebas stunting');
    await page.getByLabel('Ulangi kata sandi baru').fill('kupang sehat bebas stunting');
    await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Buat kata sandi Anda sendiri' }).count())
      .toBe(0);

    await page.goto(`${server.url}/admin`);
    await expect
      .poll(() => page.getByRole('heading', { name: 'Pengguna' }).count())
      .toBeGreaterThan(0);
    await expect.poll(() => page.getByText(server.adminEmail).count(), until).toBeGreaterThan(0);
    await screenshot(page, 'admin-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
    await screenshot(page, 'admin-desktop');
    await page.close();
  });
});
