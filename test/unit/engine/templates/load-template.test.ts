import { rejection, thrown } from '../../../fixtures/catalog-error.ts';
import { mkdirSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BUILT_IN_TEMPLATES_DIR,
  listTemplates,
  loadTemplate,
  parseTemplate,
  readTemplateFile,
} from '../../../../main/engine/templates/load-template.ts';
import { tempDir } from '../../../fixtures/workbooks.ts';

const BUILT_IN_IDS = ['list-catalog', 'price-list', 'product-grid'];

const root = tempDir('catalog-templates-');
afterAll(() => rmSync(root, { recursive: true, force: true }));

let folders = 0;
/** A fresh folder holding the given files (objects are written as JSON, strings as they are). */
async function folder(files: Record<string, unknown>): Promise<string> {
  const dir = join(root, `user-${++folders}`);
  mkdirSync(dir);
  for (const [name, content] of Object.entries(files))
    await writeFile(
      join(dir, name),
      typeof content === 'string' ? content : JSON.stringify(content, null, 2),
    );
  return dir;
}

const VALID = {
  id: 'mon-tarif',
  name: { fr: 'Mon tarif', en: 'My price list' },
  fields: [
    { id: 'reference', label: { fr: 'Référence', en: 'Reference' }, type: 'text', required: true },
    { id: 'price', label: { fr: 'Prix', en: 'Price' }, type: 'price' },
  ],
};

type Json = Record<string, unknown> & { fields: Record<string, unknown>[] };

/** VALID with one change made by `edit`, so each broken template differs by exactly one mistake. */
const broken = (edit: (t: Json) => void): Json => {
  const copy = structuredClone(VALID) as Json;
  edit(copy);
  return copy;
};

describe('built-in templates', () => {
  it('are found in the templates folder of the project', () => {
    expect(BUILT_IN_TEMPLATES_DIR.replace(/\\/g, '/')).toMatch(/\/templates\/$/);
  });

  it('are the three documented ones', async () => {
    const ids = (await listTemplates()).map((t) => t.id).sort();
    expect(ids).toEqual(BUILT_IN_IDS);
  });

  it.each(BUILT_IN_IDS)(
    '%s loads, with unique field ids and grouping/sorting on its own fields',
    async (id) => {
      const template = await loadTemplate(id);
      expect(template.id).toBe(id);
      expect(template.name.fr).not.toBe('');
      expect(template.name.en).not.toBe('');
      const ids = template.fields.map((f) => f.id);
      expect(new Set(ids).size).toBe(ids.length);
      if (template.groupBy !== undefined && template.groupBy !== '@category')
        expect(ids).toContain(template.groupBy);
      for (const sort of template.sortBy) expect(ids).toContain(sort);
    },
  );

  it('apply the schema defaults to fields that leave them out', async () => {
    const template = await loadTemplate('price-list');
    for (const f of template.fields) {
      expect(typeof f.required).toBe('boolean');
      expect(typeof f.unique).toBe('boolean');
      expect(Array.isArray(f.synonyms)).toBe(true);
    }
  });
});

describe('loadTemplate', () => {
  it('reads a template file given by path', async () => {
    const dir = await folder({ 'mon-tarif.json': VALID });
    const template = await loadTemplate(join(dir, 'mon-tarif.json'));
    expect(template.id).toBe('mon-tarif');
    expect(template.fields.map((f) => [f.id, f.required, f.unique])).toEqual([
      ['reference', true, false],
      ['price', false, false],
    ]);
    expect(template.sortBy).toEqual([]);
  });

  it('refuses an unknown id with TEMPLATE_NOT_FOUND, listing the templates there are', async () => {
    const error = await rejection(loadTemplate('catalogue-noel'));
    expect(error.code).toBe('TEMPLATE_NOT_FOUND');
    expect(error.text.en).toContain('"catalogue-noel"');
    expect(error.text.fr).toContain('« catalogue-noel »');
    for (const id of BUILT_IN_IDS) {
      expect(error.text.en).toContain(id);
      expect(error.text.fr).toContain(id);
    }
  });

  it("lists the user's templates among the available ones", async () => {
    const dir = await folder({ 'mon-tarif.json': VALID });
    const error = await rejection(loadTemplate('catalogue-noel', dir));
    expect(error.text.en).toContain('mon-tarif');
  });

  describe("the user's folder", () => {
    it('adds its templates to the built-in ones', async () => {
      const dir = await folder({ 'mon-tarif.json': VALID, 'notes.txt': 'not a template' });
      expect((await listTemplates(dir)).map((t) => t.id).sort()).toEqual(
        [...BUILT_IN_IDS, 'mon-tarif'].sort(),
      );
      expect((await loadTemplate('mon-tarif', dir)).name.fr).toBe('Mon tarif');
    });

    it('overrides a built-in template with the same id, whatever its file is called', async () => {
      const dir = await folder({ 'ma-liste-de-prix.json': { ...VALID, id: 'price-list' } });
      const template = await loadTemplate('price-list', dir);
      expect(template.name.fr).toBe('Mon tarif');
      expect((await listTemplates(dir)).filter((t) => t.id === 'price-list')).toHaveLength(1);
    });

    it('is ignored when it does not exist', async () => {
      expect((await listTemplates(join(root, 'absent'))).map((t) => t.id).sort()).toEqual(BUILT_IN_IDS);
    });
  });
});

describe('a broken template', () => {
  it.each<[string, Json, string]>([
    ['a wrong type value', broken((t) => (t.fields[1]!.type = 'money')), 'fields[1].type'],
    ['no fields', broken((t) => delete (t as Partial<Json>).fields), 'fields'],
    ['an empty list of fields', broken((t) => (t.fields = [])), 'fields'],
    ['a field id with a space', broken((t) => (t.fields[0]!.id = 'ref produit')), 'fields[0].id'],
    ['a field id starting with a digit', broken((t) => (t.fields[1]!.id = '2prix')), 'fields[1].id'],
    [
      'a label missing its English',
      broken((t) => (t.fields[1]!.label = { fr: 'Prix' })),
      'fields[1].label.en',
    ],
    ['a negative maxLength', broken((t) => (t.fields[0]!.maxLength = -3)), 'fields[0].maxLength'],
    ['no name', broken((t) => delete t.name), 'name'],
    ['sortBy as a string', broken((t) => (t.sortBy = 'reference')), 'sortBy'],
  ])('with %s is refused with TEMPLATE_INVALID naming the field path', async (_, json, path) => {
    const dir = await folder({ 'casse.json': json });
    const error = await rejection(readTemplateFile(join(dir, 'casse.json')));
    expect(error.code).toBe('TEMPLATE_INVALID');
    expect(error.text.en).toContain(`casse.json is wrong at field "${path}":`);
    expect(error.text.fr).toContain(`casse.json est incorrect au champ « ${path} » :`);
  });

  it('explains an invalid field id in the words of the schema', () => {
    const error = thrown(() =>
      parseTemplate(
        broken((t) => (t.fields[0]!.id = 'réf')),
        'x.json',
      ),
    );
    expect(error.text.en).toContain('letters, digits and _ only, starting with a letter');
  });

  it('that is not an object is refused at the root', () => {
    const error = thrown(() => parseTemplate([VALID], 'liste.json'));
    expect(error.code).toBe('TEMPLATE_INVALID');
    expect(error.text.en).toContain('at field "/"');
  });

  it.each<[string, string]>([
    ['cut short', '{ "id": "mon-tarif", "fields": ['],
    ['with a trailing comma', '{ "id": "mon-tarif", }'],
    ['empty', ''],
  ])('in a file of JSON %s is refused with TEMPLATE_UNREADABLE', async (_, content) => {
    const dir = await folder({ 'illisible.json': content });
    const error = await rejection(loadTemplate(join(dir, 'illisible.json')));
    expect(error.code).toBe('TEMPLATE_UNREADABLE');
    expect(error.text.en).toContain('The template illisible.json cannot be read:');
    expect(error.text.fr).toContain('Le modèle illisible.json est illisible :');
  });

  it('that does not exist is refused with TEMPLATE_UNREADABLE', async () => {
    const error = await rejection(loadTemplate(join(root, 'absent.json')));
    expect(error.code).toBe('TEMPLATE_UNREADABLE');
  });

  it("in the user's folder is reported when templates are listed", async () => {
    const dir = await folder({ 'casse.json': broken((t) => (t.fields[1]!.type = 'money')) });
    expect((await rejection(listTemplates(dir))).code).toBe('TEMPLATE_INVALID');
  });

  // Regression: nothing checks that field ids are unique. Two fields with id "price" pass,
  // and every later stage that keys by field id (mapping, resolved fields, item.fields) silently
  // keeps only one of them. Fixed by: a `.superRefine` on Template that adds an issue at
  // ['fields', i, 'id'] for a repeated id (and, while there, for a groupBy/sortBy naming no field).
  it('with two fields of the same id is refused with TEMPLATE_INVALID at fields[1].id', () => {
    const error = thrown(() =>
      parseTemplate(
        broken((t) => (t.fields[1]!.id = 'reference')),
        'double.json',
      ),
    );
    expect(error.code).toBe('TEMPLATE_INVALID');
    expect(error.text.en).toContain('"fields[1].id"');
  });
});

describe('a template layout', () => {
  const withLayout = async (edit: (layout: Record<string, unknown>) => void) => {
    const json = JSON.parse(await readFile('templates/product-grid.json', 'utf8')) as {
      layout: Record<string, unknown>;
    };
    edit(json.layout);
    return json;
  };

  it('is refused when a slot names a field or a style the template does not have', async () => {
    const badField = await withLayout((l) => ((l.slots as { field: string }[])[0]!.field = 'prix'));
    expect(thrown(() => parseTemplate(badField, 'a.json')).text.en).toContain('"layout.slots[0].field"');
    const badStyle = await withLayout((l) => ((l.slots as { style: string }[])[0]!.style = 'titre'));
    expect(thrown(() => parseTemplate(badStyle, 'b.json')).text.fr).toContain('« layout.slots[0].style »');
  });

  it('is refused when a table layout has no columns, while a grid takes the house settings', async () => {
    const table = await withLayout((l) => (l.kind = 'table'));
    expect(thrown(() => parseTemplate(table, 'c.json')).text.en).toContain('"layout.table"');
    const grid = await withLayout((l) => delete l.grid);
    expect(parseTemplate(grid, 'd.json').layout?.grid).toBeUndefined();
  });
});
