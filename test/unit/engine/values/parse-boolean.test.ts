import { describe, expect, it } from 'vitest';
import { parseBoolean } from '../../../../main/engine/values/parse-boolean.ts';

describe('parseBoolean', () => {
  it.each([
    'oui',
    'Oui',
    'OUI',
    ' oui ',
    'o',
    'O',
    'yes',
    'Yes',
    'y',
    'Y',
    'vrai',
    'VRAI',
    'true',
    'TRUE',
    'x',
    'X',
    '1',
    '✓',
    '✔',
    '✔\uFE0F',
    '\u00A0x\u00A0',
  ])('reads %j as true', (input) => {
    expect(parseBoolean(input)).toEqual({ ok: true, value: true });
  });

  it.each([
    'non',
    'Non',
    'NON',
    'n',
    'N',
    'no',
    'No',
    'faux',
    'Faux',
    'FAUX',
    'false',
    'False',
    '0',
    ' non\t',
  ])('reads %j as false', (input) => {
    expect(parseBoolean(input)).toEqual({ ok: true, value: false });
  });

  it('ignores accents', () => {
    expect(parseBoolean('öui')).toEqual({ ok: true, value: true });
    expect(parseBoolean('nón')).toEqual({ ok: true, value: false });
    expect(parseBoolean('FÂUX')).toEqual({ ok: true, value: false });
  });

  it.each(['', '  ', '\u00A0'])('calls %j empty', (input) => {
    expect(parseBoolean(input)).toEqual({ ok: false, reason: 'empty' });
  });

  it.each(['-', 'peut-être', 'maybe', '2', '10', '1.0', 'ouinon', 'oui/non', 'si', 'N/A', '?', 'xx'])(
    'refuses %j',
    (input) => {
      expect(parseBoolean(input)).toEqual({ ok: false, reason: 'not-a-boolean' });
    },
  );
});
