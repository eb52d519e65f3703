import { useId, useState, type FormEvent } from 'react';
import { isRegionCode, isWithinRegion } from '../../core/regions/region-code.ts';
import type { Me } from '../api-client.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { RegionPicker } from '../components/RegionPicker.tsx';
import { deathsApi, type LiveBirthImport, type LiveBirthsList } from '../deaths/api.ts';
import '../deaths/deaths.css';
import { useApi } from '../hooks/use-api.ts';
import { formatNumber, monthNames } from '../i18n/format.ts';
import { useLang, useT } from '../i18n/language.ts';
import { navigate, paths, useRoute } from '../router.ts';
import { useSession } from '../session.ts';
import { showToast } from '../toast.ts';

type Area = LiveBirthsList['areas'][number];
/** A cell being edited: region|period → text typed. */
type Edits = Record<string, string>;

/**
 * Live births (`/kematian/kelahiran?wilayah=5301&tahun=2025`): the denominators of AKI, AKB and
 * AKN. For a region and year, each area below it with its year total and its months, what the
 * rates will use (entered, summed, or an estimate — said so), and the infant deaths recorded
 * (a figure cannot be lower). Typed figures are saved together; a file can be imported instead,
 * with a check first and a report by row. Population and birth rate feed the estimate.
 */
export default function LiveBirthsPage() {
  const { user } = useSession();
  return user ? <LiveBirths user={user} /> : null;
}

function LiveBirths({ user }: { user: Me }) {
  const t = useT();
  const ids = useId();
  const { query } = useRoute();
  const asked = query.get('wilayah') ?? '';
  const region =
    isRegionCode(asked) && isWithinRegion(asked, user.regionCode) ? asked : user.regionCode;
  const thisYear = new Date().getFullYear();
  const year = Number(query.get('tahun')) || thisYear - 1;
  const [version, setVersion] = useState(0);
  const list = useApi(`${region}|${year}|${version}`, (_k, signal) =>
    deathsApi.liveBirths({ region, year }, signal),
  );
  const go = (change: { wilayah?: string; tahun?: number }) =>
    navigate(
      `${paths.liveBirths}?wilayah=${change.wilayah ?? region}&tahun=${change.tahun ?? year}`,
      { replace: true },
    );

  return (
    <>
      <PageHeading>{t('deaths.liveBirthsTitle')}</PageHeading>
      <p>{t('deaths.liveBirthsIntro')}</p>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <RegionPicker
          value={region}
          within={user.regionCode}
          maxLevel="kecamatan"
          onChange={(code) => go({ wilayah: code })}
        />
        <div className="field">
          <label htmlFor={`${ids}-year`}>{t('deaths.year')}</label>
          <select
            id={`${ids}-year`}
            value={year}
            onChange={(e) => go({ tahun: Number(e.target.value) })}
          >
            {Array.from({ length: 8 }, (_, i) => thisYear - i).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      </form>
      <ErrorMessage error={list.error} />
      {list.loading && !list.data && <Loading />}
      {list.data && <BirthTable data={list.data} onSaved={() => setVersion((v) => v + 1)} />}
      <ImportBlock onImported={() => setVersion((v) => v + 1)} />
      {list.data && (
        <PopulationBlock
          region={region}
          year={year}
          data={list.data}
          onSaved={() => setVersion((v) => v + 1)}
        />
      )}
      <p className="hint">{t('deaths.estimateMethod')}</p>
    </>
  );
}

function BirthTable({ data, onSaved }: { data: LiveBirthsList; onSaved: () => void }) {
  const t = useT();
  const lang = useLang();
  const [edits, setEdits] = useState<Edits>({});
  const [source, setSource] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const months = monthNames(lang);
  const rows: Area[] = [data.self, ...data.areas];
  const key = (code: string, period: string) => `${code}|${period}`;
  const shown = (area: Area, period: string, stored: { count: number } | null) =>
    edits[key(area.code, period)] ?? (stored ? String(stored.count) : '');
  const changed = Object.keys(edits).length;

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSaving(true);
    try {
      const entries = Object.entries(edits).map(([k, text]) => {
        const [regionCode, period] = k.split('|') as [string, string];
        const clean = text.trim().replace(/[.\s]/g, '');
        return {
          regionCode,
          period,
          count: clean === '' ? null : Number(clean),
          source: source || null,
        };
      });
      const result = await deathsApi.saveLiveBirths({ entries });
      showToast(t('deaths.birthsSaved', { stored: result.stored, removed: result.removed }));
      setEdits({});
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  }
  const input = (area: Area, period: string, stored: { count: number } | null, label: string) => (
    <input
      className="death-birth-input"
      inputMode="numeric"
      aria-label={`${area.name} · ${label}`}
      value={shown(area, period, stored)}
      onChange={(e) => setEdits({ ...edits, [key(area.code, period)]: e.target.value })}
    />
  );
  return (
    <form onSubmit={(e) => void save(e)} className="card death-births-card">
      <h2>{t('deaths.birthsTableTitle', { region: data.region.name, year: data.year })}</h2>
      <p className="hint">{t('deaths.birthsTableHint')}</p>
      <div className="table-wrap death-births-wrap">
        <table className="table-nowrap death-births-table">
          <thead>
            <tr>
              <th scope="col">{t('deaths.area')}</th>
              <th scope="col">{t('deaths.usedForRates')}</th>
              <th scope="col">{t('deaths.infantDeaths')}</th>
              <th scope="col">{t('deaths.yearTotal')}</th>
              {months.map((m) => (
                <th key={m} scope="col">
                  {m.slice(0, 3)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((area, i) => (
              <tr key={area.code} className={i === 0 ? 'death-births-self' : undefined}>
                <th scope="row">{area.name}</th>
                <td>
                  {area.resolved.value === null ? '—' : formatNumber(area.resolved.value, lang)}
                  {area.resolved.estimated && (
                    <span className="badge death-estimate">{t('deaths.estimate')}</span>
                  )}
                </td>
                <td>{formatNumber(area.infantDeaths, lang)}</td>
                <td>{input(area, String(data.year), area.year, t('deaths.yearTotal'))}</td>
                {area.months.map((m, j) => (
                  <td key={j}>
                    {input(area, `${data.year}-${String(j + 1).padStart(2, '0')}`, m, months[j]!)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="field">
        <label htmlFor="birth-source">{t('deaths.birthsSource')}</label>
        <input
          id="birth-source"
          value={source}
          placeholder="PWS-KIA"
          onChange={(e) => setSource(e.target.value)}
        />
      </div>
      <ErrorMessage error={error} />
      <button type="submit" className="button button-primary" disabled={saving || changed === 0}>
        {saving ? t('common.saving') : t('deaths.saveBirths', { count: changed })}
      </button>
    </form>
  );
}

function ImportBlock({ onImported }: { onImported: () => void }) {
  const t = useT();
  const ids = useId();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<LiveBirthImport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function run(dryRun: boolean) {
    if (!file) return;
    setError(null);
    setBusy(true);
    try {
      const result = await deathsApi.importLiveBirths(file, dryRun);
      setReport(result);
      if (!dryRun) {
        showToast(
          t('deaths.imported', { stored: result.stored, rejected: result.rejected }),
          result.rejected ? 'warning' : 'success',
        );
        onImported();
      }
    } catch (e) {
      setError(e);
      setReport(null);
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="card" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('deaths.importTitle')}</h2>
      <p>{t('deaths.importIntro')}</p>
      <p className="button-row">
        <a className="button button-small" href={deathsApi.templateUrl('xlsx')} download>
          {t('deaths.templateXlsx')}
        </a>
        <a className="button button-small" href={deathsApi.templateUrl('csv')} download>
          {t('deaths.templateCsv')}
        </a>
      </p>
      <div className="field">
        <label htmlFor={`${ids}-file`}>{t('deaths.importFile')}</label>
        <input
          id={`${ids}-file`}
          type="file"
          accept=".csv,.xlsx,text/csv"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setReport(null);
          }}
        />
      </div>
      <div className="button-row">
        <button
          type="button"
          className="button"
          disabled={!file || busy}
          onClick={() => void run(true)}
        >
          {t('deaths.importCheck')}
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={!file || busy}
          onClick={() => void run(false)}
        >
          {t('deaths.importRun')}
        </button>
      </div>
      <ErrorMessage error={error} />
      {report && (
        <div
          className={report.rejected ? 'notice notice-warning' : 'notice notice-success'}
          role="status"
        >
          <p>
            {t(report.dryRun ? 'deaths.importPreview' : 'deaths.importDone', {
              rows: report.rowsTotal,
              stored: report.stored,
              unchanged: report.unchanged,
              rejected: report.rejected,
            })}
          </p>
          {report.issues.length > 0 && (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('deaths.importRow')}</th>
                    <th scope="col">{t('deaths.importColumn')}</th>
                    <th scope="col">{t('deaths.importProblem')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.issues.slice(0, 200).map((i, n) => (
                    <tr key={n}>
                      <td>{i.row}</td>
                      <td>{i.column ?? '—'}</td>
                      <td>{i.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
    </section>
  );
}

function PopulationBlock({
  region,
  year,
  data,
  onSaved,
}: {
  region: string;
  year: number;
  data: LiveBirthsList;
  onSaved: () => void;
}) {
  const t = useT();
  const lang = useLang();
  const ids = useId();
  const own = data.population.find((p) => p.regionCode === region && p.year === year);
  const [population, setPopulation] = useState(own?.population ? String(own.population) : '');
  const [rate, setRate] = useState(own?.crudeBirthRate ? String(own.crudeBirthRate) : '');
  const [source, setSource] = useState(own?.source ?? '');
  const [error, setError] = useState<unknown>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await deathsApi.savePopulation({
        entries: [
          {
            regionCode: region,
            year,
            population: population ? Number(population.replace(/[.\s]/g, '')) : null,
            crudeBirthRate: rate ? Number(rate.replace(',', '.')) : null,
            source,
          },
        ],
      });
      showToast(t('deaths.populationSaved'));
      onSaved();
    } catch (e) {
      setError(e);
    }
  }
  return (
    <form className="card" onSubmit={(e) => void save(e)} aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('deaths.populationTitle', { region: data.region.name, year })}</h2>
      <p className="hint">{t('deaths.populationIntro')}</p>
      <div className="field-pair">
        <div className="field">
          <label htmlFor={`${ids}-population`}>{t('deaths.population')}</label>
          <input
            id={`${ids}-population`}
            inputMode="numeric"
            value={population}
            onChange={(e) => setPopulation(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-cbr`}>{t('deaths.cbr')}</label>
          <input
            id={`${ids}-cbr`}
            inputMode="decimal"
            value={rate}
            onChange={(e) => setRate(e.target.value)}
          />
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${ids}-source`}>{t('deaths.populationSource')}</label>
        <input
          id={`${ids}-source`}
          required
          value={source}
          onChange={(e) => setSource(e.target.value)}
        />
      </div>
      {population && rate && (
        <p className="hint">
          {t('deaths.populationEstimate', {
            births: formatNumber(
              Math.round(
                (Number(population.replace(/[.\s]/g, '')) * Number(rate.replace(',', '.'))) / 1000,
              ),
              lang,
            ),
          })}
        </p>
      )}
      <ErrorMessage error={error} />
      <button type="submit" className="button">
        {t('common.save')}
      </button>
    </form>
  );
}
