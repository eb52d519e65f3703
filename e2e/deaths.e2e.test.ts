import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiLogin,
  hasChromium,
  launchBrowser,
  logIn,
  e2ePassword,
  screenshot,
  screenshotDir,
  startServer,
  type RunningServer,
  until,
} from './harness.ts';

/** Kelurahan Oebobo, Kota Kupang (5371). */
const desa = '5371041001';
const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 900 };
const password = e2ePassword;

/** A date `days` before today in WITA (NTT's time zone), ISO. */
function witaDate(daysBefore = 0): string {
  return new Date(Date.now() + 8 * 3_600_000 - daysBefore * 86_400_000).toISOString().slice(0, 10);
}

async function publicSummary(url: string, period: string) {
  const response = await fetch(`${url}/api/deaths/summary?region=5371&period=${period}`);
  return (await response.json()) as {
    counts: { maternal: number };
    unverified: number;
  };
}

describe.runIf(hasChromium)(
  'AKI-AKB in Chromium: notify a maternal death, review it, see the public count',
  () => {
    let server: RunningServer;
    let browser: Browser;
    let bidanPage: Page;
    let districtPage: Page;
    let caseUrl: string;
    const today = witaDate();
    const month = today.slice(0, 7);

    beforeAll(async () => {
      server = await startServer();
      browser = await launchBrowser();
      const admin = await apiLogin(server.url, server.adminEmail, server.adminPassword);
      for (const user of [
        {
          email: 'bidan.oebobo@e2e.tumbuh.id',
          name: 'Bidan Yuliana',
          role: 'village',
          regionCode: desa,
        },
        {
          email: 'dinkes.kota@e2e.tumbuh.id',
          name: 'Tim AMP Kota Kupang',
          role: 'district',
          regionCode: '5371',
        },
      ]) {
        const created = await admin.post<{ oneTimePassword: string }>('/api/users', user);
        await apiLogin(server.url, user.email, created.oneTimePassword, password);
      }
      bidanPage = await browser.newPage({ viewport: phone, locale: 'id-ID' });
      districtPage = await browser.newPage({ viewport: desktop, locale: 'id-ID' });
    });
    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('the bidan notifies a maternal death on her phone', async () => {
      const page = bidanPage;
      await logIn(page, server.url, 'bidan.oebobo@e2e.tumbuh.id');
      await page.goto(`${server.url}/kematian/lapor`);
      await page.getByRole('radio', { name: 'Ibu (hamil, bersalin, nifas)' }).check();
      await page.getByLabel('Tanggal meninggal').fill(today);
      await page.getByLabel('Jam (bila tahu)').fill('00:30');
      await page.getByLabel('Nama ibu yang meninggal').fill('Agustina Nenabu');
      await page.getByLabel('Umur ibu (tahun)').fill('34');
      await page.getByRole('radio', { name: 'Nifas (≤ 42 hari)' }).check();
      await page.getByLabel('Tanggal bersalin').fill(witaDate(2));
      await expect.poll(() => page.getByText('2 hari setelah bersalin').count(), until).toBe(1);
      await page.getByRole('radio', { name: 'Rumah' }).check();
      await page.getByLabel('Dugaan penyebab').selectOption('mm3');
      await page.getByLabel('Terlambat sampai di fasilitas').selectOption('yes');
      await screenshot(page, 'deaths-notify-phone');

      // A date in the future is refused in the form, naming the field.
      await page.getByLabel('Tanggal meninggal').fill(witaDate(-3));
      await page.getByRole('button', { name: 'Kirim notifikasi' }).click();
      await expect
        .poll(() => page.getByText('Tanggal tidak boleh di masa depan').count(), until)
        .toBe(1);
      await page.getByLabel('Tanggal meninggal').fill(today);

      await page.getByRole('button', { name: 'Kirim notifikasi' }).click();
      await expect
        .poll(() => page.getByRole('heading', { name: 'Agustina Nenabu' }).count(), until)
        .toBe(1);
      caseUrl = new URL(page.url()).pathname;
      expect(caseUrl).toMatch(/^\/kematian\/kasus\/[0-9a-f-]{36}$/);
      await expect
        .poll(() => page.locator('.death-status').first().textContent(), until)
        .toBe('Dinotifikasi');
      await screenshot(page, 'deaths-case-notified-phone');

      // Notified, not yet verified: not in the public count.
      const summary = await publicSummary(server.url, month);
      expect(summary.counts.maternal).toBe(0);
      expect(summary.unverified).toBe(1);
    });

    it('the Dinas Kesehatan verifies it: the public count goes up', async () => {
      const page = districtPage;
      await logIn(page, server.url, 'dinkes.kota@e2e.tumbuh.id');
      await page.goto(`${server.url}/kematian/kasus`);
      await expect
        .poll(() => page.getByRole('link', { name: /Agustina Nenabu/ }).count(), until)
        .toBe(1);
      await screenshot(page, 'deaths-cases-desktop');
      await page.getByRole('link', { name: /Agustina Nenabu/ }).click();
      await page.getByLabel('Catatan').first().fill('Dicek dengan keluarga dan bidan');
      await page.getByRole('button', { name: 'Verifikasi' }).click();
      await expect
        .poll(() => page.getByRole('button', { name: 'Simpan hasil pengkajian' }).count(), until)
        .toBe(1);
      const summary = await publicSummary(server.url, month);
      expect(summary.counts.maternal).toBe(1);
      expect(summary.unverified).toBe(0);
    });

    it('reviews it, records a recommendation, carries it out and closes the case', async () => {
      const page = districtPage;
      await page.getByLabel('Penyebab (kelompok WHO)').selectOption('mm3');
      await page.getByLabel('Dapat dicegah?').selectOption('yes');
      await page
        .getByLabel('Hasil pengkajian')
        .fill('Perdarahan pascasalin di rumah; rujukan terlambat karena tidak ada kendaraan.');
      await screenshot(page, 'deaths-review-desktop');
      await page.getByRole('button', { name: 'Simpan hasil pengkajian' }).click();
      await expect
        .poll(() => page.getByRole('button', { name: 'Tetapkan rekomendasi' }).count(), until)
        .toBe(1);

      await page
        .getByLabel('Rekomendasi', { exact: true })
        .fill('Siapkan ambulans desa dan daftar pendonor darah');
      await page.getByLabel('Pelaksana').fill('Kelurahan Oebobo');
      await page.getByLabel('Tingkat').selectOption('community');
      await page.getByRole('button', { name: 'Tambah rekomendasi' }).click();
      await expect
        .poll(
          () => page.getByText('Siapkan ambulans desa dan daftar pendonor darah').count(),
          until,
        )
        .toBe(1);
      await page.getByRole('button', { name: 'Tetapkan rekomendasi' }).click();
      await expect
        .poll(() => page.getByRole('button', { name: 'Tandai selesai' }).count(), until)
        .toBe(1);
      // Closing waits for the recommendation to be carried out: the page says why.
      await expect
        .poll(() => page.getByText('Masih ada rekomendasi yang belum dilaksanakan.').count(), until)
        .toBe(1);
      expect(await page.getByRole('button', { name: 'Tindak lanjut selesai' }).isDisabled()).toBe(
        true,
      );

      await page
        .getByPlaceholder('Apa yang sudah dilakukan')
        .fill('Ambulans desa siaga sejak bulan ini');
      await page.getByRole('button', { name: 'Tandai selesai' }).click();
      await expect
        .poll(() => page.getByText(/dilaksanakan .* oleh Tim AMP Kota Kupang/).count(), until)
        .toBe(1);
      await page.getByRole('button', { name: 'Tindak lanjut selesai' }).click();
      await expect
        .poll(() => page.locator('.death-case-head .death-status').textContent(), until)
        .toBe('Tindak lanjut selesai');
      // Every step in the history, with who did it.
      await expect.poll(() => page.locator('.death-history li').count(), until).toBe(7);
      await screenshot(page, 'deaths-case-closed-desktop');
    });

    it('the public AKI-AKB page shows the count, never the name', async () => {
      const context = await browser.newContext({ viewport: phone, locale: 'id-ID' });
      const page = await context.newPage();
      await page.goto(`${server.url}/kematian?wilayah=5371&periode=${month}`);
      const maternal = page.locator('[data-count="maternal"] .stat-value');
      await expect.poll(() => maternal.textContent(), until).toBe('1');
      expect(await page.content()).not.toContain('Agustina');
      await expect.poll(() => page.locator('#death-trend svg').count(), until).toBeGreaterThan(0);
      await expect.poll(() => page.locator('#death-map svg').count(), until).toBeGreaterThan(0);
      await screenshot(page, 'deaths-public-phone');
      await page.setViewportSize(desktop);
      await screenshot(page, 'deaths-public-desktop');
      await context.close();
      expect((await publicSummary(server.url, month)).counts.maternal).toBe(1);
    });
  },
);

describe.runIf(hasChromium)('AKI-AKB page on the synthetic demo province', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ demoChildren: 1000 });
    browser = await launchBrowser();
    await apiLogin(server.url, server.adminEmail, server.adminPassword, password);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows NTT figures with intervals, map, trend and causes, labelled as demo', async () => {
    const page = await browser.newPage({ viewport: desktop, locale: 'id-ID' });
    await page.goto(`${server.url}/kematian`);
    await expect
      .poll(() => page.locator('[data-count="maternal"] .stat-value').textContent(), until)
      .toMatch(/^\d+$/);
    await expect
      .poll(() => page.getByText('Data sintetis (demo)').count(), until)
      .toBeGreaterThan(0);
    await expect.poll(() => page.locator('#death-trend svg').count(), until).toBeGreaterThan(0);
    await expect.poll(() => page.locator('#death-map svg').count(), until).toBeGreaterThan(0);
    await expect
      .poll(() => page.locator('.death-cause-card svg').count(), until)
      .toBeGreaterThan(0);
    const maternal = Number(
      await page.locator('[data-count="maternal"] .stat-value').textContent(),
    );
    expect(maternal).toBeGreaterThan(80);
    await screenshot(page, 'deaths-demo-desktop');
    for (const section of ['death-figures', 'death-map', 'death-trend', 'death-causes'])
      await page
        .locator(`#${section}`)
        .screenshot({ path: `${screenshotDir}/${section}-desktop.png` });
    await page.setViewportSize(phone);
    await screenshot(page, 'deaths-demo-phone');
    for (const section of ['death-figures', 'death-map', 'death-causes'])
      await page
        .locator(`#${section}`)
        .screenshot({ path: `${screenshotDir}/${section}-phone.png` });
    await page.close();
  });

  it('shows the admin the overdue reviews and the live-birth table', async () => {
    const page = await browser.newPage({ viewport: desktop, locale: 'id-ID' });
    await page.goto(`${server.url}/masuk`);
    await page.getByLabel('Email').fill(server.adminEmail);
    await page.getByLabel('Kata sandi', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/masuk'), until);
    await page.goto(`${server.url}/kematian/kasus?terlambat=1`);
    await expect.poll(() => page.locator('.death-case-overdue').count(), until).toBeGreaterThan(0);
    await screenshot(page, 'deaths-overdue-desktop', false);
    await page.goto(
      `${server.url}/kematian/kelahiran?wilayah=53&tahun=${new Date().getFullYear() - 1}`,
    );
    await expect.poll(() => page.locator('.death-births-table tbody tr').count(), until).toBe(23);
    await screenshot(page, 'deaths-live-births-desktop', false);
    await page.close();
  });
});
