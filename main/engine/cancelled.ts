// The one error a cancelled job ends with, whatever stage it was in.
import { CatalogError } from './errors.ts';

export const cancelledError = () =>
  new CatalogError('CANCELLED', { fr: "L'opération a été annulée.", en: 'The operation was cancelled.' });

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelledError();
}
