import { describe, expect, it } from 'vitest';
import { slug, uniqueStems } from '../../../../main/service/price-grids/file-names.ts';

describe('slug', () => {
  it('folds accents and keeps letters, digits and dashes only', () => {
    expect(slug('Studio Mosaïque')).toBe('studio-mosaique');
    expect(slug("Imprim'Express Lyon")).toBe('imprim-express-lyon');
    expect(slug('Œuvre Éditions — Genève')).toBe('oeuvre-editions-geneve');
    expect(slug('Cœur de Lyon')).toBe('coeur-de-lyon');
    expect(slug('Straße Øst Łódź')).toBe('strasse-ost-lodz');
    expect(slug('Çà et là')).toBe('ca-et-la');
    expect(slug('  ../../etc/passwd  ')).toBe('etc-passwd');
    expect(slug('a/b\\c:d*e?f"g<h>i|j')).toBe('a-b-c-d-e-f-g-h-i-j');
  });

  it('reads « & » and « + » as a separator, never as a character of the file name', () => {
    expect(slug('Print & Go Bruxelles')).toBe('print-go-bruxelles');
    expect(slug('Dupont&Fils')).toBe('dupont-fils');
    expect(slug('A+B')).toBe('a-b');
  });

  it('renames names Windows reserves', () => {
    for (const name of ['CON', 'prn', 'Aux', 'NUL', 'com1', 'LPT9']) {
      const stem = slug(name);
      expect(stem).toBe(`${name.toLowerCase()}-revendeur`);
      expect(stem).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/i);
    }
    // Only the whole name is reserved.
    expect(slug('Console Print')).toBe('console-print');
  });

  it('never gives an empty or over-long stem, nor one ending in a dash', () => {
    expect(slug('')).toBe('revendeur');
    expect(slug('★★★')).toBe('revendeur');
    expect(slug('日本印刷')).toBe('revendeur');
    const long = slug(`${'Imprimerie '.repeat(10)}Atlas`);
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long).not.toMatch(/-$/);
    expect(slug('Copie Conforme!!!')).toBe('copie-conforme');
  });
});

describe('uniqueStems', () => {
  it('numbers names that collide, letter case and accents ignored, in order', () => {
    expect(uniqueStems(['Dupont', 'DUPONT', 'Dupónt', 'Martin', 'dupont'])).toEqual([
      'dupont',
      'dupont-2',
      'dupont-3',
      'martin',
      'dupont-4',
    ]);
  });

  it('does not reuse a stem another name already has', () => {
    // « Dupont 2 » slugs to dupont-2: the second « Dupont » must not take it too.
    const stems = uniqueStems(['Dupont 2', 'Dupont', 'Dupont']);
    expect(new Set(stems.map((s) => s.toLowerCase())).size).toBe(3);
    expect(stems[0]).toBe('dupont-2');
    expect(stems[1]).toBe('dupont');
  });

  it('keeps distinct names as they are', () => {
    expect(uniqueStems(['Copie Conforme', 'Print & Go Bruxelles'])).toEqual([
      'copie-conforme',
      'print-go-bruxelles',
    ]);
  });
});
