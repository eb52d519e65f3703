import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiLogin,
  hasChromium,
  launchBrowser,
  logIn,
  e2ePassword,
  screenshot,
  startServer,
  type RunningServer,
  until,
} from './harness.ts';

/**
 * The public portal on the synthetic demo province: headline figures, map, news, knowledge
 * centre, open data, the accessibility toolbar, and axe-core on the main pages.
 */
const demoChildren = 3000;
const desktop = { width: 1280, height: 900 };
const phone = { width: 390, height: 844 };
const password = e2ePassword;
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

interface Settings {
  homeRegion: string;
}
interface Figure {
  value: number | null;
  suppressed: boolean;
}
interface Summary {
  region: { name: string };
  period: { label: { id: string } };
  figures: { stunting: Figure };
  counts: { stunted: number | null };
}
interface DeathSummary {
  period: { label: { id: string } };
  counts: { maternal: number; infant: number };
  hasData: boolean;
}

async function json<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as T;
}

const percent = (v: number) => `${(Math.round(v * 1000) / 10).toFixed(1).replace('.', ',')}%`;

/** Serious and critical axe-core violations of the page as it is now. */
async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the app's CSP (script-src 'self') refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            c: unknown,
            o: unknown,
          ) => Promise<{
            violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.targets.join(', ')}`);
}

describe.runIf(hasChromium)('public portal in Chromium, on the demo province', () => {
  let server: RunningServer;
  let browser: Browser;
  let settings: Settings;
  const editorEmail = 'editor@e2e.tumbuh.id';

  beforeAll(async () => {
    server = await startServer({ demoChildren });
    browser = await launchBrowser();
    settings = await json<Settings>(`${server.url}/api/portal/settings`);
    const admin = await apiLogin(server.url, server.adminEmail, server.adminPassword);
    const created = await admin.post<{ oneTimePassword: string }>('/api/users', {
      email: editorEmail,
      name: 'Redaksi Portal',
      role: 'editor',
      regionCode: settings.homeRegion.slice(0, 2),
    });
    await apiLogin(server.url, editorEmail, created.oneTimePassword, password);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('home shows the headline figures of the demo province with their periods, the map and the news', async () => {
    const region = settings.homeRegion;
    const summary = await json<Summary>(`${server.url}/api/dashboard/summary?region=${region}`);
    const deaths = await json<DeathSummary>(`${server.url}/api/deaths/summary?region=${region}`);
    const page = await browser.newPage({ viewport: desktop, locale: 'id-ID' });
    await page.goto(server.url);
    const card = (id: string) => page.locator(`[data-card="${id}"]`);
    await expect
      .poll(() => card('stunting-prevalence').locator('.headline-value').textContent(), until)
      .toBe(percent(summary.figures.stunting.value!));
    expect(await card('stunting-prevalence').textContent()).toContain(summary.period.label.id);
    expect(await card('stunting-count').locator('.headline-value').textContent()).toBe(
      summary.counts.stunted!.toLocaleString('id-ID'),
    );
    expect(await card('stunting-prevalence').textContent()).toContain('e-PPGBM');
    // The survey card names the survey and its year (its own request: it may come later).
    await expect
      .poll(() => card('survey').textContent(), until)
      .toMatch(/(SSGI|SKI|Riskesdas) \d{4}/);
    await expect
      .poll(() => card('maternal-deaths').locator('.headline-value').textContent(), until)
      .not.toBe('…');
    if (deaths.hasData) {
      expect(await card('maternal-deaths').locator('.headline-value').textContent()).toBe(
        String(deaths.counts.maternal),
      );
      expect(await card('infant-deaths').locator('.headline-value').textContent()).toBe(
        deaths.counts.infant.toLocaleString('id-ID'),
      );
      expect(await card('maternal-deaths').textContent()).toContain(deaths.period.label.id);
    } else {
      expect(await card('maternal-deaths').textContent()).toContain('belum tersedia');
    }
    // The map draws every kabupaten/kota with a legend; the trend chart draws its line. Both
    // load when scrolled near.
    await page.locator('#map-title').scrollIntoViewIfNeeded();
    await page.locator('#trend-title').scrollIntoViewIfNeeded();
    await expect
      .poll(() => page.locator('#map-title ~ * .map-canvas svg path').count(), until)
      .toBeGreaterThan(10);
    expect(await page.locator('.map-legend').count()).toBeGreaterThan(0);
    await expect
      .poll(
        () =>
          page
            .locator('.portal-section')
            .filter({ has: page.locator('#trend-title') })
            .locator('svg path')
            .count(),
        until,
      )
      .toBeGreaterThan(8);
    await expect
      .poll(() => page.locator('#news-title ~ .item-grid .item-card').count(), until)
      .toBe(3);
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'portal-home-desktop');
    expect(await axeViolations(page)).toEqual([]);

    const mobile = await browser.newPage({ viewport: phone, locale: 'id-ID', isMobile: true });
    await mobile.goto(server.url);
    await expect
      .poll(
        () => mobile.locator('[data-card="stunting-prevalence"] .headline-value').textContent(),
        until,
      )
      .toBe(percent(summary.figures.stunting.value!));
    await mobile.locator('#map-title').scrollIntoViewIfNeeded();
    await expect
      .poll(() => mobile.locator('.map-canvas svg path').count(), until)
      .toBeGreaterThan(10);
    await mobile.waitForLoadState('networkidle');
    await screenshot(mobile, 'portal-home-phone');
    await mobile.close();
    await page.close();
  });

  it('news, a news article, the Pokja profile, the knowledge centre and the data catalogue have no serious accessibility violations', async () => {
    const page = await browser.newPage({ viewport: desktop, locale: 'id-ID' });
    await page.goto(`${server.url}/berita`);
    await expect.poll(() => page.locator('.item-card').count(), until).toBeGreaterThan(2);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'portal-news');

    await page.locator('.item-card-title a').first().click();
    await expect.poll(() => page.locator('.article-body p').count(), until).toBeGreaterThan(0);
    expect(new URL(page.url()).pathname).toMatch(/^\/berita\/[a-z0-9-]+$/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'portal-article');

    await page.goto(`${server.url}/profil`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'Profil Pokja' }).count(), until)
      .toBe(1);
    await expect.poll(() => page.locator('.article-body table').count(), until).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'portal-profile');

    await page.goto(`${server.url}/pusat-pembelajaran`);
    for (const id of ['#knowledge', '#practice', '#event'])
      await expect.poll(() => page.locator(`${id} .item-card`).count(), until).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'portal-knowledge');
    // A knowledge product offers its document for download.
    await page.locator('#knowledge .item-card-title a').first().click();
    const download = page.locator('.document-download a');
    await expect.poll(() => download.count(), until).toBe(1);
    const href = (await download.getAttribute('href'))!;
    const pdf = await fetch(new URL(href, server.url));
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    await page.goto(`${server.url}/data-terbuka`);
    await expect.poll(() => page.locator('.dataset').count(), until).toBeGreaterThan(3);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'portal-open-data');
    // Every download of the catalogue answers.
    const links = await page
      .locator('.dataset-downloads a')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const link of links) expect((await fetch(link)).status, link).toBe(200);

    // A missing article: the portal's 404 page, with status 404 for crawlers.
    // A fresh visitor (no service worker yet, as a crawler): the server's own answer.
    const fresh = await browser.newPage({ viewport: phone, locale: 'id-ID' });
    const missing = await fresh.goto(`${server.url}/berita/tidak-ada-berita-ini`);
    expect(missing?.status()).toBe(404);
    await expect
      .poll(() => fresh.getByRole('heading', { name: 'Halaman tidak ditemukan' }).count(), until)
      .toBe(1);
    await screenshot(fresh, 'portal-404-phone');
    await fresh.close();
    await page.close();
  });

  it('each accessibility control changes the page as it says, by keyboard, and is remembered', async () => {
    const page = await browser.newPage({ viewport: desktop, locale: 'id-ID' });
    // A stand-in for the device's voices, so that what is read aloud can be checked.
    await page.addInitScript(() => {
      const spoken: { text: string; lang: string }[] = [];
      (window as unknown as { __spoken: typeof spoken }).__spoken = spoken;
      class FakeUtterance {
        text: string;
        lang = '';
        voice: unknown = null;
        onend: (() => void) | null = null;
        onerror: (() => void) | null = null;
        constructor(text: string) {
          this.text = text;
        }
      }
      const voices = [{ lang: 'id-ID', localService: true, name: 'Bahasa Indonesia' }];
      Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance });
      Object.defineProperty(window, 'speechSynthesis', {
        value: {
          getVoices: () => voices,
          addEventListener() {},
          removeEventListener() {},
          cancel() {},
          speak(u: FakeUtterance) {
            spoken.push({ text: u.text, lang: u.lang });
          },
        },
      });
    });
    await page.goto(server.url);
    await expect
      .poll(
        () => page.locator('[data-card="stunting-prevalence"] .headline-value').textContent(),
        until,
      )
      .toMatch(/%$/);
    const html = page.locator('html');
    const toggle = page.getByRole('button', { name: 'Aksesibilitas' });
    const bodyFontSize = () =>
      page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    const mainFilter = () =>
      page.evaluate(() => getComputedStyle(document.getElementById('main')!).filter);

    // Keyboard only: focus the toggle, open with Enter, work the controls with Enter and Space.
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const before = await bodyFontSize();
    await page.getByRole('button', { name: 'Perbesar teks' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    expect(await html.getAttribute('data-a11y-text')).toBe('125');
    expect(await bodyFontSize()).toBeCloseTo(before * 1.25, 1);
    await page.getByRole('button', { name: 'Perkecil teks' }).focus();
    await page.keyboard.press('Space');
    expect(await bodyFontSize()).toBeCloseTo(before * 1.1, 1);
    await screenshot(page, 'portal-a11y-zoom', false);

    const grayscale = page.getByRole('button', { name: 'Skala abu-abu' });
    await grayscale.focus();
    await page.keyboard.press('Enter');
    expect(await grayscale.getAttribute('aria-pressed')).toBe('true');
    expect(await mainFilter()).toBe('grayscale(1)');
    await screenshot(page, 'portal-a11y-grayscale', false);
    await grayscale.click();
    expect(await mainFilter()).toBe('none');

    const negative = page.getByRole('button', { name: 'Kontras negatif' });
    await negative.click();
    expect(await mainFilter()).toContain('invert(1)');
    await screenshot(page, 'portal-a11y-negative', false);
    await negative.click();

    const readable = page.getByRole('button', { name: 'Huruf mudah dibaca' });
    await readable.click();
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain(
      'Verdana',
    );
    await screenshot(page, 'portal-a11y-font', false);

    // Read aloud: the main content, block by block, with the Indonesian voice.
    await page.getByRole('button', { name: 'Bacakan halaman' }).click();
    const spoken = await page.evaluate(
      () => (window as unknown as { __spoken: { text: string; lang: string }[] }).__spoken,
    );
    expect(spoken.length).toBeGreaterThan(5);
    expect(spoken[0]!.lang).toBe('id-ID');
    expect(spoken.map((s) => s.text).join(' ')).toContain('Prevalensi stunting');
    expect(spoken.map((s) => s.text).join(' ')).not.toContain('Aksesibilitas');
    expect(await page.getByRole('button', { name: 'Hentikan pembacaan' }).count()).toBe(1);

    // Remembered on the device: the choices are there after a reload.
    await page.reload();
    expect(await html.getAttribute('data-a11y-text')).toBe('110');
    expect(await html.getAttribute('data-a11y-font')).toBe('readable');
    await toggle.click();
    await page.getByRole('button', { name: 'Atur ulang' }).click();
    expect(await html.getAttribute('data-a11y-text')).toBeNull();
    expect(await html.getAttribute('data-a11y-font')).toBeNull();
    expect(await bodyFontSize()).toBeCloseTo(before, 1);
    // Escape closes the panel and gives the focus back to its button.
    await page.keyboard.press('Escape');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.close();

    // A browser without an Indonesian voice says so instead of staying silent.
    const plain = await browser.newPage({ viewport: phone, locale: 'id-ID' });
    await plain.addInitScript(() => {
      Object.defineProperty(window, 'speechSynthesis', {
        value: {
          getVoices: () => [],
          addEventListener() {},
          removeEventListener() {},
          cancel() {},
          speak() {},
        },
      });
    });
    await plain.goto(`${server.url}/berita`);
    await plain.getByRole('button', { name: 'Aksesibilitas' }).click();
    await plain.getByRole('button', { name: 'Bacakan halaman' }).click();
    await expect
      .poll(
        () => plain.getByRole('alert').filter({ hasText: 'tidak memiliki suara' }).count(),
        until,
      )
      .toBe(1);
    await screenshot(plain, 'portal-a11y-no-voice-phone', false);
    await plain.close();
  });

  it('a news article made in the CMS appears on the portal after publishing, not before, with scripts inert', async () => {
    const slug = 'rembuk-stunting-e2e';
    const title = 'Rembuk Uji E2E <img src=x onerror="window.__xss=1">';
    const cms = await browser.newPage({ viewport: desktop, locale: 'id-ID' });
    const visitor = await browser.newPage({ viewport: desktop, locale: 'id-ID' });
    await logIn(cms, server.url, editorEmail);
    await cms.goto(`${server.url}/cms`);
    await cms.locator('.cms-new-list').getByRole('link', { name: 'Berita', exact: true }).click();
    await cms.getByLabel('Judul', { exact: true }).fill(title);
    await cms.getByLabel('Alamat (slug)').fill(slug);
    await cms.getByLabel('Ringkasan').fill('Ringkasan <script>window.__xss=2</script>');
    await cms.getByRole('button', { name: 'HTML' }).click();
    await cms
      .getByLabel('Isi (kode HTML)')
      .fill(
        '<p>Isi berita rembuk.</p><img src="x" onerror="window.__xss=3"><a href="javascript:window.__xss=4">tautan</a><script>window.__xss=5</script>',
      );
    await cms.getByRole('button', { name: 'Simpan draf' }).click();
    await expect.poll(() => cms.getByText('Draf tersimpan').count(), until).toBeGreaterThan(0);
    await screenshot(cms, 'portal-cms-editor');

    // A draft: not on the portal, not in the list, its address answers 404.
    const draft = await visitor.goto(`${server.url}/berita/${slug}`);
    expect(draft?.status()).toBe(404);
    await expect
      .poll(() => visitor.getByRole('heading', { name: 'Halaman tidak ditemukan' }).count(), until)
      .toBe(1);
    await visitor.goto(`${server.url}/berita`);
    await expect.poll(() => visitor.locator('.item-card').count(), until).toBeGreaterThan(0);
    expect(await visitor.getByText('Rembuk Uji E2E').count()).toBe(0);

    await cms.getByRole('button', { name: 'Terbitkan' }).click();
    await expect.poll(() => cms.getByText('Terbit di portal').count(), until).toBeGreaterThan(0);

    const published = await visitor.goto(`${server.url}/berita/${slug}`);
    expect(published?.status()).toBe(200);
    await expect
      .poll(() => visitor.getByRole('heading', { level: 1 }).textContent(), until)
      .toContain('Rembuk Uji E2E <img');
    await expect.poll(() => visitor.getByText('Isi berita rembuk.').count(), until).toBe(1);
    await visitor
      .locator('.article-body a')
      .first()
      .click({ timeout: 2000 })
      .catch(() => {});
    expect(
      await visitor.evaluate(() => (window as unknown as { __xss?: number }).__xss),
    ).toBeUndefined();
    expect(await visitor.locator('.article-body script, .article-body [onerror]').count()).toBe(0);
    expect(await visitor.locator('a[href^="javascript:"]').count()).toBe(0);
    await screenshot(visitor, 'portal-cms-published-article');
    await visitor.goto(`${server.url}/berita`);
    await expect.poll(() => visitor.getByText('Rembuk Uji E2E <img').count(), until).toBe(1);
    expect(
      await visitor.evaluate(() => (window as unknown as { __xss?: number }).__xss),
    ).toBeUndefined();
    // The article is in the RSS feed and the sitemap once published.
    expect(await (await fetch(`${server.url}/rss.xml`)).text()).toContain(`/berita/${slug}`);
    expect(await (await fetch(`${server.url}/sitemap.xml`)).text()).toContain(`/berita/${slug}`);
    await cms.close();
    await visitor.close();
  });
});
