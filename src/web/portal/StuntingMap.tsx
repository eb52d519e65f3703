import { useRef } from 'react';
import { ChoroplethMap } from '../components/map/ChoroplethMap.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Loading } from '../components/Loading.tsx';
import { dashboardApi } from '../dashboard/api.ts';
import { figureState, formatFigure } from '../dashboard/figures.ts';
import { prevalenceBreaks } from '../dashboard/who-thresholds.ts';
import { useApi } from '../hooks/use-api.ts';
import { useNearViewport } from '../hooks/use-near-viewport.ts';
import { formatPercent } from '../i18n/format.ts';
import { useLang, useT } from '../i18n/language.ts';
import { navigate, paths } from '../router.ts';

const breaks = prevalenceBreaks('stunting')!;

/** Stunting prevalence by kabupaten/kota (the areas just below the home region), with a legend. */
export function StuntingMap({ region }: { region: string }) {
  const t = useT();
  const lang = useLang();
  const box = useRef<HTMLElement>(null);
  const near = useNearViewport(box);
  const areas = useApi(near ? region : null, (code, signal) =>
    dashboardApi.areas({ region: code, indicator: 'stunting' }, signal),
  );
  const open = (code: string) => navigate(`${paths.dashboard}?wilayah=${code}`);
  return (
    <section ref={box} className="portal-section portal-map" aria-labelledby="map-title">
      <h2 id="map-title">{t('portal.mapTitle')}</h2>
      {areas.error ? (
        <ErrorMessage error={areas.error} />
      ) : !areas.data ? (
        <Loading />
      ) : (
        <>
          <p className="hint">
            {t('portal.mapSubtitle', {
              region: areas.data.region.name,
              period: areas.data.period.label[lang],
            })}
          </p>
          <ChoroplethMap
            regionCode={region}
            legendTitle={t('portal.stuntingPrevalence')}
            direction="lower_is_better"
            onSelect={open}
            height={380}
            breaks={breaks.bounds}
            classNames={breaks.names.map((n) => n[lang])}
            formatValue={(v) => formatPercent(v, lang, v % 1 ? 1 : 0)}
            values={areas.data.rows.map((row) => ({
              code: row.code,
              value: figureState(row.figure) === 'value' ? row.figure.value! * 100 : null,
              label: formatFigure(row.figure, lang, t),
              suppressed: row.figure.suppressed,
            }))}
          />
          <p className="hint">{t('dashboard.whoClasses')}</p>
        </>
      )}
    </section>
  );
}
