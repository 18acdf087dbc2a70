import { describe, expect, it } from 'vitest';
import { detectDelimiter } from '../../../../main/engine/import/detect-delimiter.ts';

describe('detectDelimiter', () => {
  it('picks the semicolon of French Excel despite decimal commas', () => {
    expect(detectDelimiter('Réf;Désignation;Prix\nA1;Vis;12,50\nA2;Clou;1,20')).toBe(';');
  });

  it('picks the comma and ignores a semicolon inside quotes', () => {
    expect(detectDelimiter('a,b,c\n1,"x;y",3')).toBe(',');
  });

  it('picks the tab of a tab-separated text file', () => {
    expect(detectDelimiter('Réf\tDésignation\tPrix\r\nA1\tVis, inox\t12,50\r\nA2\tClou\t1,20\r\n')).toBe(
      '\t',
    );
  });

  it('prefers the separator over decimal commas when both are equally regular', () => {
    expect(detectDelimiter('12,50;1,5\n3,20;2,0\n')).toBe(';');
    expect(detectDelimiter('12,50\t1,5\n3,20\t2,0\n')).toBe('\t');
  });

  it('still picks the comma of an English CSV of integers', () => {
    expect(detectDelimiter('1,2,3\n4,5,6\n')).toBe(',');
  });

  it('looks past a title row and blank lines above the header', () => {
    const text =
      'Tarif 2026, remise incluse\r\n\r\n\r\nRéf;Désignation;Prix\r\nA1;Vis;12,50\r\nA2;Clou;1,20\r\n';
    expect(detectDelimiter(text)).toBe(';');
  });

  it('counts nothing inside quoted fields, even across line breaks and escaped quotes', () => {
    const text = 'Réf,Désignation,Prix\n"A1","Vis; 6"" pans;\ninox; lot de 10",12.5\nA2,"Clou; acier",1.2\n';
    expect(detectDelimiter(text)).toBe(',');
  });

  it('samples the start of the file only', () => {
    const text = `${'a;b;c\n'.repeat(60)}${'1,2,3,4\n'.repeat(500)}`;
    expect(detectDelimiter(text)).toBe(';');
  });

  it('falls back to the semicolon for a single-column file', () => {
    expect(detectDelimiter('Réf\nA1\nA2\n')).toBe(';');
    expect(detectDelimiter('')).toBe(';');
  });
});
