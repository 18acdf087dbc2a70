// Column names of the Data Merge source. InDesign shows each one as the placeholder («Désignation»)
// a designer drags onto the page, so they are the readable labels, not the field ids — cleaned of
// what would change their meaning to InDesign.

/**
 * A column to name: the names it would like, best first (earlier columns claim their name first),
 * and the field id for when no label survives cleaning.
 */
export type NameRequest = { wanted: string[]; fallback: string; image: boolean };

/**
 * A label as a placeholder name. Removed: line breaks, tabs, commas and semicolons (they would
 * split the header row: Adobe lists comma, tab and semicolon as delimiters), quotation marks,
 * colons (reported to confuse Data Merge in field names), « < > » (InDesign draws placeholders as
 * <<Name>>), and a leading `@` or `#`: `@` marks an image field, `#` a QR code field (Data Merge,
 * InDesign CC 2014 and later).
 */
export function placeholderName(label: string): string {
  return (
    label
      // Line breaks and tabs are whitespace to \s, collapsed with the rest.
      .replace(/[\u0085,;:"<>«»]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^[@#\s]+/, '')
  );
}

// InDesign numbers repeated header names on its own; names that differ only by case would still
// look alike in the panel, so they count as repeats too.
const key = (name: string) => name.toLocaleLowerCase('fr');

/**
 * One distinct name per request, in the requests' order. Image columns get the `@` that tells
 * InDesign their values are picture paths; uniqueness ignores it, since the panel shows the name
 * without it.
 */
export function assignNames(requests: NameRequest[]): string[] {
  const taken = new Set<string>();
  return requests.map((request) => {
    // « Photo 2 » tells a designer more than a field id would: the id only stands in for a label
    // that had nothing left once cleaned.
    const wanted = request.wanted.map(placeholderName).filter(Boolean);
    const candidates = wanted.length ? wanted : [placeholderName(request.fallback) || 'Field'];
    const base = candidates[0]!;
    let name = candidates.find((c) => !taken.has(key(c)));
    for (let n = 2; name === undefined; n++) {
      if (!taken.has(key(`${base} ${n}`))) name = `${base} ${n}`;
    }
    taken.add(key(name));
    return request.image ? `@${name}` : name;
  });
}
