// The app's one store and its surface, given to every screen through React context: screens read
// plain state, dispatch plain actions, and call the contract through `api`.
import { createContext, useContext, useMemo, useReducer, type Dispatch, type ReactNode } from 'react';
import type { Translated } from '../../main/api/index.ts';
import type { CatalogApi, Shell, Surface } from '../api/transport.ts';
import type { Lang } from '../i18n/i18n.ts';
import { initialState, reduce, type Action, type AppState } from './project.ts';

export type AppContextValue = {
  state: AppState;
  dispatch: Dispatch<Action>;
  api: CatalogApi;
  shell: Shell;
  lang: Lang;
  /** The locale numbers, prices and dates are written in. */
  locale: string;
  setLang(lang: Lang): void;
};

const AppContext = createContext<AppContextValue | undefined>(undefined);

export function AppProvider(props: {
  surface: Surface;
  lang: Lang;
  locale: string;
  setLang(lang: Lang): void;
  initial?: AppState;
  children: ReactNode;
}) {
  const [state, dispatch] = useReducer(reduce, props.initial ?? initialState());
  const value = useMemo(
    () => ({
      state,
      dispatch,
      ...props.surface,
      lang: props.lang,
      locale: props.locale,
      setLang: props.setLang,
    }),
    [state, props.surface, props.lang, props.locale, props.setLang],
  );
  return <AppContext.Provider value={value}>{props.children}</AppContext.Provider>;
}

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside <AppProvider>');
  return value;
}

/** The contract's words ({fr, en}) in the user's language. */
export function useWords(): (text: Translated) => string {
  const { lang } = useApp();
  return (text) => text[lang];
}
