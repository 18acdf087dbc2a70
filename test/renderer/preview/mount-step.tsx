// Mounts one of the last three screens with a fake surface, the real store and the real words, and
// lets a test read the store (and dispatch into it) as the screens do.
import { cleanup, render } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ComponentType } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, vi } from 'vitest';
import type { Surface } from '../../../renderer/api/transport.ts';
import { createI18n, type Lang } from '../../../renderer/i18n/i18n.ts';
import { AppProvider, useApp, type AppContextValue } from '../../../renderer/state/app-context.tsx';
import { initialState, type AppState, type Project } from '../../../renderer/state/project.ts';
import type { PdfDocument } from '../../../renderer/preview/pdf-js.ts';

// Tests run from the project's root (jsdom gives import.meta.url no file: scheme).
export const FIXTURES = resolve('test/renderer/fixtures');
export const PAGE_PDF = new Uint8Array(readFileSync(resolve(FIXTURES, 'preview-page-1.pdf')));
export const fixture = <T,>(name: string): T =>
  JSON.parse(readFileSync(resolve(FIXTURES, name), 'utf8')) as T;

// Vitest runs without globals here: Testing Library cannot unmount between tests by itself.
afterEach(cleanup);

/** A project on the sample workbook, on `step`, every step reachable. */
export function stateOn(step: AppState['step'], project: Partial<Project> = {}): AppState {
  const base = initialState();
  return {
    ...base,
    step,
    reached: 'export',
    project: { ...base.project, file: '/samples/quincaillerie-tarif-2026.xlsx', ...project },
  };
}

/** The store as the screen sees it, read after each render. */
export type Probe = { current: AppContextValue };

function ProbeStore(props: { probe: Probe }) {
  props.probe.current = useApp();
  return null;
}

export function mountStep(
  Screen: ComponentType,
  surface: Surface,
  options: { lang?: Lang; state: AppState },
): Probe & ReturnType<typeof render> {
  const probe = {} as Probe;
  const lang = options.lang ?? 'fr';
  const view = render(
    <I18nextProvider i18n={createI18n(lang)}>
      <AppProvider
        surface={surface}
        lang={lang}
        locale={lang === 'fr' ? 'fr-FR' : 'en-GB'}
        setLang={() => undefined}
        initial={options.state}
      >
        <ProbeStore probe={probe} />
        <Screen />
      </AppProvider>
    </I18nextProvider>,
  );
  // A getter, not a copy: the store as it is when the test reads it.
  return Object.defineProperty(view, 'current', { get: () => probe.current }) as Probe & typeof view;
}

/**
 * What the mocked pdf.js module opens: a document that remembers the bytes it came from and marks
 * the canvas it draws into, so a test sees which answer is on screen.
 */
let opened = 0;
export function fakeOpenPdf() {
  return vi.fn(async (bytes: Uint8Array): Promise<PdfDocument> => {
    // The fixture is a real preview: pdf.js would be given these bytes.
    if (new TextDecoder().decode(bytes.slice(0, 5)) !== '%PDF-') throw new Error('not a PDF');
    const id = `doc-${++opened}`;
    return {
      pages: 1,
      ratio: 595 / 842,
      draw: vi.fn(async (_index: number, canvas: HTMLCanvasElement) => {
        canvas.dataset.doc = id;
        return true;
      }),
      snapshot: vi.fn(async () => `data:image/png;base64,${btoa(id)}`),
      destroy: vi.fn(),
    };
  });
}

/** A promise settled from outside: a job the test decides when to end. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((a, b) => {
    resolve = a;
    reject = b;
  });
  return { promise, resolve, reject };
}
