import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiLogin,
  hasChromium,
  launchBrowser,
  screenshot,
  startServer,
  type RunningServer,
  until,
} from './harness.ts';

/** Kelurahan Oebobo, Kota Kupang: the shipped kode wilayah (data/regions). */
const desa = '5371041001';
const kaderEmail = 'kader.melati@e2e.tumbuh.id';
const newPassword = 'posyandu melati sehat selalu';
const phone = { width: 390, height: 844 };

/** A calendar date `months` before today, on day 1 (so the age in months is exact any day), as the phone's local date. */
function monthsAgo(months: number): { day: string; month: string; year: string; iso: string } {
  const now = new Date();
  const d = new Date(now.getFullYear(), now.getMonth() - months, 1);
  const month = String(d.getMonth() + 1);
  return {
    day: '1',
    month,
    year: String(d.getFullYear()),
    iso: `${d.getFullYear()}-${month.padStart(2, '0')}-01`,
  };
}

async function logIn(page: Page, url: string, email: string, password: string): Promise<void> {
  await page.goto(`${url}/masuk`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Kata sandi', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
}

describe.runIf(hasChromium)('child growth registry in Chromium, on a phone', () => {
  let server: RunningServer;
  let browser: Browser;
  let kaderPassword: string;
  let page: Page;
  const born = monthsAgo(14);
  const childName = 'Maria Goreti Bano';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    // The admin sets up the posyandu and its kader through the API, as the admin screen would.
    const admin = await apiLogin(server.url, server.adminEmail, server.adminPassword);
    const posyandu = await admin.post<{ id: string }>('/api/posyandu', {
      name: 'Posyandu Melati',
      regionCode: desa,
    });
    const kader = await admin.post<{ oneTimePassword: string }>('/api/users', {
      email: kaderEmail,
      name: 'Yuliana Kader',
      role: 'kader',
      regionCode: desa,
      posyanduId: posyandu.id,
    });
    kaderPassword = kader.oneTimePassword;
    page = await browser.newPage({ viewport: phone, locale: 'id-ID' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a kader logs in and lands on the posyandu list of this month', async () => {
    await logIn(page, server.url, kaderEmail, kaderPassword);
    await page.getByLabel('Kata sandi sementara').fill(kaderPassword);
    await page.getByLabel('Kata sandi baru', { exact: true }).fill(newPassword);
    await page.getByLabel('Ulangi kata sandi baru').fill(newPassword);
    await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: /Posyandu Melati/ }).count(), until)
      .toBe(1);
    expect(new URL(page.url()).pathname).toBe('/input');
    await expect.poll(() => page.getByText('Belum ada anak terdaftar').count(), until).toBe(1);
  });

  it('registers a child and mother in one short form', async () => {
    await page.getByRole('link', { name: 'Daftarkan anak baru' }).click();
    await page.getByLabel('Nama anak').fill(childName);
    await page.getByRole('radio', { name: 'Perempuan' }).check();
    await page.getByLabel('Tanggal', { exact: true }).fill(born.day);
    await page.getByLabel('Bulan', { exact: true }).selectOption(born.month);
    await page.getByLabel('Tahun', { exact: true }).fill(born.year);
    await expect.poll(() => page.getByText('umur sekarang 14 bulan').count(), until).toBe(1);
    // The NIK is checked while it is typed.
    await page.getByLabel('NIK anak (tidak wajib)').fill('53710412');
    await expect.poll(() => page.getByText('8 dari 16 angka').count(), until).toBe(1);
    await page.getByLabel('NIK anak (tidak wajib)').fill('');
    await page.getByLabel('Nama ibu').fill('Yosefina Bano');
    await page.getByLabel('Alamat').fill('RT 02/RW 01, Oebobo');
    await screenshot(page, 'registry-register-phone');
    await page.getByRole('button', { name: 'Daftarkan', exact: true }).click();

    await expect.poll(() => page.getByText(`${childName} sudah terdaftar.`).count(), until).toBe(1);
    const row = page.getByRole('link', { name: new RegExp(childName) });
    await expect.poll(() => row.count(), until).toBe(1);
    await expect.poll(() => row.getByText('Belum ditimbang bulan ini').count(), until).toBe(1);
    await screenshot(page, 'registry-roster-phone');
  });

  it('a second registration of the same child shows the candidate first', async () => {
    await page.getByRole('link', { name: 'Daftarkan anak baru' }).click();
    await page.getByLabel('Nama anak').fill(childName.toUpperCase());
    await page.getByRole('radio', { name: 'Perempuan' }).check();
    await page.getByLabel('Tanggal', { exact: true }).fill(born.day);
    await page.getByLabel('Bulan', { exact: true }).selectOption(born.month);
    await page.getByLabel('Tahun', { exact: true }).fill(born.year);
    await page.getByLabel('Nama ibu').fill('Yosefina Bano');
    await page.getByRole('button', { name: 'Daftarkan', exact: true }).click();
    await expect
      .poll(
        () => page.getByRole('heading', { name: 'Anak ini mungkin sudah terdaftar' }).count(),
        until,
      )
      .toBe(1);
    await expect
      .poll(() => page.getByRole('link', { name: /Buka data anak ini/ }).count(), until)
      .toBe(1);
    await screenshot(page, 'registry-duplicate-phone');
    // Not a different child: back to the list without registering it twice.
    await page.getByRole('link', { name: 'Batal' }).click();
    await expect
      .poll(() => page.getByRole('link', { name: new RegExp(childName, 'i') }).count(), until)
      .toBe(1);
  });

  it('finds the child, enters this month’s measurement and sees the status at once', async () => {
    await page.getByLabel('Cari nama anak atau ibu').fill('goreti');
    await page.getByRole('link', { name: new RegExp(childName) }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: new RegExp(childName) }).count(), until)
      .toBe(1);
    // Under 24 months the length is measured lying down, chosen by itself.
    await expect.poll(() => page.getByLabel('Telentang (PB)').isChecked(), until).toBe(true);

    await page.getByLabel('Berat badan (kg)').fill('8,1');
    await page.getByLabel('Panjang badan (cm)').fill('69,8');
    const status = page.locator('.live-status');
    await expect.poll(() => status.getByText(/^Pendek z/).count(), until).toBe(1);
    await expect.poll(() => status.getByText('Penimbangan pertama (B)').count(), until).toBe(1);
    await screenshot(page, 'registry-measure-phone');

    // A weight no child of 14 months has: the kader is asked to check before it is saved.
    await page.getByLabel('Berat badan (kg)').fill('28');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    const confirm = page.getByRole('alertdialog');
    await expect
      .poll(
        () => confirm.getByText('Nilai tidak wajar — periksa lagi. Simpan tetap?').count(),
        until,
      )
      .toBe(1);
    await screenshot(page, 'registry-implausible-phone', false);
    await confirm.getByRole('button', { name: 'Periksa lagi' }).click();
    await page.getByLabel('Berat badan (kg)').fill('8,1');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();

    await expect
      .poll(() => page.getByText(/^Tersimpan: Maria Goreti Bano — Pendek/).count(), until)
      .toBe(1);
    await page.getByLabel('Cari nama anak atau ibu').fill('');
    const row = page.getByRole('link', { name: new RegExp(childName) });
    await expect.poll(() => row.getByText('Sudah ditimbang bulan ini').count(), until).toBe(1);
    await expect.poll(() => row.getByText('Pendek').count(), until).toBe(1);
    await screenshot(page, 'registry-saved-phone', false);
  });

  it('opens the growth charts and corrects the measurement from the history', async () => {
    await page.getByRole('link', { name: new RegExp(childName) }).click();
    await page.getByRole('link', { name: 'Lihat grafik' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: childName, level: 1 }).count(), until)
      .toBe(1);
    await expect.poll(() => page.locator('.growth-chart-canvas svg').count(), until).toBe(3);
    await expect
      .poll(() => page.getByText('Berat badan menurut umur (BB/U)').count(), until)
      .toBe(1);
    await expect.poll(() => page.getByText('Umur (bulan)').count(), until).toBeGreaterThan(0);
    await screenshot(page, 'registry-child-phone');

    await page.getByRole('button', { name: /^Koreksi pengukuran/ }).click();
    await expect.poll(() => page.getByLabel('Berat badan (kg)').inputValue(), until).toBe('8,1');
    await page.getByLabel('Panjang badan (cm)').fill('72');
    await page.getByRole('button', { name: 'Simpan koreksi' }).click();
    await expect.poll(() => page.getByText(/^Koreksi tersimpan/).count(), until).toBe(1);
    await expect
      .poll(() => page.locator('.row-superseded').getByText('dikoreksi').count(), until)
      .toBe(1);
    await expect.poll(() => page.locator('.history-table tbody tr').count(), until).toBe(2);
    await screenshot(page, 'registry-corrected-phone');

    // The child's record itself is corrected in place, with the version it was read at.
    await page.getByRole('button', { name: 'Ubah data anak' }).click();
    await expect.poll(() => page.getByLabel('Nama ibu').inputValue(), until).toBe('Yosefina Bano');
    await page.getByLabel('Alamat').fill('RT 03/RW 01, Oebobo');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await expect
      .poll(() => page.getByText(`Data ${childName} sudah disimpan.`).count(), until)
      .toBe(1);
    await expect.poll(() => page.getByText('RT 03/RW 01, Oebobo').count(), until).toBe(1);
  });

  it('lists children to follow up for the district and links to the downloads', async () => {
    // Length 72 cm at 14 months is normal now; weigh a stunted brother to have one on the list.
    const desk = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const admin = await apiLogin(server.url, server.adminEmail, 'kupang sehat bebas stunting');
    const [posyandu] = (
      await admin.get<{ items: { id: string }[] }>(`/api/posyandu?region=${desa}`)
    ).items;
    const { child } = await admin.post<{ child: { id: string } }>('/api/children', {
      id: crypto.randomUUID(),
      posyanduId: posyandu!.id,
      name: 'Yakobus Bano',
      sex: 1,
      birthDate: monthsAgo(30).iso,
      motherName: 'Yosefina Bano',
    });
    await admin.post('/api/measurements', {
      id: crypto.randomUUID(),
      childId: child.id,
      measuredOn: new Date().toLocaleDateString('sv-SE'),
      weightKg: 10.2,
      heightCm: 82,
      measure: 'h',
    });

    await logIn(desk, server.url, server.adminEmail, 'kupang sehat bebas stunting');
    await desk.waitForURL(/dasbor/);
    await desk.goto(`${server.url}/tindak-lanjut`);
    await expect
      .poll(() => desk.getByRole('link', { name: 'Yakobus Bano' }).count(), until)
      .toBe(1);
    await expect
      .poll(() => desk.getByRole('heading', { name: /Posyandu Melati/, level: 3 }).count(), until)
      .toBe(1);
    const csv = await desk.getByRole('link', { name: 'Unduh CSV' }).getAttribute('href');
    expect(csv).toContain('format=csv');
    const xlsx = await desk.getByRole('link', { name: 'Unduh Excel' }).getAttribute('href');
    expect(xlsx).toContain('format=xlsx');
    const download = await desk.request.get(server.url + csv!);
    expect(download.status()).toBe(200);
    expect(await download.text()).toContain('Yakobus Bano');
    await screenshot(desk, 'registry-follow-up-desktop');
    await desk.close();
  });

  it('merges a duplicate record into the child from the child page', async () => {
    // Registered twice (the second time past the duplicate warning): fold the copy in.
    const admin = await apiLogin(server.url, server.adminEmail, 'kupang sehat bebas stunting');
    const { items } = await admin.get<{ items: { id: string }[] }>(`/api/posyandu?region=${desa}`);
    await admin.post('/api/children', {
      id: crypto.randomUUID(),
      posyanduId: items[0]!.id,
      name: childName,
      sex: 2,
      birthDate: born.iso,
      motherName: 'Yosefina Bano',
      confirmNotDuplicate: true,
    });
    await page.reload();
    await page.getByRole('button', { name: 'Gabungkan data ganda' }).click();
    await expect.poll(() => page.getByLabel('Nama anak').inputValue(), until).toBe(childName);
    await expect
      .poll(() => page.getByRole('button', { name: new RegExp(childName) }).count(), until)
      .toBe(1);
    await page.getByRole('button', { name: new RegExp(childName) }).click();
    await expect
      .poll(
        () => page.getByText(/^Data ini dipertahankan; pengukuran dari data lain/).count(),
        until,
      )
      .toBe(1);
    await expect.poll(() => page.locator('.merge-compare tbody tr').count(), until).toBe(5);
    await screenshot(page, 'registry-merge-phone');
    await page.getByRole('button', { name: 'Ya, gabungkan' }).click();
    await expect
      .poll(
        () => page.getByText(`Data ganda ${childName} sudah digabung ke data ini.`).count(),
        until,
      )
      .toBe(1);
    await expect
      .poll(() => page.getByRole('button', { name: 'Gabungkan data ganda' }).count(), until)
      .toBe(1);
  });
});
