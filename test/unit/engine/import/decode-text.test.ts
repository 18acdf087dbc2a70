import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../../main/engine/import/decode-text.ts';

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

describe('decodeText', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeText(utf8('Réf;Prix\n€ œ é'))).toEqual({ text: 'Réf;Prix\n€ œ é', encoding: 'utf-8' });
  });

  it('reads UTF-8 with a BOM and strips it', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Désignation;Prix')]);
    expect(decodeText(bytes)).toEqual({ text: 'Désignation;Prix', encoding: 'utf-8-bom' });
  });

  it('reads Windows-1252 as French Excel saves it, € œ Œ é included', () => {
    // "Désignation;Prix\r\nŒuvre;12,50 €\r\n" byte by byte in Windows-1252.
    const bytes = new Uint8Array([
      0x44, 0xe9, 0x73, 0x69, 0x67, 0x6e, 0x61, 0x74, 0x69, 0x6f, 0x6e, 0x3b, 0x50, 0x72, 0x69, 0x78, 0x0d,
      0x0a, 0x8c, 0x75, 0x76, 0x72, 0x65, 0x3b, 0x31, 0x32, 0x2c, 0x35, 0x30, 0x20, 0x80, 0x0d, 0x0a,
    ]);
    expect(decodeText(bytes)).toEqual({
      text: 'Désignation;Prix\r\nŒuvre;12,50 €\r\n',
      encoding: 'windows-1252',
    });
  });

  it('maps every Windows-1252 byte of 0x80–0x9F to its character', () => {
    const { text } = decodeText(new Uint8Array([0x80, 0x9c, 0xe9, 0x85, 0x92, 0x96, 0x9f, 0xa0, 0xff]));
    expect(text).toBe('€œé…’–Ÿ\u00a0ÿ');
  });

  it('reads UTF-16LE with a BOM and strips it', () => {
    const bytes = new Uint8Array(Buffer.from('\ufeffRéf\tPrix\r\nA1\t12,50 €', 'utf16le'));
    expect(decodeText(bytes)).toEqual({ text: 'Réf\tPrix\r\nA1\t12,50 €', encoding: 'utf-16le' });
  });

  it('reads UTF-16BE with a BOM and strips it', () => {
    const bytes = new Uint8Array(Buffer.from('\ufeffRéf;Prix €', 'utf16le').swap16());
    expect(decodeText(bytes)).toEqual({ text: 'Réf;Prix €', encoding: 'utf-16be' });
  });

  it('recognises UTF-16 without a BOM by its NUL bytes', () => {
    const text = 'Réf;Désignation;Prix\r\nA1;Vis;12,50\r\n';
    expect(decodeText(new Uint8Array(Buffer.from(text, 'utf16le')))).toEqual({ text, encoding: 'utf-16le' });
    expect(decodeText(new Uint8Array(Buffer.from(text, 'utf16le').swap16()))).toEqual({
      text,
      encoding: 'utf-16be',
    });
  });

  it('keeps a BOM-less UTF-8 file that merely contains a BOM-like character later on', () => {
    expect(decodeText(utf8('a\ufeffb'))).toEqual({ text: 'a\ufeffb', encoding: 'utf-8' });
  });

  it('reads an empty file as empty UTF-8 text', () => {
    expect(decodeText(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
  });
});
