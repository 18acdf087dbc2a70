// The app as a user meets it in browser mode: the built renderer served by main/server on 127.0.0.1,
// driven in Debian's Chromium by playwright-core (Playwright's own browsers cannot be downloaded here).
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { startServer, type RunningServer } from '../../main/server/server.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Why the browser tests cannot run here, or undefined when they can. */
export function browserMissing(): string | undefined {
  if (!existsSync(CHROMIUM))
    return `Chromium not found at ${CHROMIUM} (apt-get install -y chromium, as .ci/run does)`;
  if (!existsSync('dist/renderer/index.html'))
    return 'the UI is not built (npm run build:ui, as npm test does)';
  return undefined;
}

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });

export type App = { server: RunningServer; browser: Browser; close(): Promise<void> };

export async function startApp(): Promise<App> {
  const server = await startServer();
  const browser = await launchChromium();
  return {
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
