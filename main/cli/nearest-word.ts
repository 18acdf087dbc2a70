// "Did you mean…?" for a word the user mistyped: an option, a command, a format.
//
// Written here rather than taken from npm (fastest-levenshtein, leven…): those count plain Levenshtein
// edits, where swapping two letters costs 2, yet swapped letters are the typo people make most
// (`--fromat`, `pfd`, `buidl`). The optimal-string-alignment distance below counts a swap as 1, and the
// lists compared are a few dozen short words, so a 20-line pure function beats a dependency.
// It imports nothing, so the service can take it over unchanged if the check moves there.

/** Edits (insert, delete, replace, swap two neighbours) that turn `a` into `b`. */
export function editDistance(a: string, b: string): number {
  // d[i][j] = distance between the first i letters of a and the first j letters of b.
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  return d[a.length]![b.length]!;
}

/**
 * The candidate closest to `word`, or undefined when none is close enough to be a typo of it.
 * Close enough: one edit for words of up to 4 letters, then one more per 4 letters — so `pfd` finds `pdf`
 * and `--templte` finds `--template`, while `--colour` suggests nothing rather than a random option.
 * Case is ignored (`PDF` is a typo of `pdf`); on a tie the earlier candidate wins, so order them by use.
 */
export function nearestWord(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  const limit = Math.max(1, Math.floor(w.replace(/^-+/, '').length / 4));
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(w, candidate.toLowerCase());
    if (distance <= limit && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}
