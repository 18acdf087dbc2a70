import { rejection, thrown } from '../../../fixtures/catalog-error.ts';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CatalogError } from '../../../../main/engine/errors.ts';
import {
  formatIssuePath,
  loadMappingProfile,
  parseMappingProfile,
  saveMappingProfile,
} from '../../../../main/engine/mapping/mapping-profile.ts';
import type { Mapping } from '../../../../main/engine/mapping/mapping-schema.ts';

const mapping: Mapping = {
  version: 1,
  template: 'fiche-produit',
  sheet: 'Tarif 2026',
  fields: {
    reference: { columns: [{ header: 'Réf.', letter: 'A' }], separator: ' ', transforms: [{ op: 'trim' }] },
    name: {
      columns: [
        { header: 'Désignation', letter: 'B' },
        { header: 'Coloris', letter: 'F' },
      ],
      separator: ' – ',
      transforms: [
        { op: 'case', to: 'sentence' },
        { op: 'map', values: { Écru: 'Ivoire' } },
      ],
    },
    price: { columns: [{ header: 'Prix HT', letter: 'E' }], separator: ' ', transforms: [] },
  },
  groupBy: '@category',
  sortBy: ['reference'],
};

describe('mapping profiles on disk', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'mapping-profile-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('round-trips a profile as readable UTF-8 JSON and leaves no temporary file behind', async () => {
    const path = join(folder, 'Fournisseur été.json');
    await saveMappingProfile(path, mapping);
    expect(await loadMappingProfile(path)).toEqual(mapping);
    const text = await readFile(path, 'utf8');
    expect(text).toContain('"header": "Désignation"');
    expect(text.endsWith('}\n')).toBe(true);
    expect(await readdir(folder)).toEqual(['Fournisseur été.json']);
  });

  it('replaces an existing profile whole', async () => {
    const path = join(folder, 'profil.json');
    await writeFile(path, 'x'.repeat(10_000));
    await saveMappingProfile(path, mapping);
    expect(await loadMappingProfile(path)).toEqual(mapping);
  });

  it('reports a folder it cannot write to without leaving anything behind', async () => {
    // A file where the folder should be: nothing can be written there, not even as root.
    await writeFile(join(folder, 'not-a-folder'), 'x');
    const error = await rejection(saveMappingProfile(join(folder, 'not-a-folder', 'profil.json'), mapping));
    expect(error.code).toBe('MAPPING_NOT_SAVED');
    expect(error.text.fr).toContain('« profil.json »');
  });

  it('reads a profile saved with a byte-order mark and fills in defaults', async () => {
    const path = join(folder, 'bom.json');
    await writeFile(
      path,
      '\uFEFF{"version":1,"template":"t","fields":{"price":{"columns":[{"header":"Prix HT"}]}}}',
    );
    expect((await loadMappingProfile(path)).fields['price']).toEqual({
      columns: [{ header: 'Prix HT' }],
      separator: ' ',
      transforms: [],
    });
  });

  it('names the file when it is not JSON', async () => {
    const path = join(folder, 'tarif.json');
    await writeFile(path, '{"version": 1, "fields": ');
    const error = await rejection(loadMappingProfile(path));
    expect(error.code).toBe('MAPPING_UNREADABLE');
    expect(error.text.fr).toContain('« tarif.json »');
    expect(error.text.en).toContain('"tarif.json"');
  });

  it('names the file when it does not exist', async () => {
    const error = await rejection(loadMappingProfile(join(folder, 'absent.json')));
    expect(error.code).toBe('MAPPING_UNREADABLE');
    expect(error.text.en).toContain('absent.json');
  });

  it('names the file and the first wrong value of a profile that does not fit the schema', async () => {
    const path = join(folder, 'faux.json');
    await writeFile(
      path,
      JSON.stringify({
        version: 1,
        template: 't',
        fields: { price: { columns: [{ header: 'Prix HT' }], transforms: [{ op: 'upper' }] } },
      }),
    );
    const error = await rejection(loadMappingProfile(path));
    expect(error.code).toBe('MAPPING_INVALID');
    expect(error.text.fr).toContain('« faux.json »');
    expect(error.text.fr).toContain('fields.price.transforms[0].op');
    expect(error.text.en).toContain('fields.price.transforms[0].op');
    expect(error.text.en).toContain('"trim"');
  });
});

describe('parseMappingProfile', () => {
  const invalid = (json: unknown): CatalogError => thrown(() => parseMappingProfile(json, 'profil.json'));

  it('returns the mapping when it is valid', () => {
    expect(parseMappingProfile(JSON.parse(JSON.stringify(mapping)), 'profil.json')).toEqual(mapping);
  });

  it('tells a missing value from a wrong one, in both languages', () => {
    const missing = invalid({ version: 1, fields: {} });
    expect(missing.code).toBe('MAPPING_INVALID');
    expect(missing.text.en).toBe('The mapping profile "profil.json" is not valid: template (missing value).');
    expect(missing.text.fr).toBe(
      "Le profil de correspondance « profil.json » n'est pas valide : template (valeur manquante).",
    );
    expect(invalid({ version: 1, template: 3, fields: {} }).text.en).toContain('template (expected string)');
  });

  it('reports the version, case styles, empty column lists and unknown keys', () => {
    expect(invalid({ version: 2, template: 't', fields: {} }).text.en).toContain('version (expected 1)');
    expect(
      invalid({
        version: 1,
        template: 't',
        fields: { name: { columns: [{ header: 'Nom' }], transforms: [{ op: 'case', to: 'camel' }] } },
      }).text.en,
    ).toContain('fields.name.transforms[0].to (expected "upper", "lower", "title", "sentence")');
    expect(invalid({ version: 1, template: 't', fields: { name: { columns: [] } } }).text.fr).toContain(
      'fields.name.columns (au moins 1 élément(s) requis)',
    );
    expect(
      invalid({
        version: 1,
        template: 't',
        fields: { name: { columns: [{ header: 'Nom' }], transfroms: [] } },
      }).text.en,
    ).toContain('fields.name (unknown key: "transfroms")');
    expect(invalid([]).text.en).toContain('at the top level (expected object)');
  });
});

describe('formatIssuePath', () => {
  it('writes paths as a user reading the JSON would', () => {
    expect(formatIssuePath(['fields', 'price', 'transforms', 0, 'op'])).toBe('fields.price.transforms[0].op');
    expect(formatIssuePath(['fields', 'prix ht', 'columns', 1])).toBe('fields["prix ht"].columns[1]');
    expect(formatIssuePath([])).toBe('');
  });
});
