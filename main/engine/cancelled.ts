// The one error a cancelled job ends with, whatever stage it was in: surfaces test one code.
import { CatalogError } from './errors.ts';
import type { Translated } from './model.ts';

export const CANCELLED = 'CANCELLED';

const DEFAULT_TEXT: Translated = { fr: "L'opération a été annulée.", en: 'The operation was cancelled.' };

/** `text` says what was stopped when the stage knows it better ("Reading tarif.xlsx was cancelled"). */
export const cancelledError = (text: Translated = DEFAULT_TEXT) => new CatalogError(CANCELLED, text);

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelledError();
}
