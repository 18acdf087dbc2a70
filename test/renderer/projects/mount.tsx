// Mounts the project components with a fake surface, the real store and the real words; the test
// reads the store as the components see it.
import { cleanup, render } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, vi } from 'vitest';
import type { CatalogApi, Channel, Shell } from '../../../renderer/api/transport.ts';
import { createI18n, type Lang } from '../../../renderer/i18n/i18n.ts';
import { AppProvider, useApp, type AppContextValue } from '../../../renderer/state/app-context.tsx';
import { initialState, type AppState } from '../../../renderer/state/project.ts';
import type { ChannelOutput } from '../../../renderer/api/transport.ts';

// Vitest runs without globals here, so Testing Library cannot unmount by itself between tests.
afterEach(cleanup);

export const OPENED = JSON.parse(
  readFileSync(resolve('test/renderer/fixtures/open-quincaillerie.json'), 'utf8'),
) as ChannelOutput<'open'>;

export const WORKBOOK = '/data/quincaillerie-tarif-2026.xlsx';

/** A project on the sample workbook, opened, with unsaved changes. */
export function openedState(extra: Partial<AppState> = {}): AppState {
  const base = initialState();
  return {
    ...base,
    step: 'mapping',
    reached: 'mapping',
    project: { ...base.project, file: WORKBOOK, sheet: 'Tarif 2026', template: 'product-grid' },
    opened: { ...OPENED, file: WORKBOOK },
    dirty: true,
    ...extra,
  };
}

type Answers = { [C in Channel]?: (request: unknown) => unknown };

/** A fake surface answering each channel from `answers` (an empty object when not given). */
export function fakeSurface(answers: Answers = {}, shell: Partial<Shell> = {}) {
  const call = vi.fn(async (channel: Channel, request: unknown) => {
    const answer = answers[channel];
    return answer ? await answer(request) : {};
  });
  const fullShell: Shell = {
    mode: 'browser',
    receiveFile: vi.fn(async () => undefined),
    choosePath: vi.fn(async (path: string) => path),
    onMenu: () => () => undefined,
    ...shell,
  };
  return { api: { call } as unknown as CatalogApi & { call: typeof call }, shell: fullShell, call };
}

export type Probe = { current: AppContextValue };

function ProbeStore(props: { probe: Probe }) {
  props.probe.current = useApp();
  return null;
}

export function mount(
  children: ReactNode,
  surface: { api: CatalogApi; shell: Shell },
  options: { lang?: Lang; state?: AppState } = {},
) {
  const probe = {} as Probe;
  const lang = options.lang ?? 'en';
  const view = render(
    <I18nextProvider i18n={createI18n(lang)}>
      <AppProvider
        surface={surface}
        lang={lang}
        locale={lang === 'fr' ? 'fr-FR' : 'en-GB'}
        setLang={() => undefined}
        initial={options.state ?? initialState()}
      >
        <ProbeStore probe={probe} />
        {children}
      </AppProvider>
    </I18nextProvider>,
  );
  // A getter, not Object.assign (which would copy today's value once): the store as of now.
  return Object.defineProperty(view, 'store', { get: () => probe.current }) as typeof view & {
    readonly store: AppContextValue;
  };
}

/** The calls made on one channel, their requests in order. */
export const requestsOf = (call: ReturnType<typeof fakeSurface>['call'], channel: Channel) =>
  call.mock.calls.filter(([c]) => c === channel).map(([, request]) => request);
