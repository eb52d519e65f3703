import { lazy, Suspense, useId, useState } from 'react';
import { isCaseReaderRole } from '../../core/deaths/access.ts';
import { deathKinds, type DeathKind } from '../../core/deaths/case.ts';
import {
  formatPeriod,
  latestCompletePeriod,
  parsePeriod,
  periodLabel,
  previousPeriod,
  type Period,
} from '../../core/indicators/period.ts';
import { isRegionCode, isWithinRegion, regionLevel } from '../../core/regions/region-code.ts';
import { Link } from '../components/Link.tsx';
import { ChoroplethMap } from '../components/map/ChoroplethMap.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { RegionPicker } from '../components/RegionPicker.tsx';
import { ChartLoading, Pending, Section } from '../dashboard/Section.tsx';
import { useKeptApi } from '../dashboard/use-kept-api.ts';
import '../dashboard/dashboard.css';
import {
  deathsApi,
  type DeathAreas,
  type DeathBreakdown,
  type DeathSeries,
  type Rate,
} from '../deaths/api.ts';
import { DeathFigures } from '../deaths/DeathFigures.tsx';
import '../deaths/deaths.css';
import { OverdueCases } from '../deaths/OverdueCases.tsx';
import {
  causeLabel,
  formatRate,
  formatRateInterval,
  kindKeys,
  placeKeys,
} from '../deaths/words.ts';
import { formatNumber, formatShortDate } from '../i18n/format.ts';
import { useLang, useT, type MessageKey } from '../i18n/language.ts';
import { navigate, paths, useRoute } from '../router.ts';
import { useSession } from '../session.ts';
import { todayIso } from '../registry/values.ts';

const DeathTrendChart = lazy(() => import('../deaths/charts/DeathTrendChart.tsx'));
const CauseChart = lazy(() => import('../deaths/charts/CauseChart.tsx'));

/** The province the page opens on without a region in the URL (the demo province, NTT). */
const HOME_REGION = '53';

type MapIndicator = 'aki' | 'akb' | 'akn' | 'maternal' | 'infant';
const mapIndicators: readonly { id: MapIndicator; key: MessageKey }[] = [
  { id: 'aki', key: 'deaths.aki' },
  { id: 'akb', key: 'deaths.akb' },
  { id: 'akn', key: 'deaths.akn' },
  { id: 'maternal', key: 'deaths.countMaternal' },
  { id: 'infant', key: 'deaths.countInfant' },
];

const hrefOf = (region: string, period: string) =>
  `${paths.deaths}?wilayah=${region}&periode=${period}`;

/** Periods offered: the last five years and the last 24 months, all complete. */
function periodChoices(today: string): Period[] {
  const years: Period[] = [latestCompletePeriod('year', today)];
  while (years.length < 5) years.push(previousPeriod(years[years.length - 1]!));
  const months: Period[] = [latestCompletePeriod('month', today)];
  while (months.length < 24) months.push(previousPeriod(months[months.length - 1]!));
  return [...years, ...months];
}

/**
 * The AKI-AKB page (`/kematian?wilayah=53&periode=2025`): deaths of mothers and babies in a
 * region and period, the rates with their intervals, where (map), when (monthly trend), why
 * (cause groups) and where they died; for health staff the reviews that are overdue. Public:
 * counts and rates only, never a case.
 */
export default function DeathsPage() {
  const t = useT();
  const lang = useLang();
  const ids = useId();
  const { user } = useSession();
  const { query } = useRoute();
  const today = todayIso();
  const choices = periodChoices(today);
  const asked = query.get('wilayah')?.replace(/\./g, '') ?? '';
  const region = isRegionCode(asked) ? asked : (user?.regionCode ?? HOME_REGION);
  const askedPeriod = parsePeriod(query.get('periode') ?? '');
  const period = askedPeriod && askedPeriod.kind !== 'weighing_month' ? askedPeriod : choices[0]!;
  const periodCode = formatPeriod(period);
  const go = (change: { region?: string; period?: string }) =>
    navigate(hrefOf(change.region ?? region, change.period ?? periodCode));

  const summaryQuery = { region, period: periodCode };
  const summary = useKeptApi(JSON.stringify(summaryQuery), (_k, signal) =>
    deathsApi.summary(summaryQuery, signal),
  );
  const regionName = summary.data?.region.name ?? region;
  const staff =
    !!user &&
    isCaseReaderRole(user.role) &&
    user.role !== 'hospital' &&
    (isWithinRegion(region, user.regionCode) || isWithinRegion(user.regionCode, region));

  return (
    <>
      <PageHeading title={`${t('deaths.pageTitle')} · ${regionName}`}>
        <span className="heading-kicker">{t('deaths.pageKicker')}</span>
        {regionName}
      </PageHeading>
      <p className="notice dash-policy" role="note">
        {t('deaths.pagePolicy')}
      </p>

      {user && isCaseReaderRole(user.role) && (
        <nav className="button-row death-links" aria-label={t('deaths.staffLinks')}>
          <Link className="button button-primary" to={paths.deathNotify}>
            {t('deaths.notifyButton')}
          </Link>
          <Link className="button" to={paths.deathCases}>
            {t('deaths.casesTitle')}
          </Link>
          {user.role !== 'hospital' && (
            <Link className="button" to={paths.liveBirths}>
              {t('deaths.liveBirthsTitle')}
            </Link>
          )}
        </nav>
      )}

      <div className="dash-controls">
        <RegionPicker value={region} onChange={(code) => go({ region: code })} />
        <div className="dash-control field">
          <label htmlFor={`${ids}-period`}>{t('deaths.period')}</label>
          <select
            id={`${ids}-period`}
            value={periodCode}
            onChange={(e) => go({ period: e.target.value })}
          >
            {!choices.some((c) => formatPeriod(c) === periodCode) && (
              <option value={periodCode}>{periodLabel(period, lang)}</option>
            )}
            <optgroup label={t('deaths.periodYears')}>
              {choices.slice(0, 5).map((p) => (
                <option key={formatPeriod(p)} value={formatPeriod(p)}>
                  {periodLabel(p, lang)}
                </option>
              ))}
            </optgroup>
            <optgroup label={t('deaths.periodMonths')}>
              {choices.slice(5).map((p) => (
                <option key={formatPeriod(p)} value={formatPeriod(p)}>
                  {periodLabel(p, lang)}
                </option>
              ))}
            </optgroup>
          </select>
        </div>
      </div>

      <Section
        id="death-figures"
        title={t('deaths.figuresTitle')}
        subtitle={`${regionName} · ${periodLabel(period, lang)}`}
      >
        <Pending state={summary}>{(data) => <DeathFigures summary={data} />}</Pending>
      </Section>

      {regionLevel(region) !== 'desa' && (
        <AreasBlock
          region={region}
          regionName={regionName}
          period={period}
          onOpen={(code) => go({ region: code })}
        />
      )}
      <TrendBlock region={region} regionName={regionName} period={period} />
      <CausesBlock region={region} regionName={regionName} period={period} />
      {staff && <OverdueCases region={region} regionName={regionName} />}
    </>
  );
}

/** The value a map area is coloured by, and its label (short: it must fit a phone's list). */
function areaValue(
  row: DeathAreas['rows'][number],
  indicator: MapIndicator,
  lang: 'id' | 'en',
  noRate: string,
): { value: number | null; label: string } {
  if (indicator === 'maternal' || indicator === 'infant') {
    const count = row.counts[indicator];
    return { value: count, label: formatNumber(count, lang) };
  }
  const rate: Rate | null = row.rates[indicator];
  if (!rate) return { value: null, label: noRate };
  return { value: rate.value, label: `${formatRate(rate, lang)}${rate.unstable ? '*' : ''}` };
}

function AreasBlock({
  region,
  regionName,
  period,
  onOpen,
}: {
  region: string;
  regionName: string;
  period: Period;
  onOpen: (code: string) => void;
}) {
  const t = useT();
  const lang = useLang();
  const ids = useId();
  const [indicator, setIndicator] = useState<MapIndicator>('akb');
  const query = { region, period: formatPeriod(period) };
  const areas = useKeptApi(JSON.stringify(query), (_k, signal) => deathsApi.areas(query, signal));
  const label = mapIndicators.find((m) => m.id === indicator)!.key;
  return (
    <Section
      id="death-map"
      title={t('deaths.mapTitle')}
      subtitle={`${regionName} · ${periodLabel(period, lang)}`}
      actions={
        <div className="field field-inline">
          <label htmlFor={`${ids}-indicator`}>{t('deaths.mapIndicator')}</label>
          <select
            id={`${ids}-indicator`}
            value={indicator}
            onChange={(e) => setIndicator(e.target.value as MapIndicator)}
          >
            {mapIndicators.map((m) => (
              <option key={m.id} value={m.id}>
                {t(m.key)}
              </option>
            ))}
          </select>
        </div>
      }
    >
      <Pending state={areas}>
        {(data) => (
          <>
            <ChoroplethMap
              regionCode={region}
              values={data.rows.map((row) => ({
                code: row.code,
                ...areaValue(row, indicator, lang, t('deaths.noRate')),
              }))}
              legendTitle={t(label)}
              direction="lower_is_better"
              onSelect={onOpen}
            />
            <p className="hint">
              {data.complete ? t('deaths.mapHint') : t('deaths.runningPeriod')}
            </p>
            <details className="death-table-details">
              <summary>{t('deaths.areasTable')}</summary>
              <FiguresTable
                first={t('deaths.area')}
                rows={data.rows.map((r) => ({ ...r, key: r.code, label: r.name }))}
              />
            </details>
          </>
        )}
      </Pending>
    </Section>
  );
}

const trendColors = {
  infant: '#1a3f8f',
  neonatal: '#5b8fd6',
  maternal: '#b3261e',
  stillbirth: '#7a6a55',
} as const;

function TrendBlock({
  region,
  regionName,
  period,
}: {
  region: string;
  regionName: string;
  period: Period;
}) {
  const t = useT();
  const lang = useLang();
  const last = period.kind === 'month' ? period : latestMonthOf(period);
  const query = { region, kind: 'month' as const, to: formatPeriod(last) };
  const series = useKeptApi(JSON.stringify(query), (_k, signal) => deathsApi.series(query, signal));
  const years = { region, kind: 'year' as const };
  const yearly = useKeptApi(JSON.stringify(years), (_k, signal) => deathsApi.series(years, signal));
  return (
    <Section
      id="death-trend"
      title={t('deaths.trendTitle')}
      subtitle={t('deaths.trendSubtitle', { region: regionName })}
    >
      <Pending state={series}>
        {(data) => {
          const categories = data.points.map((p) =>
            formatShortDate(`${p.period.code}-01`, lang).replace(/^\d+\s/, ''),
          );
          const pick = (key: keyof typeof trendColors) => data.points.map((p) => p.counts[key]);
          const lines = [
            { name: t('deaths.countInfant'), color: trendColors.infant, values: pick('infant') },
            {
              name: t('deaths.countNeonatal'),
              color: trendColors.neonatal,
              values: pick('neonatal'),
            },
            {
              name: t('deaths.countMaternal'),
              color: trendColors.maternal,
              values: pick('maternal'),
            },
            {
              name: t('deaths.countStillbirth'),
              color: trendColors.stillbirth,
              values: pick('stillbirth'),
            },
          ];
          return (
            <>
              <Suspense fallback={<ChartLoading height={280} />}>
                <DeathTrendChart
                  categories={categories}
                  series={lines}
                  description={t('deaths.trendDescription', { region: regionName })}
                />
              </Suspense>
              <details className="death-table-details">
                <summary>{t('deaths.showTable')}</summary>
                <div className="table-wrap">
                  <table className="table-nowrap">
                    <thead>
                      <tr>
                        <th scope="col">{t('deaths.month')}</th>
                        {lines.map((l) => (
                          <th key={l.name} scope="col">
                            {l.name}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {data.points.map((p, i) => (
                        <tr key={p.period.code}>
                          <th scope="row">{p.period.label[lang]}</th>
                          {lines.map((l) => (
                            <td key={l.name}>{formatNumber(l.values[i]!, lang)}</td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </details>
            </>
          );
        }}
      </Pending>
      <h3>{t('deaths.yearlyTitle')}</h3>
      <Pending state={yearly}>
        {(data) => (
          <>
            <FiguresTable
              first={t('deaths.year')}
              rows={data.points.map((p) => ({
                ...p,
                key: p.period.code,
                label: p.period.label[lang],
              }))}
            />
            <p className="hint">{t('deaths.yearlyHint')}</p>
          </>
        )}
      </Pending>
    </Section>
  );
}

function latestMonthOf(period: Period): Period {
  const end =
    period.kind === 'year' ? 12 : period.kind === 'quarter' ? period.quarter * 3 : period.month;
  return { kind: 'month', year: period.year, month: end };
}

/** One row of a figures table: a year or an area. */
interface FiguresRow {
  key: string;
  label: string;
  counts: DeathSeries['points'][number]['counts'];
  liveBirths: DeathSeries['points'][number]['liveBirths'];
  rates: DeathSeries['points'][number]['rates'];
}

/**
 * Counts, live births (with "perkiraan") and AKI, AKB, AKN with their intervals and "tidak
 * stabil", one row per year or per area: the numbers behind the map and the trend.
 */
function FiguresTable({ rows, first }: { rows: readonly FiguresRow[]; first: string }) {
  const t = useT();
  const lang = useLang();
  const cell = (rate: Rate | null) =>
    rate ? (
      <>
        {formatRate(rate, lang)}{' '}
        <span className="death-ci">({formatRateInterval(rate, lang)})</span>
        {rate.unstable && (
          <span className="badge badge-muted death-unstable">{t('deaths.unstableShort')}</span>
        )}
      </>
    ) : (
      t('deaths.noRate')
    );
  return (
    <div className="table-wrap">
      <table className="table-nowrap death-yearly">
        <thead>
          <tr>
            <th scope="col">{first}</th>
            <th scope="col">{t('deaths.countMaternal')}</th>
            <th scope="col">{t('deaths.countInfant')}</th>
            <th scope="col">{t('deaths.liveBirths')}</th>
            <th scope="col">{t('deaths.aki')}</th>
            <th scope="col">{t('deaths.akb')}</th>
            <th scope="col">{t('deaths.akn')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td>{formatNumber(row.counts.maternal, lang)}</td>
              <td>{formatNumber(row.counts.infant, lang)}</td>
              <td>
                {row.liveBirths.value === null ? '—' : formatNumber(row.liveBirths.value, lang)}
                {row.liveBirths.estimated && (
                  <span className="badge death-estimate">{t('deaths.estimate')}</span>
                )}
              </td>
              <td>{cell(row.rates.aki)}</td>
              <td>{cell(row.rates.akb)}</td>
              <td>{cell(row.rates.akn)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CausesBlock({
  region,
  regionName,
  period,
}: {
  region: string;
  regionName: string;
  period: Period;
}) {
  const t = useT();
  const lang = useLang();
  const query = { region, period: formatPeriod(period) };
  const breakdown = useKeptApi(JSON.stringify(query), (_k, signal) =>
    deathsApi.breakdown(query, signal),
  );
  return (
    <Section
      id="death-causes"
      title={t('deaths.causesTitle')}
      subtitle={`${regionName} · ${periodLabel(period, lang)}`}
    >
      <Pending state={breakdown}>
        {(data) =>
          data.restricted ? (
            <p className="notice">{t('deaths.causesRestricted')}</p>
          ) : (
            <>
              <div className="death-cause-grid">
                {deathKinds
                  .map((kind) => data.byKind.find((k) => k.kind === kind)!)
                  .filter((k) => k.total > 0)
                  .map((k) => (
                    <CauseCard key={k.kind} kind={k.kind} total={k.total} causes={k.causes} />
                  ))}
              </div>
              {data.byKind.every((k) => k.total === 0) && <p>{t('deaths.noDeaths')}</p>}
              <PlaceTable byKind={data.byKind} />
              {data.lateNotifications.total > 0 && (
                <p className="hint">
                  {t('deaths.lateShare', {
                    late: formatNumber(data.lateNotifications.late, lang),
                    total: formatNumber(data.lateNotifications.total, lang),
                  })}
                </p>
              )}
            </>
          )
        }
      </Pending>
    </Section>
  );
}

function CauseCard({
  kind,
  total,
  causes,
}: {
  kind: DeathKind;
  total: number;
  causes: { code: string; count: number }[];
}) {
  const t = useT();
  const lang = useLang();
  const rows = causes.map((c) => ({ label: causeLabel(c.code, lang, t), count: c.count }));
  return (
    <div className="death-cause-card">
      <h3>
        {t(kindKeys[kind])} <span className="death-cause-total">({formatNumber(total, lang)})</span>
      </h3>
      <Suspense fallback={<ChartLoading height={28 * rows.length + 16} />}>
        <CauseChart
          rows={rows}
          description={t('deaths.causeDescription', { kind: t(kindKeys[kind]) })}
        />
      </Suspense>
      <ul className="visually-hidden">
        {rows.map((r) => (
          <li key={r.label}>
            {r.label}: {r.count}
          </li>
        ))}
      </ul>
    </div>
  );
}

function PlaceTable({ byKind }: { byKind: DeathBreakdown['byKind'] }) {
  const t = useT();
  const lang = useLang();
  const shown = byKind.filter((k) => k.total > 0);
  if (shown.length === 0) return null;
  const places = ['facility', 'home', 'on_the_way', 'other'] as const;
  return (
    <>
      <h3>{t('deaths.placeTitle')}</h3>
      <div className="table-wrap">
        <table className="table-nowrap">
          <thead>
            <tr>
              <th scope="col">{t('deaths.kind')}</th>
              {places.map((p) => (
                <th key={p} scope="col">
                  {t(placeKeys[p])}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((k) => (
              <tr key={k.kind}>
                <th scope="row">{t(kindKeys[k.kind])}</th>
                {places.map((p) => (
                  <td key={p}>
                    {formatNumber(k.places[p], lang)}{' '}
                    <span className="death-ci">
                      ({formatNumber((100 * k.places[p]) / k.total, lang, 0)}%)
                    </span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
