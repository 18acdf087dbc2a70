import { describe, expect, it } from 'vitest';
import * as mapping from '../../../../main/engine/mapping/index.ts';

describe('mapping entry point', () => {
  it('exposes the public functions and schemas', () => {
    for (const name of [
      'suggestMapping',
      'resolveMapping',
      'resolveFieldCell',
      'applyTransforms',
      'loadMappingProfile',
      'saveMappingProfile',
      'parseMappingProfile',
      'fieldSynonyms',
    ] as const) {
      expect(typeof mapping[name]).toBe('function');
    }
    expect(mapping.Mapping.safeParse({ version: 1, template: 't', fields: {} }).success).toBe(true);
  });
});
