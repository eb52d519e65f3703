import { childLevel } from '../../core/regions/region-code.ts';
import { api } from '../api-client.ts';
import { useApi } from '../hooks/use-api.ts';
import { regionKindLabel, regionLevelLabel } from '../i18n/labels.ts';
import { useLang, useT } from '../i18n/language.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { Link } from './Link.tsx';
import { Loading } from './Loading.tsx';

interface RegionChildrenProps {
  code: string;
  /** Where a child's name leads (e.g. the dashboard of that child). */
  hrefOf: (code: string) => string;
}

const collator = new Intl.Collator('id');

/** The regions directly below `code`, with their level and kode wilayah. */
export function RegionChildren({ code, hrefOf }: RegionChildrenProps) {
  const t = useT();
  const lang = useLang();
  const { data, error, loading } = useApi(code, (key) => api.region(key));

  if (error) return <ErrorMessage error={error} />;
  if (loading || !data) return <Loading />;

  const { region } = data;
  const children = [...data.children].sort((a, b) => collator.compare(a.name, b.name));
  const level = childLevel(region.level);
  const headingId = `children-${region.code}`;

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t('dashboard.childrenTitle', { name: region.name })}
        {level && children.length > 0 && (
          <span className="heading-note">
            {' '}
            · {children.length} {regionLevelLabel(level, lang)}
          </span>
        )}
      </h2>
      {children.length === 0 ? (
        <p>{t('dashboard.noChildren', { name: region.name })}</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={headingId}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.colName')}</th>
                <th scope="col">{t('dashboard.colLevel')}</th>
                <th scope="col">{t('dashboard.colCode')}</th>
              </tr>
            </thead>
            <tbody>
              {children.map((child) => (
                <tr key={child.code}>
                  <td>
                    <Link to={hrefOf(child.code)}>{child.name}</Link>
                  </td>
                  <td>{regionKindLabel(child, t, lang)}</td>
                  <td className="code">{child.code}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
