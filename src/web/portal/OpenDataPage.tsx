import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { useApi } from '../hooks/use-api.ts';
import { formatDate } from '../i18n/format.ts';
import { useLang, useT } from '../i18n/language.ts';
import { portalApi } from './api.ts';
import { useDocumentMeta } from './use-document-meta.ts';
import './portal.css';

/** Data terbuka: every public dataset with its downloads, and the way to the API documentation. */
export default function OpenDataPage() {
  const t = useT();
  const lang = useLang();
  const list = useApi('datasets', (_k, signal) => portalApi.datasets(signal));
  useDocumentMeta({ title: t('portal.openDataTitle'), description: t('portal.openDataTeaser') });
  return (
    <div className="portal-page">
      <PageHeading>{t('portal.openDataTitle')}</PageHeading>
      <p className="lead">{t('portal.openDataIntro')}</p>
      <p>
        <a className="button" href={list.data?.apiDocs ?? '/api/docs'}>
          {t('portal.apiDocs')}
        </a>
      </p>
      {list.error ? (
        <ErrorMessage error={list.error} />
      ) : !list.data ? (
        <Loading />
      ) : (
        <ul className="dataset-list">
          {list.data.datasets.map((dataset) => (
            <li key={dataset.id} className="dataset">
              <h2 className="dataset-title">{dataset.title[lang]}</h2>
              <p>{dataset.description[lang]}</p>
              <p className="dataset-meta">
                <span>{t('portal.datasetSource', { source: dataset.source })}</span>
                {dataset.updatedAt && (
                  <span>
                    {t('portal.datasetUpdated', { date: formatDate(dataset.updatedAt, lang) })}
                  </span>
                )}
              </p>
              <ul
                className="dataset-downloads"
                aria-label={t('portal.downloadsOf', { title: dataset.title[lang] })}
              >
                {dataset.downloads.map((d) => (
                  <li key={d.format}>
                    <a href={d.url} className="button button-small">
                      {d.format.toUpperCase()}
                      <span className="visually-hidden"> {dataset.title[lang]}</span>
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      <p className="hint">{t('portal.openDataLicence')}</p>
    </div>
  );
}
