// A request's validity dates as the layout's terms read them: only what the user gave, checked once
// (an end before the start is refused before any work, naming `validUntil`).
import { checkValidity } from '../api/validity-dates.ts';

export type ValidityDates = { validFrom?: string | undefined; validUntil?: string | undefined };

/** `{ validity }` to spread into the plan or export options; `{}` when the user gave no date. */
export function validityOption(request: ValidityDates): { validity?: { from?: string; until?: string } } {
  const { validFrom: from, validUntil: until } = request;
  checkValidity(from, until, 'validUntil');
  if (!from && !until) return {};
  return { validity: { ...(from ? { from } : {}), ...(until ? { until } : {}) } };
}
