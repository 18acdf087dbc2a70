// The window's options: the page is isolated, sandboxed, without Node, and loads only what the
// preload exposes. Each flag is asserted on its own so a weakened one is named by the failure.
import { describe, expect, it } from 'vitest';
import { WINDOW_TITLE, windowOptions } from '../../../main/app/window-options.ts';

describe('windowOptions', () => {
  const options = windowOptions('/app/dist/app/preload.cjs');
  const prefs = options.webPreferences!;

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
    ['experimentalFeatures', false],
    ['navigateOnDragDrop', false],
  ] as const)('sets %s to %s', (key, value) => {
    expect(prefs[key]).toBe(value);
  });

  it('loads the given preload and names the window', () => {
    expect(prefs.preload).toBe('/app/dist/app/preload.cjs');
    expect(options.title).toBe(WINDOW_TITLE);
  });

  it('has a usable size and shows only once ready', () => {
    expect(options.width).toBeGreaterThanOrEqual(options.minWidth!);
    expect(options.height).toBeGreaterThanOrEqual(options.minHeight!);
    expect(options.show).toBe(false);
  });
});
