// French and English, following the system language and switchable. Each screen keeps its words in
// its own namespace (steps/<step>/strings.ts) so a screen's text lives beside the screen.
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { common } from './common.ts';
import { NAMESPACES } from './namespaces.ts';

export type Lang = 'fr' | 'en';
export type Strings = { fr: Record<string, unknown>; en: Record<string, unknown> };

const STORED = 'catalog.lang';

/** The language the user chose before, else the system's (French for any French locale), else English. */
export function initialLang(): Lang {
  const stored = globalThis.localStorage?.getItem(STORED);
  if (stored === 'fr' || stored === 'en') return stored;
  const system = globalThis.navigator?.language ?? 'en';
  return system.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function rememberLang(lang: Lang): void {
  globalThis.localStorage?.setItem(STORED, lang);
}

/** The locale numbers, prices and dates are written in: the system's when it speaks the language. */
export function localeFor(lang: Lang): string {
  const system = globalThis.navigator?.language;
  if (system && system.toLowerCase().startsWith(lang)) return system;
  return lang === 'fr' ? 'fr-FR' : 'en-GB';
}

export function createI18n(lang: Lang): I18n {
  const instance = i18next.createInstance();
  const all: Record<string, Strings> = { common, ...NAMESPACES };
  void instance.use(initReactI18next).init({
    lng: lang,
    fallbackLng: 'en',
    ns: Object.keys(all),
    defaultNS: 'common',
    resources: {
      fr: Object.fromEntries(Object.entries(all).map(([ns, s]) => [ns, s.fr])),
      en: Object.fromEntries(Object.entries(all).map(([ns, s]) => [ns, s.en])),
    },
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}
