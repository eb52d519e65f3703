import { useCallback, useSyncExternalStore } from 'react';
import type { Lang } from '../../core/errors.ts';
import { id, type MessageKey, type Messages } from './id.ts';

export type { Lang, MessageKey };

/** Parameters filled into `{name}` placeholders. */
export type MessageParams = Record<string, string | number>;

// Indonesian ships with the app; English is its own chunk, fetched when it is first needed, so
// the phone of an Indonesian reader never downloads it (the portal's initial-JS budget).
const dictionaries: Partial<Record<Lang, Messages>> = { id };
// Words a lazily loaded part of the app brings along (the CMS), by language.
const extra: Record<Lang, Record<string, string>> = { id: {}, en: {} };

/** Adds a chunk's own words (e.g. the CMS's), so they need not ship with every page. */
export function registerMessages(lang: Lang, words: Record<string, string>): void {
  Object.assign(extra[lang], words);
}
const storageKey = 'tumbuh.lang';
const listeners = new Set<() => void>();

/** Indonesian unless the user chose English before on this device (DESIGN.md: Indonesian default). */
function storedLang(): Lang {
  try {
    const value = window.localStorage.getItem(storageKey);
    if (value === 'id' || value === 'en') return value;
  } catch {
    // Storage can be blocked (private mode, strict settings): fall back to the default.
  }
  return 'id';
}

let current: Lang = typeof window === 'undefined' ? 'id' : storedLang();
let loading: Promise<void> | null = null;

function notify(): void {
  for (const listener of listeners) listener();
}

/** Fetches the English words once; until they arrive, Indonesian is shown. */
export function loadDictionary(lang: Lang): Promise<void> {
  if (dictionaries[lang]) return Promise.resolve();
  if (loading) return loading;
  loading = import('./en.ts').then(
    (module) => {
      dictionaries.en = module.en;
      notify();
    },
    () => {
      loading = null;
    },
  );
  return loading;
}
if (current !== 'id') void loadDictionary(current);

/** The language in use now; the API client sends it as Accept-Language. */
export function getLang(): Lang {
  return current;
}

/** Switches the language, remembers it on this device and updates `<html lang>`. */
export function setLang(lang: Lang): void {
  if (lang === current) return;
  current = lang;
  try {
    window.localStorage.setItem(storageKey, lang);
  } catch {
    // Not remembered, but the switch still applies to this visit.
  }
  applyDocumentLang();
  void loadDictionary(lang);
  notify();
}

/** Writes the current language to `<html lang>` so screen readers pronounce the page correctly. */
export function applyDocumentLang(): void {
  document.documentElement.lang = current;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Looks up a message and fills its `{placeholders}`; an unknown placeholder stays visible. */
export function translate(key: MessageKey, params?: MessageParams, lang: Lang = current): string {
  const dictionary: Record<string, string> = dictionaries[lang] ?? id;
  const template = dictionary[key] ?? extra[lang][key] ?? extra.id[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** The current language; re-renders the component when it changes. */
export function useLang(): Lang {
  return useSyncExternalStore(subscribe, getLang, () => 'id');
}

/** Changes whenever a dictionary arrives, so that `useT` consumers render the new words. */
const dictionaryVersion = () => Object.keys(dictionaries).length;

/** Translation function bound to the current language: `t('nav.home')`, `t('x', { name })`. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** `const t = useT();` — the component re-renders in the new language when the user switches. */
export function useT(): Translate {
  const lang = useLang();
  const version = useSyncExternalStore(subscribe, dictionaryVersion, () => 1);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- version: a new dictionary, new words
  return useCallback((key, params) => translate(key, params, lang), [lang, version]);
}
