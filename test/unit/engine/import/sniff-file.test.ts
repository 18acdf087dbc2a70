import { describe, expect, it } from 'vitest';
import { oleIsEncryptedPackage, sniffBytes } from '../../../../main/engine/import/sniff-file.ts';
import type { FileKind } from '../../../../main/engine/import/sniff-file.ts';
import { oleFile } from '../../../fixtures/workbooks.ts';

const bytes = (...parts: (number[] | Uint8Array | string)[]): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

const CSV = 'Réf.;Désignation;Prix HT\r\nVIS-4x40;Vis bois 4x40;12,50\r\n';

describe('sniffBytes', () => {
  it.each<[string, Uint8Array, FileKind]>([
    ['an empty head', new Uint8Array(0), 'empty'],
    ['a zip (xlsx, ods, numbers)', bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], 'rest'), 'zip'],
    [
      'an empty zip (end of central directory first)',
      bytes([0x50, 0x4b, 0x05, 0x06], new Uint8Array(18)),
      'zip',
    ],
    ['an OLE compound file (.xls or encrypted .xlsx)', oleFile(false), 'ole'],
    ['UTF-8 text', bytes(CSV), 'text'],
    ['UTF-8 text with a BOM', bytes([0xef, 0xbb, 0xbf], CSV), 'text'],
    ['Windows-1252 text', bytes(Buffer.from('R\xe9f.;Prix\r\n12,50 \x80\r\n', 'latin1')), 'text'],
    ['UTF-16LE with a BOM', bytes([0xff, 0xfe], Buffer.from(CSV, 'utf16le')), 'text'],
    ['UTF-16BE with a BOM', bytes([0xfe, 0xff], Buffer.from(CSV, 'utf16le').swap16()), 'text'],
    ['UTF-16LE without a BOM', bytes(Buffer.from(CSV, 'utf16le')), 'text'],
    ['UTF-16BE without a BOM', bytes(Buffer.from(CSV, 'utf16le').swap16()), 'text'],
    ['text with a form feed and tabs', bytes('a\tb\fc\r\nd\te\n'), 'text'],
    [
      'a PNG image',
      bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], 'IHDR', [0, 0, 1, 0]),
      'binary',
    ],
    [
      'a JPEG image',
      bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF', [0x00, 0x01, 0x01, 0x00, 0x00, 0x48]),
      'binary',
    ],
    ['text with many control bytes', bytes('abc', [0x01, 0x02, 0x03, 0x04], 'def'), 'binary'],
  ])('reads %s', (_, head, expected) => {
    expect(sniffBytes(head)).toBe(expected);
  });

  it('tolerates a stray control byte in a long text (up to 1 %)', () => {
    const text = Buffer.from('x'.repeat(200) + '\x1a' + 'y'.repeat(200));
    expect(sniffBytes(text)).toBe('text');
  });

  it('does not take a zip signature cut short for a zip', () => {
    expect(sniffBytes(bytes([0x50, 0x4b]))).not.toBe('zip');
  });

  // Regression: "≥ 1/3 NUL bytes" is taken as BOM-less UTF-16 without checking that the
  // NULs sit on one side of each byte pair. A zero-filled file — what a failed download or cloud sync
  // leaves behind — is therefore 'text', and importWorkbook reads a 5 kB zero-filled `tarif.xlsx` as a
  // CSV whose only header is 5,000 NUL characters instead of refusing it as WORKBOOK_DAMAGED.
  it('reads a zero-filled file as binary, not as UTF-16 text', () => {
    expect(sniffBytes(new Uint8Array(5000))).toBe('binary');
  });
});

describe('oleIsEncryptedPackage', () => {
  it('finds the EncryptionInfo stream of a password-protected xlsx', () => {
    expect(oleIsEncryptedPackage(oleFile(true))).toBe(true);
  });

  it('tells a legacy .xls apart', () => {
    expect(oleIsEncryptedPackage(oleFile(false))).toBe(false);
  });

  it('looks only inside the view it is given, not the whole underlying buffer', () => {
    const whole = oleFile(true);
    const marker = Buffer.from('EncryptionInfo', 'utf16le');
    const at = Buffer.from(whole).indexOf(marker);
    expect(oleIsEncryptedPackage(whole.subarray(0, at))).toBe(false);
    expect(oleIsEncryptedPackage(whole.subarray(at - 4))).toBe(true);
  });

  it('does not match the name written as 8-bit text', () => {
    expect(oleIsEncryptedPackage(bytes(oleFile(false), 'EncryptionInfo'))).toBe(false);
  });
});
