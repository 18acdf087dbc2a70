// The app with its surface and its language: what main.tsx mounts, and what component tests mount
// with a fake surface.
import { useCallback, useMemo, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { Surface } from './api/transport.ts';
import { App } from './app.tsx';
import { createI18n, localeFor, rememberLang, type Lang } from './i18n/i18n.ts';
import { AppProvider } from './state/app-context.tsx';
import type { AppState } from './state/project.ts';

export function Root(props: { surface: Surface; lang: Lang; initial?: AppState }) {
  const [lang, setLangState] = useState<Lang>(props.lang);
  const i18n = useMemo(() => createI18n(props.lang), [props.lang]);
  const setLang = useCallback(
    (next: Lang) => {
      rememberLang(next);
      void i18n.changeLanguage(next);
      document.documentElement.lang = next;
      setLangState(next);
    },
    [i18n],
  );
  return (
    <I18nextProvider i18n={i18n}>
      <AppProvider
        surface={props.surface}
        lang={lang}
        locale={localeFor(lang)}
        setLang={setLang}
        {...(props.initial ? { initial: props.initial } : {})}
      >
        <App />
      </AppProvider>
    </I18nextProvider>
  );
}
