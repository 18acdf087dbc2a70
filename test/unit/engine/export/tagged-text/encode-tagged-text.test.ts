import { describe, expect, it } from 'vitest';
import { encodeTaggedText } from '../../../../../main/engine/export/tagged-text/encode-tagged-text.ts';
import { decodeTaggedText } from '../../../../support/tagged-text-grammar.ts';

const TEXT = '<UNICODE-WIN>\r\n<ParaStyle:Prix>1\u202f234,50\u00a0€ 🔩\r\n';

describe('encodeTaggedText', () => {
  it('writes Windows files as UTF-16LE with a BOM and CR LF line ends', () => {
    const bytes = encodeTaggedText(TEXT, 'win');
    expect([...bytes.subarray(0, 6)]).toEqual([0xff, 0xfe, 0x3c, 0x00, 0x55, 0x00]);
    expect([...bytes.subarray(-4)]).toEqual([0x0d, 0x00, 0x0a, 0x00]);
    expect(decodeTaggedText(bytes)).toEqual({ text: TEXT, byteOrder: 'LE' });
  });

  it('writes Windows files by default', () => {
    expect(encodeTaggedText(TEXT)).toEqual(encodeTaggedText(TEXT, 'win'));
  });

  it('writes Mac files as UTF-16BE with a BOM and CR line ends', () => {
    const bytes = encodeTaggedText(TEXT.replace('WIN', 'MAC'), 'mac');
    expect([...bytes.subarray(0, 4)]).toEqual([0xfe, 0xff, 0x00, 0x3c]);
    expect([...bytes.subarray(-2)]).toEqual([0x00, 0x0d]);
    const { text, byteOrder } = decodeTaggedText(bytes);
    expect(byteOrder).toBe('BE');
    expect(text).toBe('<UNICODE-MAC>\r<ParaStyle:Prix>1\u202f234,50\u00a0€ 🔩\r');
  });

  it('carries characters outside the BMP as surrogate pairs', () => {
    const bytes = encodeTaggedText('🔩', 'win');
    expect([...bytes]).toEqual([0xff, 0xfe, 0x3d, 0xd8, 0x29, 0xdd]);
  });
});
