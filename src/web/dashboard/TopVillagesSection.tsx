import { Link } from '../components/Link.tsx';
import { useLang, useT } from '../i18n/language.ts';
import { dashboardApi, type IndicatorMeta } from './api.ts';
import { formatCount, formatFigure } from './figures.ts';
import { MethodNote } from './MethodNote.tsx';
import { publicPolicyId } from './method.ts';
import { Pending, Section } from './Section.tsx';
import { useKeptApi } from './use-kept-api.ts';

export interface TopVillagesSectionProps {
  region: string;
  regionName: string;
  period: string;
  periodLabel: string;
  /** A nutrition indicator (counted children); stunting unless the page shows another one. */
  indicator: IndicatorMeta;
  source: string;
  hrefOf: (code: string) => string;
}

const limit = 10;

/**
 * Where are the children? The desa/kelurahan with the most children with the condition — where
 * home visits and PMT reach the most children, whatever the percentage says.
 */
export function TopVillagesSection({
  region,
  regionName,
  period,
  periodLabel,
  indicator,
  source,
  hrefOf,
}: TopVillagesSectionProps) {
  const t = useT();
  const lang = useLang();
  const query = { region, indicator: indicator.id, period, limit };
  const top = useKeptApi(JSON.stringify(query), (_k, signal) =>
    dashboardApi.topVillages(query, signal),
  );

  return (
    <Section
      id="dash-top"
      title={t('dashboard.topTitle', { count: limit, indicator: indicator.label[lang] })}
      subtitle={`${regionName} · ${periodLabel}`}
      actions={
        <>
          <a
            className="button button-small"
            href={dashboardApi.topVillagesDownloadHref(query, 'csv')}
            download
          >
            {t('dashboard.downloadCsv')}
          </a>
          <a
            className="button button-small"
            href={dashboardApi.topVillagesDownloadHref(query, 'xlsx')}
            download
          >
            {t('dashboard.downloadXlsx')}
          </a>
        </>
      }
    >
      <Pending state={top}>
        {(data) =>
          data.rows.length === 0 ? (
            <p className="hint">{t('dashboard.topEmpty')}</p>
          ) : (
            <>
              <div
                className="table-wrap"
                tabIndex={0}
                role="region"
                aria-labelledby="dash-top-title"
              >
                <table className="areas-table">
                  <thead>
                    <tr>
                      <th scope="col" className="num">
                        {t('dashboard.colRank')}
                      </th>
                      <th scope="col">{t('dashboard.colVillage')}</th>
                      <th scope="col" className="num">
                        {t('dashboard.colChildren', { indicator: indicator.label[lang] })}
                      </th>
                      <th scope="col" className="num">
                        {t('dashboard.colValue')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.rows.map((row, index) => (
                      <tr key={row.code}>
                        <td className="num muted">{index + 1}</td>
                        <th scope="row" className="areas-name">
                          <Link to={hrefOf(row.code)}>{row.name}</Link>
                          <span className="cell-sub">
                            {row.kecamatan} · {row.kabupaten}
                          </span>
                        </th>
                        <td className="num strong">
                          {formatCount(row.count, lang, data.policy === publicPolicyId)}
                        </td>
                        <td className="num">{formatFigure(row.figure, lang, t)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <MethodNote
                indicator={indicator.id}
                definition={indicator.definition[lang]}
                period={data.period}
                source={source}
                policy={data.policy}
              >
                <p className="hint">{t('dashboard.topNote')}</p>
              </MethodNote>
            </>
          )
        }
      </Pending>
    </Section>
  );
}
