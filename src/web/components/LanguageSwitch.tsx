import { setLang, useLang, useT, type Lang } from '../i18n/language.ts';

const choices: { lang: Lang; short: string; name: string }[] = [
  { lang: 'id', short: 'ID', name: 'Bahasa Indonesia' },
  { lang: 'en', short: 'EN', name: 'English' },
];

/** ID | EN toggle in the header; the choice is remembered on this device. */
export function LanguageSwitch() {
  const lang = useLang();
  const t = useT();
  return (
    <div role="group" aria-label={t('layout.languageLabel')} className="language-switch">
      {choices.map((choice) => (
        <button
          key={choice.lang}
          type="button"
          lang={choice.lang}
          // The visible "ID"/"EN" starts the accessible name, so voice control finds it too.
          aria-label={`${choice.short} (${choice.name})`}
          aria-pressed={lang === choice.lang}
          onClick={() => setLang(choice.lang)}
        >
          {choice.short}
        </button>
      ))}
    </div>
  );
}
