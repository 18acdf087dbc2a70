// The fonts that ship with the app (templates/fonts, SIL OFL). The engine is told where they are
// rather than finding them itself, so a packaged app or a worker can point elsewhere.
import { fileURLToPath } from 'node:url';
import type { FontProvider } from '../engine/layout/fonts.ts';

export const BUNDLED_FONTS: FontProvider = {
  dir: fileURLToPath(new URL('../../templates/fonts/', import.meta.url)),
};
