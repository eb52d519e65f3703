import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { useLang, useT } from '../i18n/language.ts';
import { useHref } from '../router.ts';
import {
  applyPreferences,
  defaultPreferences,
  loadPreferences,
  savePreferences,
  textScaleOf,
  textScales,
  zoomIn,
  zoomOut,
  type A11yPreferences,
} from './preferences.ts';
import { readableBlocks, speak, stopSpeaking, type SpeechProblem } from './speech.ts';
import './accessibility.css';

/**
 * The accessibility toolbar of every page: read the main content aloud, text larger/smaller,
 * grayscale, negative (high contrast), a readable font, reset. Choices stay on the device. It is
 * rendered outside #root, so the filters it applies to the page do not apply to itself.
 */
export function AccessibilityToolbar() {
  const t = useT();
  const lang = useLang();
  const href = useHref();
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const [prefs, setPrefs] = useState<A11yPreferences>(loadPreferences);
  // Reading belongs to the page it started on: the text being read is gone after navigating.
  const [speakingOn, setSpeakingOn] = useState<string | null>(null);
  const speaking = speakingOn === href;
  const setSpeaking = (on: boolean) => setSpeakingOn(on ? href : null);
  const [problem, setProblem] = useState<SpeechProblem | null>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    applyPreferences(prefs, document.documentElement);
    savePreferences(prefs);
  }, [prefs]);

  useEffect(() => stopSpeaking, [href]);

  function change(next: (p: A11yPreferences) => A11yPreferences) {
    setPrefs((p) => next(p));
  }

  async function toggleSpeech() {
    if (speaking) {
      stopSpeaking();
      setSpeaking(false);
      return;
    }
    const main = document.getElementById('main');
    const blocks = main ? readableBlocks(main) : [];
    setProblem(null);
    const result = await speak(blocks, lang, () => setSpeaking(false));
    if (result) setProblem(result);
    else setSpeaking(true);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      setOpen(false);
      toggleRef.current?.focus();
    }
  }

  const percent = Math.round(textScaleOf(prefs) * 100);
  const toggles: { key: 'grayscale' | 'negative' | 'readableFont'; label: string }[] = [
    { key: 'grayscale', label: t('a11y.grayscale') },
    { key: 'negative', label: t('a11y.negative') },
    { key: 'readableFont', label: t('a11y.readableFont') },
  ];

  return createPortal(
    <div className="a11y" data-open={open} onKeyDown={onKeyDown}>
      <button
        ref={toggleRef}
        type="button"
        className="a11y-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" width="24" height="24">
          <circle cx="12" cy="4" r="2" fill="currentColor" />
          <path
            d="M4 8l8 1.5L20 8M12 9.5V15m0 0l-3 6m3-6l3 6"
            stroke="currentColor"
            strokeWidth="2"
            fill="none"
            strokeLinecap="round"
          />
        </svg>
        <span>{t('a11y.open')}</span>
      </button>
      <div
        id={panelId}
        className="a11y-panel"
        role="region"
        aria-label={t('a11y.title')}
        hidden={!open}
      >
        <h2 className="a11y-title">{t('a11y.title')}</h2>
        <button
          type="button"
          className="a11y-button a11y-speech"
          aria-pressed={speaking}
          onClick={() => void toggleSpeech()}
        >
          {speaking ? t('a11y.stopReading') : t('a11y.read')}
        </button>
        {problem && (
          <p className="a11y-problem" role="alert">
            {problem === 'unsupported' ? t('a11y.speechUnsupported') : t('a11y.noVoice')}
          </p>
        )}
        <div className="a11y-zoom" role="group" aria-label={t('a11y.textSize', { percent })}>
          <button
            type="button"
            className="a11y-button"
            onClick={() => change(zoomOut)}
            disabled={prefs.textStep === 0}
          >
            <span aria-hidden="true">A−</span>
            <span className="visually-hidden">{t('a11y.zoomOut')}</span>
          </button>
          <output className="a11y-percent" aria-live="polite">
            {percent}%
          </output>
          <button
            type="button"
            className="a11y-button"
            onClick={() => change(zoomIn)}
            disabled={prefs.textStep === textScales.length - 1}
          >
            <span aria-hidden="true">A+</span>
            <span className="visually-hidden">{t('a11y.zoomIn')}</span>
          </button>
        </div>
        {toggles.map((toggle) => (
          <button
            key={toggle.key}
            type="button"
            className="a11y-button"
            data-control={toggle.key}
            aria-pressed={prefs[toggle.key]}
            onClick={() => change((p) => ({ ...p, [toggle.key]: !p[toggle.key] }))}
          >
            {toggle.label}
          </button>
        ))}
        <button
          type="button"
          className="a11y-button a11y-reset"
          onClick={() => {
            stopSpeaking();
            setSpeaking(false);
            setProblem(null);
            setPrefs({ ...defaultPreferences });
          }}
        >
          {t('a11y.reset')}
        </button>
      </div>
    </div>,
    document.body,
  );
}
