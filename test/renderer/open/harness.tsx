// A fake surface answering with real contract responses (fixtures), and one screen mounted inside the
// real providers with a probe on the state (the whole <Root> is in mount-root.tsx).
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { vi } from 'vitest';
import {
  ApiError,
  type ChannelOutput,
  type ErrorPayload,
  type Shell,
} from '../../../renderer/api/transport.ts';
import { createI18n, type Lang } from '../../../renderer/i18n/i18n.ts';
import { AppProvider, useApp } from '../../../renderer/state/app-context.tsx';
import type { AppState } from '../../../renderer/state/project.ts';
import opened from '../fixtures/open-quincaillerie.json';
import openedRow6 from '../fixtures/open-quincaillerie-row6.json';
import openedNotes from '../fixtures/open-quincaillerie-notes.json';
import openedHeaderless from '../fixtures/open-headerless.json';
import templates from '../fixtures/open-templates.json';
import encrypted from '../fixtures/open-error-encrypted.json';
import damaged from '../fixtures/open-error-damaged.json';
import headerRowEmpty from '../fixtures/open-header-row-empty.json';

export type Opened = ChannelOutput<'open'>;
export const fixtures = {
  opened: opened as unknown as Opened,
  openedRow6: openedRow6 as unknown as Opened,
  openedNotes: openedNotes as unknown as Opened,
  openedHeaderless: openedHeaderless as unknown as Opened,
  templates: templates as unknown as ChannelOutput<'templates'>,
  encrypted: encrypted as ErrorPayload,
  damaged: damaged as ErrorPayload,
  headerRowEmpty: headerRowEmpty as ErrorPayload,
};

type Answer = (request: Record<string, unknown>) => unknown;

/** `open` answers with `answers.open` (default: the sample's real answer), `templates` with the real list. */
export function fakeSurface(answers: { open?: Answer } = {}, shell: Partial<Shell> = {}) {
  const call = vi.fn(async (channel: string, request: Record<string, unknown>) => {
    if (channel === 'templates') return fixtures.templates;
    if (channel === 'open') return (answers.open ?? (() => fixtures.opened))(request);
    throw new ApiError({ code: 'NOT_FAKED', message: { fr: channel, en: channel } });
  });
  const fullShell: Shell = {
    mode: 'browser',
    receiveFile: vi.fn(async (file: File) => `/uploads/${file.name}`),
    choosePath: vi.fn(async (path: string) => path),
    onMenu: () => () => undefined,
    ...shell,
  };
  return { surface: { api: { call } as never, shell: fullShell }, call, shell: fullShell };
}

export const refuse = (payload: ErrorPayload) => () => {
  throw new ApiError(payload);
};

/**
 * The `open` requests made, in order, without the language of their samples (always the app's:
 * asserted once, in open-step.test.tsx).
 */
export const openRequests = (call: ReturnType<typeof fakeSurface>['call']) =>
  call.mock.calls
    .filter(([channel]) => channel === 'open')
    .map(([, request]) => {
      const { lang: _lang, ...rest } = request as { lang?: string };
      return rest;
    });

/** One screen in the real providers; `state()` is the store as the screen left it. */
export function mountStep(
  screen: ReactElement,
  options: { lang: Lang; initial: AppState; surface: ReturnType<typeof fakeSurface> },
) {
  const seen: { state?: AppState } = {};
  function Probe() {
    seen.state = useApp().state;
    return null;
  }
  const view = render(
    <I18nextProvider i18n={createI18n(options.lang)}>
      <AppProvider
        surface={options.surface.surface}
        lang={options.lang}
        locale={options.lang === 'fr' ? 'fr-FR' : 'en-GB'}
        setLang={() => undefined}
        initial={options.initial}
      >
        {screen}
        <Probe />
      </AppProvider>
    </I18nextProvider>,
  );
  return { ...view, state: () => seen.state! };
}
