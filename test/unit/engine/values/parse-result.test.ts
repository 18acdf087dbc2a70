import { describe, expect, it } from 'vitest';
import { fail, ok } from '../../../../main/engine/values/parse-result.ts';
import type { Parsed } from '../../../../main/engine/values/parse-result.ts';

describe('parse results', () => {
  it('wraps a value', () => {
    expect(ok(12.5)).toEqual({ ok: true, value: 12.5 });
  });

  it('wraps a failure that fits any Parsed type', () => {
    const failure: Parsed<{ amount: number }> = fail('not-a-price');
    expect(failure).toEqual({ ok: false, reason: 'not-a-price' });
  });
});
