import { useId, useState } from 'react';
import { childLevel, regionLevel, regionLevels } from '../../core/regions/region-code.ts';
import { ChoroplethMap } from '../components/map/ChoroplethMap.tsx';
import { formatNumber, formatPercent } from '../i18n/format.ts';
import { regionLevelLabel } from '../i18n/labels.ts';
import { useLang, useT } from '../i18n/language.ts';
import { dashboardApi, type AreaLevel, type AreasSort, type IndicatorMeta } from './api.ts';
import { AreasTable } from './AreasTable.tsx';
import { figureState, formatFigure } from './figures.ts';
import { MethodNote } from './MethodNote.tsx';
import { publicPolicyId } from './method.ts';
import { Pending, Section } from './Section.tsx';
import { useKeptApi } from './use-kept-api.ts';
import { prevalenceBreaks } from './who-thresholds.ts';

export interface AreasSectionProps {
  region: string;
  regionName: string;
  period: string;
  periodLabel: string;
  indicator: IndicatorMeta;
  source: string;
  /** Opens an area's dashboard (map click, Enter, or its name). */
  onOpen: (code: string) => void;
  hrefOf: (code: string) => string;
}

/** The levels an areas table can list inside a region: every deeper one, then posyandu. */
function deeperLevels(region: string): AreaLevel[] {
  const own = regionLevels.indexOf(regionLevel(region));
  return [...(regionLevels.slice(own + 1) as AreaLevel[]), 'posyandu'];
}

/**
 * Where is it worst? The choropleth of the region's children (ranked bars beside it), then the
 * sortable table at the chosen level with CSV and XLSX downloads from the server. A desa has no
 * children on the map: its posyandu are listed instead.
 */
export function AreasSection({
  region,
  regionName,
  period,
  periodLabel,
  indicator,
  source,
  onOpen,
  hrefOf,
}: AreasSectionProps) {
  const t = useT();
  const lang = useLang();
  const ids = useId();
  const below = childLevel(regionLevel(region)) as AreaLevel | null;
  const levels = deeperLevels(region);
  const [chosen, setChosen] = useState<{ region: string; level: AreaLevel } | null>(null);
  const level = chosen?.region === region ? chosen.level : (below ?? 'posyandu');
  const [sort, setSort] = useState<AreasSort>('value');

  const mapQuery = below ? { region, indicator: indicator.id, period, level: below } : null;
  const tableQuery = { region, indicator: indicator.id, period, level, sort };
  const mapAreas = useKeptApi(mapQuery && JSON.stringify(mapQuery), (_k, signal) =>
    dashboardApi.areas(mapQuery!, signal),
  );
  const sameAsMap = below === level;
  const tableAreas = useKeptApi(sameAsMap ? null : JSON.stringify(tableQuery), (_k, signal) =>
    dashboardApi.areas(tableQuery, signal),
  );
  const table = sameAsMap ? mapAreas : tableAreas;

  const levelName = (l: AreaLevel) =>
    l === 'posyandu' ? t('dashboard.levelPosyandu') : regionLevelLabel(l, lang);
  const percent = indicator.unit === 'percent';
  const breaks = prevalenceBreaks(indicator.id);

  return (
    <Section
      id="dash-areas"
      title={t('dashboard.areasTitle', {
        indicator: indicator.label[lang],
        level: levelName(below ?? 'posyandu'),
      })}
      subtitle={`${regionName} · ${periodLabel}`}
    >
      {below && (
        <Pending state={mapAreas}>
          {(data) => (
            <>
              <ChoroplethMap
                regionCode={region}
                legendTitle={indicator.label[lang]}
                direction={indicator.direction}
                onSelect={onOpen}
                breaks={percent ? breaks?.bounds : undefined}
                classNames={breaks ? breaks.names.map((n) => n[lang]) : undefined}
                formatValue={(v) =>
                  percent ? formatPercent(v, lang, v % 1 ? 1 : 0) : formatNumber(v, lang)
                }
                values={data.rows.map((row) => ({
                  code: row.code,
                  value:
                    figureState(row.figure) === 'value'
                      ? percent
                        ? row.figure.value! * 100
                        : row.figure.value
                      : null,
                  label: formatFigure(row.figure, lang, t),
                  suppressed: row.figure.suppressed,
                }))}
              />
              {breaks && <p className="hint">{t('dashboard.whoClasses')}</p>}
              <MethodNote
                indicator={indicator.id}
                definition={indicator.definition[lang]}
                period={data.period}
                source={source}
                policy={data.policy}
              />
            </>
          )}
        </Pending>
      )}

      <div className="dash-table-head">
        <h3 id={`${ids}-table`}>{t('dashboard.tableTitle', { level: levelName(level) })}</h3>
        <div className="field field-inline">
          <label htmlFor={`${ids}-level`}>{t('dashboard.tableLevel')}</label>
          <select
            id={`${ids}-level`}
            value={level}
            onChange={(e) => setChosen({ region, level: e.target.value as AreaLevel })}
          >
            {levels.map((l) => (
              <option key={l} value={l}>
                {levelName(l)}
              </option>
            ))}
          </select>
        </div>
        <div className="button-row">
          <a
            className="button button-small"
            href={dashboardApi.areasDownloadHref(tableQuery, 'csv')}
            download
          >
            {t('dashboard.downloadCsv')}
          </a>
          <a
            className="button button-small"
            href={dashboardApi.areasDownloadHref(tableQuery, 'xlsx')}
            download
          >
            {t('dashboard.downloadXlsx')}
          </a>
        </div>
      </div>
      <Pending state={table}>
        {(data) =>
          data.rows.length === 0 ? (
            <p className="hint">{t('dashboard.noAreas', { level: levelName(level) })}</p>
          ) : (
            <AreasTable
              rows={data.rows}
              direction={indicator.direction}
              hiddenMeansSmall={data.policy === publicPolicyId}
              hrefOf={level === 'posyandu' ? null : hrefOf}
              caption={t('dashboard.tableCaption', {
                indicator: indicator.label[lang],
                level: levelName(level),
                name: regionName,
                period: periodLabel,
              })}
              sort={sort}
              onSortChange={setSort}
            />
          )
        }
      </Pending>
    </Section>
  );
}
