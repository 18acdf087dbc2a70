// Mapping profiles on disk: what makes next month's import a one-click job. They are plain JSON
// that users copy, share and sometimes edit by hand, so loading explains exactly what is wrong.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { z } from 'zod';
import { CatalogError } from '../errors.ts';
import type { Translated } from '../model.ts';
import { formatIssuePath } from '../issue-path.ts';
import { writeFileAtomic } from '../io/write-atomic.ts';
import { Mapping } from './mapping-schema.ts';

export { formatIssuePath } from '../issue-path.ts';

const quoteList = (values: readonly unknown[]): string =>
  values.map((value) => JSON.stringify(value)).join(', ');

/** Why the value at the path is wrong, in both languages; zod's own messages are English only. */
export const explainIssue = (issue: z.core.$ZodIssue): Translated => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? { fr: 'valeur manquante', en: 'missing value' }
        : { fr: `type attendu : ${issue.expected}`, en: `expected ${issue.expected}` };
    case 'invalid_value':
      return {
        fr: `valeur attendue : ${quoteList(issue.values)}`,
        en: `expected ${quoteList(issue.values)}`,
      };
    case 'invalid_union':
      // A transform whose `op` is not one we know: list the ones we do.
      return 'options' in issue && Array.isArray(issue.options)
        ? { fr: `valeur attendue : ${quoteList(issue.options)}`, en: `expected ${quoteList(issue.options)}` }
        : { fr: 'forme non reconnue', en: 'unrecognised shape' };
    case 'unrecognized_keys':
      return { fr: `clé inconnue : ${quoteList(issue.keys)}`, en: `unknown key: ${quoteList(issue.keys)}` };
    case 'too_small':
      return issue.origin === 'array'
        ? {
            fr: `au moins ${String(issue.minimum)} élément(s) requis`,
            en: `at least ${String(issue.minimum)} item(s) required`,
          }
        : { fr: 'valeur trop courte', en: 'value too short' };
    default:
      return { fr: 'valeur invalide', en: 'invalid value' };
  }
};

/** Pure part of loading: validates already-parsed JSON. `fileName` is only used in messages. */
export const parseMappingProfile = (json: unknown, fileName: string): Mapping => {
  // `reportInput` keeps the offending value on the issue: it tells a missing key from a wrong one.
  const result = Mapping.safeParse(json, { reportInput: true });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue ? formatIssuePath(issue.path) : '';
  const why = issue ? explainIssue(issue) : { fr: 'valeur invalide', en: 'invalid value' };
  const where = path === '' ? { fr: 'à la racine', en: 'at the top level' } : { fr: path, en: path };
  throw new CatalogError(
    'MAPPING_INVALID',
    {
      fr: `Le profil de correspondance « ${fileName} » n'est pas valide : ${where.fr} (${why.fr}).`,
      en: `The mapping profile "${fileName}" is not valid: ${where.en} (${why.en}).`,
    },
    { cause: result.error },
  );
};

export const loadMappingProfile = async (path: string): Promise<Mapping> => {
  const fileName = basename(path);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CatalogError(
      'MAPPING_UNREADABLE',
      {
        fr: `Impossible de lire le profil de correspondance « ${fileName} ».`,
        en: `The mapping profile "${fileName}" cannot be read.`,
      },
      { cause: error },
    );
  }
  let json: unknown;
  try {
    // Editors on Windows like to add a byte-order mark; JSON.parse does not.
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CatalogError(
      'MAPPING_UNREADABLE',
      {
        fr: `Le profil de correspondance « ${fileName} » n'est pas un fichier JSON lisible.`,
        en: `The mapping profile "${fileName}" is not readable JSON.`,
      },
      { cause: error },
    );
  }
  return parseMappingProfile(json, fileName);
};

/** Written atomically: a crash or a full disk leaves the previous profile intact. */
export const saveMappingProfile = async (path: string, mapping: Mapping): Promise<void> => {
  try {
    await writeFileAtomic(path, `${JSON.stringify(mapping, null, 2)}\n`);
  } catch (error) {
    throw new CatalogError(
      'MAPPING_NOT_SAVED',
      {
        fr: `Impossible d'enregistrer le profil de correspondance « ${basename(path)} ».`,
        en: `The mapping profile "${basename(path)}" could not be saved.`,
      },
      { cause: error },
    );
  }
};
