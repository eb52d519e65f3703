import { PageHeading } from '../components/PageHeading.tsx';
import { useT } from '../i18n/language.ts';

/** Posyandu capture arrives with the registry issue (children, mothers, measurements, offline sync). */
export default function InputPage() {
  const t = useT();
  return (
    <>
      <PageHeading>{t('input.title')}</PageHeading>
      <section className="placeholder" aria-labelledby="input-placeholder">
        <h2 id="input-placeholder">{t('input.placeholderTitle')}</h2>
        <p>{t('input.placeholder')}</p>
      </section>
    </>
  );
}
