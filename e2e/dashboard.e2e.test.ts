import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePeriod, periodLabel } from '../src/core/indicators/period.ts';
import {
  apiLogin,
  hasChromium,
  launchBrowser,
  screenshot,
  startServer,
  type RunningServer,
  until,
} from './harness.ts';

/**
 * The synthetic demo province (NTT). 8,000 children: a kabupaten has about 360 and a kecamatan
 * about 25, so kabupaten figures are shown in public and kecamatan figures are a mix of shown
 * ones and ones hidden by the small-number rule — both states are on screen.
 */
const demoChildren = 8000;
const desktop = { width: 1280, height: 900 };
const phone = { width: 390, height: 844 };
/** How long a screen may take to show what is expected (a cold server, a slow CI machine). */

interface Meta {
  periods: { latestComplete: { month: string } };
  homeRegion: string;
}
interface Region {
  region: { code: string; name: string };
  children: { code: string; name: string }[];
}

async function json<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as T;
}

/** Hovers the map until the tooltip names an area; returns the pointer position and the name. */
async function findAreaOnMap(page: Page): Promise<{ x: number; y: number; name: string }> {
  const box = (await page.locator('.map-canvas').boundingBox())!;
  for (const [fx, fy] of [
    [0.2, 0.65],
    [0.5, 0.3],
    [0.75, 0.6],
    [0.35, 0.25],
    [0.65, 0.75],
  ] as const) {
    const x = box.x + box.width * fx;
    const y = box.y + box.height * fy;
    await page.mouse.move(x, y);
    const tooltip = page.locator('.map-canvas div').filter({ hasText: /Kabupaten|Kota/ });
    try {
      await tooltip.first().waitFor({ state: 'visible', timeout: 1500 });
      const name = (await tooltip.first().locator('b').textContent())?.trim();
      if (name) return { x, y, name };
    } catch {
      // Sea at this point: try the next one.
    }
  }
  throw new Error('no kabupaten found under the pointer');
}

/** Waits until a section's chart has drawn its shapes (axes alone are a handful of paths). */
async function drawn(page: Page, section: string): Promise<void> {
  await expect.poll(() => page.locator(`${section} svg path`).count(), until).toBeGreaterThan(8);
}

describe.runIf(hasChromium)('dashboard in Chromium, on the demo province', () => {
  let server: RunningServer;
  let browser: Browser;
  let meta: Meta;
  let province: Region;

  beforeAll(async () => {
    server = await startServer({ demoChildren });
    browser = await launchBrowser();
    meta = await json<Meta>(`${server.url}/api/dashboard/meta`);
    province = await json<Region>(`${server.url}/api/regions/${meta.homeRegion}`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows a visitor the province with headline figures, their period and the public rule', async () => {
    const page = await browser.newPage({ viewport: desktop, locale: 'id-ID' });
    await page.goto(`${server.url}/dasbor`);
    await expect
      .poll(
        () => page.getByRole('heading', { level: 1, name: province.region.name }).count(),
        until,
      )
      .toBe(1);
    // The default period is the latest complete month, in Indonesian.
    const period = periodLabel(parsePeriod(meta.periods.latestComplete.month)!, 'id');
    const stunting = page.locator('.stat-card[data-indicator="stunting"]');
    await expect
      .poll(() => stunting.locator('.stat-value').textContent(), until)
      .toMatch(/^\d+,\d%$/);
    await expect.poll(() => stunting.textContent()).toContain(period);
    expect(await stunting.textContent()).toMatch(/\d[\d.]* dari [\d.]+ anak/);
    expect(await page.locator('.dash-meta').textContent()).toContain('Sumber: e-PPGBM');
    expect(await page.getByRole('note').filter({ hasText: 'Angka publik' }).count()).toBe(1);

    // "Cara menghitung" opens on the figure's numerator, denominator and rule.
    await stunting.getByText('Cara menghitung').click();
    expect(await stunting.locator('.method-facts').textContent()).toMatch(
      /Definisi.*TB\/U.*Pembilang[\d.]+ anak.*Penyebut[\d.]+ anak.*Periode.*Sumber.*Angka kecil.*Selang kepercayaan/,
    );

    // Every section has drawn: the map's areas, the trend, breakdown and comparison charts.
    await page.locator('.map-canvas svg path').first().waitFor(until);
    await drawn(page, '#dash-trend');
    await drawn(page, '#dash-breakdown');
    await drawn(page, '#dash-comparison');
    expect(await page.locator('.dash-gap').textContent()).toMatch(/SSGI|SKI/);
    await page.locator('.map-canvas').scrollIntoViewIfNeeded();
    await screenshot(page, 'dashboard-province-desktop');
    await page.close();
  });

  it('drills down by clicking a kabupaten on the map, lists its kecamatan and downloads the table', async () => {
    const page = await browser.newPage({
      viewport: desktop,
      locale: 'id-ID',
      acceptDownloads: true,
    });
    await page.goto(`${server.url}/dasbor?wilayah=${meta.homeRegion}`);
    await page.locator('.map-canvas svg path').first().waitFor(until);
    await page.locator('.map-canvas').scrollIntoViewIfNeeded();
    const area = await findAreaOnMap(page);
    await page.mouse.click(area.x, area.y);

    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: area.name }).count(), until)
      .toBe(1);
    const code = new URL(page.url()).searchParams.get('wilayah')!;
    expect(code).toMatch(/^\d{4}$/);
    const kabupaten = await json<Region>(`${server.url}/api/regions/${code}`);
    expect(kabupaten.region.name).toBe(area.name);
    // Its kecamatan: on the map, in the ranked list beside it and in the table.
    const kecamatan = kabupaten.children[0]!.name;
    await page.locator('.map-canvas svg path').first().waitFor(until);
    await expect
      .poll(
        () => page.locator('.ranked-bars').getByRole('button', { name: kecamatan }).count(),
        until,
      )
      .toBe(1);
    await expect
      .poll(
        () => page.locator('.areas-table').getByRole('link', { name: kecamatan }).count(),
        until,
      )
      .toBe(1);
    await screenshot(page, 'dashboard-kabupaten-desktop');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Unduh CSV' }).first().click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`${code}.*\\.csv$`));
    const csv = readFileSync(await download.path(), 'utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toMatch(/kode/i);
    expect(lines.length).toBe(kabupaten.children.length + 1);
    expect(lines.some((line) => line.includes(kecamatan))).toBe(true);

    // The back button climbs back to the province.
    await page.goBack();
    await expect
      .poll(
        () => page.getByRole('heading', { level: 1, name: province.region.name }).count(),
        until,
      )
      .toBe(1);
    await page.close();
  });

  it('opens an area from the keyboard: arrow keys on the map, Enter', async () => {
    const page = await browser.newPage({ viewport: desktop, locale: 'id-ID' });
    await page.goto(`${server.url}/dasbor?wilayah=${meta.homeRegion}`);
    await page.locator('.map-canvas svg path').first().waitFor(until);
    await page.locator('.map-canvas').focus();
    await page.keyboard.press('ArrowLeft');
    await expect
      .poll(() => page.locator('.map-canvas-wrap [aria-live]').textContent(), until)
      .toMatch(/^(Kabupaten|Kota) .+: /);
    const announced = (await page.locator('.map-canvas-wrap [aria-live]').textContent())!;
    const name = announced.slice(0, announced.lastIndexOf(':'));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1, name }).count(), until).toBe(1);
    await page.close();
  });

  it('switches to English and reads on a phone', async () => {
    const page = await browser.newPage({ viewport: phone, locale: 'id-ID' });
    const kabupaten =
      province.children.find((c) => c.name === 'Kabupaten Kupang') ?? province.children[0]!;
    await page.goto(`${server.url}/dasbor?wilayah=${kabupaten.code}`);
    const stunting = page.locator('.stat-card[data-indicator="stunting"] .stat-value');
    await expect.poll(() => stunting.textContent(), until).toMatch(/^\d+,\d%$/);
    await page.locator('.map-canvas svg path').first().waitFor(until);
    await drawn(page, '#dash-trend');
    await screenshot(page, 'dashboard-kabupaten-phone');

    await page.getByRole('button', { name: /english/i }).click();
    await expect.poll(() => page.getByText('Child nutrition dashboard').count(), until).toBe(1);
    await expect.poll(() => stunting.textContent(), until).toMatch(/^\d+\.\d%$/);
    expect(await page.getByRole('note').filter({ hasText: 'Public figures' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('heading', { name: /Trend of/ }).count(), until).toBe(1);
    await screenshot(page, 'dashboard-kabupaten-phone-en');
    // Back to Indonesian for the next visitor of this browser profile.
    await page.getByRole('button', { name: /indonesia/i }).click();
    await page.close();
  });

  it('shows signed-in staff unsuppressed figures and lets them set a target', async () => {
    // The first admin replaces the one-time password through the API, then logs in on screen.
    await apiLogin(server.url, server.adminEmail, server.adminPassword);
    const page = await browser.newPage({ viewport: desktop, locale: 'id-ID' });
    await page.goto(`${server.url}/masuk`);
    await page.getByLabel('Email').fill(server.adminEmail);
    await page.getByLabel('Kata sandi', { exact: true }).fill('kupang sehat bebas stunting');
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.waitForURL(/dasbor/, until);
    const kabupaten = province.children[0]!;
    await page.goto(`${server.url}/dasbor?wilayah=${kabupaten.code}`);
    await expect
      .poll(() => page.getByRole('note').filter({ hasText: 'Angka lengkap' }).count(), until)
      .toBe(1);
    // Nothing hidden for staff: no kecamatan row says "data terlalu sedikit".
    await page.locator('.areas-table tbody tr').first().waitFor(until);
    expect(await page.locator('.areas-table').getByText('Data terlalu sedikit').count()).toBe(0);

    const year = String(new Date().getFullYear());
    await page.getByText(`Atur target ${kabupaten.name}`).click();
    await page.getByLabel('Tahun target').selectOption(year);
    await page.getByLabel(/^Target /).fill('12,5');
    await page.getByRole('button', { name: 'Simpan target' }).click();
    await expect
      .poll(() => page.getByText(`Target ${year}: 12,5% (${kabupaten.name})`).count(), until)
      .toBe(1);
    await screenshot(page, 'dashboard-staff-target-desktop');
    await page.close();
  });
});
