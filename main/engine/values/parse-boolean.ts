// Yes/no columns as French and English sheets fill them: words, initials, a cross, a tick, 1/0.
import { fail, ok } from './parse-result.ts';
import type { Parsed } from './parse-result.ts';

// `x` is a ticked box in a hand-filled sheet. `-` is left out: some mean "no", others "not known".
const TRUE = new Set(['oui', 'o', 'yes', 'y', 'vrai', 'true', 'x', '1', '✓', '✔']);
const FALSE = new Set(['non', 'n', 'no', 'faux', 'false', '0']);

export function parseBoolean(text: string): Parsed<boolean> {
  // Stripping marks also drops the emoji variation selector of `✔️`.
  const word = text.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase();
  if (word === '') return fail('empty');
  if (TRUE.has(word)) return ok(true);
  if (FALSE.has(word)) return ok(false);
  return fail('not-a-boolean');
}
