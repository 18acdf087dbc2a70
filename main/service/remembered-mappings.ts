// Mappings remembered by the sheet they were made on: next month's file, with the same headers in
// the same order, gets last month's mapping back without a profile being saved. Keyed by a hash of
// the template and the headers folded (case, accents, spacing), so `Prix HT` and `prix  HT` agree,
// and bounded: past MAX_REMEMBERED the oldest remembered is dropped.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { FieldMapping } from '../engine/mapping/mapping-schema.ts';
import { foldForMatch } from '../engine/values/normalize-text.ts';
import { configDir } from './config-dir.ts';
import { oneAtATime, readJsonOrUndefined, writeJson } from './project-json.ts';

export const MAX_REMEMBERED = 200;

const Fields = z.record(z.string(), FieldMapping);
type Fields = z.infer<typeof Fields>;
const Entry = z.object({ key: z.string(), template: z.string(), savedAt: z.string(), fields: Fields });
type Entry = z.infer<typeof Entry>;
const Stored = z.object({ version: z.literal(1), entries: z.array(Entry) });

const mappingsFile = () => join(configDir(), 'mappings.json');

/** The key of a sheet's header signature (the ordered headers, folded) with a template. Pure. */
export function signatureKey(headers: readonly string[], template: string): string {
  const signature = JSON.stringify([template, headers.map(foldForMatch)]);
  return createHash('sha256').update(signature).digest('hex');
}

async function readEntries(file: string): Promise<Entry[]> {
  const parsed = Stored.safeParse(await readJsonOrUndefined(file));
  return parsed.success ? parsed.data.entries : [];
}

/** The entries with this one first, once, and at most MAX_REMEMBERED long. Pure. */
export function withRemembered(entries: readonly Entry[], entry: Entry): Entry[] {
  return [entry, ...entries.filter((e) => e.key !== entry.key)].slice(0, MAX_REMEMBERED);
}

export function rememberMapping(
  headers: readonly string[],
  template: string,
  fields: z.input<typeof Fields>,
  now = new Date(),
): Promise<void> {
  const file = mappingsFile();
  const entry: Entry = {
    key: signatureKey(headers, template),
    template,
    savedAt: now.toISOString(),
    fields: Fields.parse(fields),
  };
  return oneAtATime(file, async () => {
    await writeJson(file, { version: 1, entries: withRemembered(await readEntries(file), entry) });
  });
}

/** The mapping last remembered for these headers and template; never throws (opening must not fail for it). */
export async function rememberedMapping(
  headers: readonly string[],
  template: string,
): Promise<Fields | undefined> {
  try {
    const key = signatureKey(headers, template);
    return (await readEntries(mappingsFile())).find((e) => e.key === key)?.fields;
  } catch {
    return undefined;
  }
}
