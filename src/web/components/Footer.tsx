import { useT } from '../i18n/language.ts';

/** Credits of the reference data every page relies on (DESIGN.md: every figure says its source). */
export function Footer() {
  const t = useT();
  return (
    <footer className="site-footer">
      <div className="container">
        <ul className="credits">
          <li>{t('footer.regionCodes')}</li>
          <li>{t('footer.growthStandard')}</li>
        </ul>
        <p className="footer-note">{t('footer.software')}</p>
      </div>
    </footer>
  );
}
