/**
 * Issue 5: the import screen in Chromium with a file of good and bad rows — preview (counts and
 * the first problems by row and column), commit with progress, the per-row report downloaded,
 * the good rows in the registry, and a second import of the same file adding nothing. Also the
 * clear messages for a wrong file type, an empty file and a missing required column.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiLogin,
  hasChromium,
  launchBrowser,
  screenshot,
  startServer,
  type ApiClient,
  type RunningServer,
} from './harness.ts';

const desa = '5371041001';
const until = { timeout: 30_000 };

function iso(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
const monthsAgo = (n: number, day = 10) => {
  const now = new Date();
  return iso(new Date(now.getFullYear(), now.getMonth() - n, day));
};

const header =
  'Nama Anak,JK,Tgl Lahir,Nama Ibu,Kode Desa,Posyandu,Tanggal Pengukuran,BB (kg),TB/PB (cm)';
/** Three good rows (two children), then one bad row of each kind, then a duplicate row. */
function registerFile(): string {
  const born = monthsAgo(14);
  const rows = [
    `Agnes Lake,P,${born},Maria Lake,${desa},Posyandu Anggrek,${monthsAgo(2)},8.4,72.1`,
    `Agnes Lake,P,${born},Maria Lake,${desa},Posyandu Anggrek,${monthsAgo(1)},8.8,73.0`,
    `Yosef Bria,L,${monthsAgo(20)},Elisabeth Bria,${desa},Posyandu Anggrek,${monthsAgo(1)},10.1,80.2`,
    // a measurement in the future
    `Rina Seran,P,${born},Ana Seran,${desa},Posyandu Anggrek,${monthsAgo(-2)},8.0,70`,
    // weight 0
    `Dedi Nahak,L,${born},Vero Nahak,${desa},Posyandu Anggrek,${monthsAgo(1)},0,70`,
    // unknown desa code
    `Lusi Mau,P,${born},Sisilia Mau,9999999999,Posyandu Anggrek,${monthsAgo(1)},8.2,71`,
    // measured before birth
    `Beni Taek,L,${monthsAgo(3)},Yuli Taek,${desa},Posyandu Anggrek,${monthsAgo(5)},5.1,58`,
    // a child over 60 months
    `Tono Leki,L,${monthsAgo(70)},Maria Leki,${desa},Posyandu Anggrek,${monthsAgo(1)},17,105`,
    // the first row again
    `Agnes Lake,P,${born},Maria Lake,${desa},Posyandu Anggrek,${monthsAgo(2)},8.4,72.1`,
  ];
  return `${header}\n${rows.join('\n')}\n`;
}

interface Roster {
  items: { id: string; name: string }[];
}

describe.runIf(hasChromium)('import screen in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let admin: ApiClient;
  let posyanduId: string;
  const file = {
    name: 'register-posyandu-anggrek.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(registerFile()),
  };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    admin = await apiLogin(server.url, server.adminEmail, server.adminPassword);
    posyanduId = (
      await admin.post<{ id: string }>('/api/posyandu', {
        name: 'Posyandu Anggrek',
        regionCode: desa,
      })
    ).id;
    page = await browser.newPage({
      viewport: { width: 1280, height: 900 },
      locale: 'id-ID',
      acceptDownloads: true,
    });
    await page.goto(`${server.url}/masuk`);
    await page.getByLabel('Email').fill(server.adminEmail);
    // apiLogin replaced the one-time password.
    await page.getByLabel('Kata sandi', { exact: true }).fill('kupang sehat bebas stunting');
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.getByRole('link', { name: 'Impor data' }).first().waitFor(until);
    await page.getByRole('link', { name: 'Impor data' }).first().click();
    await page.getByRole('heading', { name: 'Impor dan ekspor data' }).waitFor(until);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('says at once what is wrong with a file of another type or an empty one', async () => {
    const input = page.getByLabel('Berkas CSV atau Excel (.xlsx)');
    await input.setInputFiles({
      name: 'catatan.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('x'),
    });
    await page.getByRole('button', { name: 'Periksa berkas (pratinjau)' }).click();
    await expect
      .poll(() => page.getByText('Berkas harus CSV (.csv) atau Excel (.xlsx)').count(), until)
      .toBe(1);
    await input.setInputFiles({
      name: 'kosong.csv',
      mimeType: 'text/csv',
      buffer: Buffer.alloc(0),
    });
    await page.getByRole('button', { name: 'Periksa berkas (pratinjau)' }).click();
    await expect.poll(() => page.getByText('Berkas ini kosong').count(), until).toBe(1);
  });

  it('names the missing required columns of a file', async () => {
    await page.getByLabel('Berkas CSV atau Excel (.xlsx)').setInputFiles({
      name: 'tanpa-tanggal.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Nama Anak,JK,Tgl Lahir\nAgnes,P,2025-01-01\n'),
    });
    await page.getByRole('button', { name: 'Periksa berkas (pratinjau)' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: /Berkas tidak dapat diimpor/ }).count(), until)
      .toBe(1);
    await expect.poll(() => page.getByText(/Tanggal Pengukuran/).count(), until).toBeGreaterThan(0);
    await screenshot(page, 'imports-missing-columns-desktop');
    await page.getByRole('button', { name: 'Impor berkas lain' }).click();
  });

  it('previews a file of good and bad rows: counts and the problems by row and column', async () => {
    await page.getByLabel('Berkas CSV atau Excel (.xlsx)').setInputFiles(file);
    await page.getByRole('button', { name: 'Periksa berkas (pratinjau)' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: /Hasil pemeriksaan/ }).count(), until)
      .toBe(1);
    const counts = page.locator('.count-grid');
    await expect
      .poll(
        () => counts.locator('div', { hasText: 'Baris data' }).locator('dd').textContent(),
        until,
      )
      .toBe('9');
    await expect
      .poll(
        () => counts.locator('div', { hasText: 'Akan diimpor' }).locator('dd').textContent(),
        until,
      )
      .toBe('3');
    // Each bad row is named by its row number as a spreadsheet shows it (header = row 1).
    const issues = page.locator('.issues-table tbody tr');
    const rows = await issues.locator('td:first-child').allTextContents();
    for (const row of ['5', '6', '7', '8', '9', '10']) expect(rows).toContain(row);
    await screenshot(page, 'imports-preview-desktop');
    // Nothing is written by a preview.
    const roster = await admin.get<Roster>(`/api/posyandu/${posyanduId}/children`);
    expect(roster.items).toHaveLength(0);
  });

  it('commits with progress, the report downloads, the good rows are in', async () => {
    await page.getByRole('button', { name: /Impor 3 baris sekarang/ }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: /Hasil impor/ }).count(), until)
      .toBe(1);
    await expect.poll(() => page.getByText(/3 baris diimpor/).count(), until).toBe(1);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Unduh laporan per baris (CSV)' }).click();
    const report = readFileSync(await (await download).path(), 'utf8');
    expect(report.split('\n')[0]).toContain('Baris');
    for (const row of ['5', '6', '7', '8', '9', '10'])
      expect(report).toMatch(new RegExp(`^${row},`, 'm'));
    await screenshot(page, 'imports-committed-desktop');
    const roster = await admin.get<Roster>(`/api/posyandu/${posyanduId}/children`);
    expect(roster.items.map((c) => c.name).sort()).toEqual(['Agnes Lake', 'Yosef Bria']);
    // The import is on record: who, when, which file, counts.
    const history = page.locator('.imports-table tbody tr', { hasText: file.name });
    await expect.poll(() => history.count(), until).toBeGreaterThan(0);
    await expect.poll(() => history.first().getByText('diimpor').count(), until).toBe(1);
  });

  it('a second import of the same file adds nothing', async () => {
    await page.getByRole('button', { name: 'Impor berkas lain' }).click();
    await page.getByLabel('Berkas CSV atau Excel (.xlsx)').setInputFiles(file);
    await page.getByRole('button', { name: 'Periksa berkas (pratinjau)' }).click();
    await expect
      .poll(() => page.getByText('Tidak ada baris baru untuk diimpor.').count(), until)
      .toBe(1);
    const counts = page.locator('.count-grid');
    await expect
      .poll(
        () => counts.locator('div', { hasText: 'Akan diimpor' }).locator('dd').textContent(),
        until,
      )
      .toBe('0');
    const roster = await admin.get<Roster>(`/api/posyandu/${posyanduId}/children`);
    expect(roster.items).toHaveLength(2);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'imports-second-preview-phone');
  });
});
