// Mounts the Checks screen with a fake surface answering from real contract responses (the sample
// workbook's open, validate and rows), the real store and the real words; and gives jsdom the sizes
// a virtualised grid needs (jsdom lays nothing out, so every element would be 0 px tall).
import { cleanup, render } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { I18nextProvider } from 'react-i18next';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import { ApiError, type ChannelOutput, type Shell } from '../../../renderer/api/transport.ts';
import { createI18n, type Lang } from '../../../renderer/i18n/i18n.ts';
import { AppProvider, useApp, type AppContextValue } from '../../../renderer/state/app-context.tsx';
import { initialState, type AppState } from '../../../renderer/state/project.ts';
import { ChecksStep } from '../../../renderer/steps/checks/checks-step.tsx';

const FIXTURES = resolve('test/renderer/fixtures');
const fixture = <T,>(name: string): T =>
  (JSON.parse(readFileSync(resolve(FIXTURES, name), 'utf8')) as { value: T }).value;

export const OPENED = fixture<ChannelOutput<'open'>>('checks-open-quincaillerie.json');
export const VALIDATED = fixture<ChannelOutput<'validate'>>('checks-validate-quincaillerie.json');
export const ROWS = fixture<ChannelOutput<'rows'>>('checks-rows-quincaillerie.json');
export const FILE = '/home/marie/quincaillerie-tarif-2026.xlsx';

export const GRID_HEIGHT = 600;

// Vitest runs without globals here: Testing Library cannot unmount between tests by itself.
afterEach(cleanup);

const saved: [object, string, PropertyDescriptor | undefined][] = [];
function define(target: object, name: string, descriptor: PropertyDescriptor) {
  saved.push([target, name, Object.getOwnPropertyDescriptor(target, name)]);
  Object.defineProperty(target, name, { configurable: true, ...descriptor });
}
beforeAll(() => {
  // The grid's scroller is 600 × 1000 px; the virtualizer reads clientHeight/clientWidth.
  const sized = (el: Element, size: number) => (el.classList.contains('checks-grid') ? size : 0);
  define(HTMLElement.prototype, 'clientHeight', {
    get(this: HTMLElement) {
      return sized(this, GRID_HEIGHT);
    },
  });
  define(HTMLElement.prototype, 'clientWidth', {
    get(this: HTMLElement) {
      return sized(this, 1000);
    },
  });
  define(Element.prototype, 'scrollTo', {
    value(this: HTMLElement, options: ScrollToOptions) {
      if (options.top !== undefined) this.scrollTop = options.top;
      if (options.left !== undefined) this.scrollLeft = options.left;
      // As a browser does: the scroll event comes after, not inside, the call.
      setTimeout(() => this.dispatchEvent(new Event('scroll')), 0);
    },
  });
  define(Element.prototype, 'scrollIntoView', { value: () => undefined });
});
afterAll(() => {
  for (const [target, name, descriptor] of saved.reverse()) {
    if (descriptor) Object.defineProperty(target, name, descriptor);
    else delete (target as Record<string, unknown>)[name];
  }
});

type Answers = Partial<Record<string, (request: never) => unknown>>;

/** A fake surface: each channel answers from the fixtures unless the test says otherwise. */
export function fakeSurface(answers: Answers = {}, shell: Partial<Shell> = {}) {
  const defaults: Answers = {
    open: () => OPENED,
    validate: () => VALIDATED,
    rows: (r: { from: number; count: number }) => ({
      total: ROWS.total,
      from: r.from,
      rows: ROWS.rows.slice(r.from, r.from + r.count),
    }),
    fileStatus: () => ({ mtimeMs: 1_000, size: 12_345 }),
    annotate: (r: { out: string }) => ({ file: `${r.out}/quincaillerie-tarif-2026.annotated.xlsx` }),
  };
  const call = vi.fn(async (channel: string, request: unknown) => {
    const answer = answers[channel] ?? defaults[channel];
    if (!answer) throw new Error(`unexpected channel ${channel}`);
    return answer(request as never);
  });
  return {
    call,
    api: { call } as never,
    shell: {
      mode: 'browser' as const,
      receiveFile: vi.fn(),
      onMenu: () => () => undefined,
      downloadUrl: (path: string) => `/api/download?path=${encodeURIComponent(path)}`,
      ...shell,
    } as Shell,
  };
}

export const refuse = (code: string) => () => {
  throw new ApiError({ code, message: { fr: code, en: code } });
};

/** Requests made on one channel, in order. */
export const requests = (call: ReturnType<typeof fakeSurface>['call'], channel: string) =>
  call.mock.calls.filter(([c]) => c === channel).map(([, request]) => request);

export function checksState(extra: Partial<AppState> = {}): AppState {
  const base = initialState();
  return {
    ...base,
    step: 'checks',
    reached: 'checks',
    project: { ...base.project, file: FILE },
    opened: OPENED,
    ...extra,
  };
}

export type Probe = { current: AppContextValue };
function ProbeStore(props: { probe: Probe }) {
  props.probe.current = useApp();
  return null;
}

export function mountChecks(
  surface: ReturnType<typeof fakeSurface>,
  options: { lang?: Lang; state?: AppState } = {},
) {
  const probe = {} as Probe;
  const lang = options.lang ?? 'fr';
  const view = render(
    <I18nextProvider i18n={createI18n(lang)}>
      <AppProvider
        surface={{ api: surface.api, shell: surface.shell }}
        lang={lang}
        locale={lang === 'fr' ? 'fr-FR' : 'en-GB'}
        setLang={() => undefined}
        initial={options.state ?? checksState()}
      >
        <ProbeStore probe={probe} />
        <ChecksStep />
      </AppProvider>
    </I18nextProvider>,
  );
  return { view, probe };
}

/** The grid cell of Excel row `number` (among the rendered rows) and column `letter`. */
export function cellAt(number: number, letter: string): HTMLElement | undefined {
  const column = OPENED.columns.findIndex((c) => c.letter === letter);
  for (const row of document.querySelectorAll<HTMLElement>('.checks-grid [role="row"]')) {
    const head = row.querySelector('[role="rowheader"]');
    if (head && head.firstChild?.textContent === String(number))
      return row.querySelector<HTMLElement>(`[aria-colindex="${column + 2}"]`) ?? undefined;
  }
  return undefined;
}
