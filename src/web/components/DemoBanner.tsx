import { useDemo } from '../about.ts';
import { formatNumber } from '../i18n/format.ts';
import { useLang, useT } from '../i18n/language.ts';

/**
 * A slim note under the header on every page while the registry holds the synthetic demo
 * province, so that nobody mistakes its made-up children for real records. Nothing at all (and
 * no reserved space) when the data is real.
 */
export function DemoBanner() {
  const t = useT();
  const lang = useLang();
  const demo = useDemo();
  if (!demo) return null;
  return (
    <div className="demo-banner" role="note">
      <p className="container">
        {t('layout.demoData', { children: formatNumber(demo.children, lang) })}
      </p>
    </div>
  );
}
