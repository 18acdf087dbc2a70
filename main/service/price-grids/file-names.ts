// Safe, distinct file names for a batch: a reseller's name as letters, digits and dashes (accents
// folded, nothing a file system or a mail filter could trip on), numbered when two would collide.
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

export function slug(name: string): string {
  const plain = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[&+]/g, ' ')
    .toLowerCase()
    // Ligatures and stroked letters have no decomposition: « Cœur » must not become « c-ur ».
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/ø/g, 'o')
    .replace(/ł/g, 'l')
    .replace(/đ/g, 'd')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  if (!plain) return 'revendeur';
  return RESERVED.test(plain) ? `${plain}-revendeur` : plain;
}

/** One stem per name, in order: `dupont`, `dupont-2`… compared without letter case (Windows, macOS). */
export function uniqueStems(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const base = slug(name);
    let stem = base;
    for (let n = 2; taken.has(stem); n++) stem = `${base}-${n}`;
    taken.add(stem);
    return stem;
  });
}
