// Finds templates by id among the built-in ones and the user's folder, and reads them through the
// schema so that a broken template is refused with the field at fault named.
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CatalogError } from '../errors.ts';
import { formatIssuePath } from '../issue-path.ts';
import type { z } from 'zod';
import { Template } from './template.ts';
import { coverPathsFrom } from '../layout/collect-cover-images.ts';

export const BUILT_IN_TEMPLATES_DIR = fileURLToPath(new URL('../../../templates/', import.meta.url));

const templateErrors = {
  unreadable: (file: string, detail: string) =>
    new CatalogError('TEMPLATE_UNREADABLE', {
      fr: `Le modèle ${file} est illisible : ${detail}`,
      en: `The template ${file} cannot be read: ${detail}`,
    }),
  invalid: (file: string, path: string, detail: string) =>
    new CatalogError('TEMPLATE_INVALID', {
      fr: `Le modèle ${file} est incorrect au champ « ${path} » : ${detail}`,
      en: `The template ${file} is wrong at field "${path}": ${detail}`,
    }),
  notFound: (id: string, known: string[]) =>
    new CatalogError('TEMPLATE_NOT_FOUND', {
      fr: `Le modèle « ${id} » n'existe pas. Modèles disponibles : ${known.join(', ')}.`,
      en: `There is no template "${id}". Available templates: ${known.join(', ')}.`,
    }),
};

/** A template-like JSON file read through `schema`: unreadable or wrong, the field at fault named. */
export async function readSchemaFile<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>> {
  const file = basename(path);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw templateErrors.unreadable(file, error instanceof Error ? error.message : String(error));
  }
  return parseWith(schema, json, file);
}

function parseWith<S extends z.ZodType>(schema: S, json: unknown, file: string): z.infer<S> {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0]!;
  throw templateErrors.invalid(file, formatIssuePath(first.path) || '/', first.message);
}

export const parseTemplate = (json: unknown, file: string): Template => parseWith(Template, json, file);

/** The cover's logo and picture are named relative to the template's file: made absolute here. */
export const readTemplateFile = async (path: string): Promise<Template> => {
  const template = await readSchemaFile(path, Template);
  return template.layout ? { ...template, layout: coverPathsFrom(template.layout, dirname(path)) } : template;
};

async function jsonFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((n) => n.endsWith('.json')).map((n) => join(dir, n));
}

/** The user's folder comes first so a designer can override a built-in template by id. */
export async function listTemplates(userDir?: string): Promise<Template[]> {
  const files = [...(userDir ? await jsonFiles(userDir) : []), ...(await jsonFiles(BUILT_IN_TEMPLATES_DIR))];
  const seen = new Set<string>();
  const templates: Template[] = [];
  for (const file of files) {
    const template = await readTemplateFile(file);
    if (seen.has(template.id)) continue;
    seen.add(template.id);
    templates.push(template);
  }
  return templates;
}

/** `idOrPath` is a template id ("price-list") or the path of a template file. */
export async function loadTemplate(idOrPath: string, userDir?: string): Promise<Template> {
  if (idOrPath.endsWith('.json')) return readTemplateFile(idOrPath);
  const templates = await listTemplates(userDir);
  const found = templates.find((t) => t.id === idOrPath);
  if (!found)
    throw templateErrors.notFound(
      idOrPath,
      templates.map((t) => t.id),
    );
  return found;
}
