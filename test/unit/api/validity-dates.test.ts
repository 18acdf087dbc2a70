// The price list's validity dates: typed as the user writes them, carried as ISO dates, refused in the
// user's words naming the option or field — and never made up.
import { describe, expect, it } from 'vitest';
import { BuildRequest, parseRequest, PlanRequest } from '../../../main/api/contract.ts';
import { ProjectOutput } from '../../../main/api/project.ts';
import { checkValidity, userDate } from '../../../main/api/validity-dates.ts';
import { isCatalogError } from '../../../main/api/index.ts';

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (isCatalogError(error)) return error;
    throw error;
  }
  throw new Error('not refused');
};

describe('userDate', () => {
  it.each([
    ['01/01/2027', undefined, '2027-01-01'],
    ['2027-03-31', undefined, '2027-03-31'],
    ['31/03/2027', 'fr-FR', '2027-03-31'],
    ['1er janvier 2027', 'fr-FR', '2027-01-01'],
    ['31 March 2027', 'en-GB', '2027-03-31'],
    ['03/31/2027', 'en-US', '2027-03-31'],
    ['01/02/2027', 'en-GB', '2027-02-01'],
    ['01/02/2027', 'en-US', '2027-01-02'],
  ])('reads %s (%s) as %s', (text, locale, iso) => {
    expect(userDate(text, '--valid-from', locale)).toBe(iso);
  });

  it('gives nothing for nothing typed: no date is invented', () => {
    expect(userDate(undefined, '--valid-from')).toBeUndefined();
    expect(userDate('  ', '--valid-from')).toBeUndefined();
  });

  it('refuses a text that is not a date, naming the option in French and English', () => {
    const error = refusal(() => userDate('31/02/2027', '--valid-until', 'fr-FR'));
    expect(error.code).toBe('INVALID_DATE');
    expect(error.field).toBe('--valid-until');
    expect(error.text.fr).toBe(
      "--valid-until : « 31/02/2027 » n'est pas une date — écrivez-la par exemple 01/01/2027 ou 2027-01-01",
    );
    expect(error.text.en).toBe(
      '--valid-until: "31/02/2027" is not a date — write it e.g. 01/01/2027 or 2027-01-01',
    );
  });

  it('refuses an end before the start (VALIDITY_REVERSED), and accepts one day or one side', () => {
    const error = refusal(() => checkValidity('2027-05-01', '2027-01-01', '--valid-until'));
    expect(error.code).toBe('VALIDITY_REVERSED');
    expect(error.text.fr).toContain('la fin de validité (2027-01-01) précède son début (2027-05-01)');
    expect(error.text.en).toContain('the validity ends (2027-01-01) before it starts (2027-05-01)');
    expect(() => checkValidity('2027-01-01', '2027-01-01', 'x')).not.toThrow();
    expect(() => checkValidity(undefined, '2027-01-01', 'x')).not.toThrow();
  });
});

describe('the contract carries ISO dates', () => {
  const base = { file: 'a.xlsx', out: 'x', lang: 'fr' };
  it('accepts validFrom / validUntil on build and plan requests', () => {
    const build = parseRequest(BuildRequest, { ...base, validFrom: '2027-01-01', validUntil: '2027-03-31' });
    expect([build.validFrom, build.validUntil]).toEqual(['2027-01-01', '2027-03-31']);
    const plan = parseRequest(PlanRequest, { file: 'a.xlsx', lang: 'en', validUntil: '2027-12-31' });
    expect(plan.validUntil).toBe('2027-12-31');
    expect(plan.validFrom).toBeUndefined();
  });

  it.each(['01/01/2027', '2027-02-30', '2027-1-1'])('refuses %s, naming the field', (date) => {
    const error = refusal(() => parseRequest(BuildRequest, { ...base, validFrom: date }));
    expect(error.code).toBe('INVALID_REQUEST');
    expect(error.field).toBe('validFrom');
  });

  it('keeps the press and the dates with a project’s outputs, and refuses a date it cannot read', () => {
    const output = { formats: ['pdf'], mode: 'print', textVariant: 'win' };
    const saved = ProjectOutput.parse({ ...output, press: 'FOGRA39', validFrom: '2027-01-01' });
    expect(saved).toMatchObject({ press: 'FOGRA39', validFrom: '2027-01-01' });
    expect(ProjectOutput.safeParse({ ...output, validUntil: '31/12/2027' }).success).toBe(false);
    // A project saved before these settings still opens.
    expect(ProjectOutput.safeParse(output).success).toBe(true);
  });
});
