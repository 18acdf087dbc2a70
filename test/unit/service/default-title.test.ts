import { describe, expect, it } from 'vitest';
import { defaultTitle } from '../../../main/service/source-policy.ts';

describe('defaultTitle', () => {
  it("is the workbook's own title", () => {
    expect(defaultTitle('Quincaillerie Martin — Tarif 2026')).toBe('Quincaillerie Martin — Tarif 2026');
  });

  it('is empty, never the file name, when the workbook has none', () => {
    expect(defaultTitle(undefined)).toBe('');
  });
});
