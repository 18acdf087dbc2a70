// The print PDF's OutputIntent: the printing condition the pages were made for. A printer's RIP and
// preflight read its OutputConditionIdentifier first — « FOGRA39 » tells them the paper and press
// without opening the profile — so when the user names a standard condition the intent names it as
// the ICC's characterization registry does, with the condition's profile: the one the user gives, or
// one installed on this computer (colord's upstream data has FOGRA39L_coated.icc and its siblings;
// Debian 12's colord-data, checked, ships only RGB profiles, and Adobe's or ECI's profiles are
// installed by hand).
// No profile, no claim: a named condition without one is refused in words, never faked with ours.
import { readdir, readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';
import { CatalogError } from '../../errors.ts';
import { PRESS_IDS, pressCondition, REGISTRY, type PressCondition } from './press-conditions.ts';

export { PRESS_CONDITIONS, PRESS_IDS, pressCondition, type PressCondition } from './press-conditions.ts';

/** What the OutputIntent holds: the profile, and the condition it characterizes when one is named. */
export type OutputIntentSpec = { profile: Uint8Array; press?: PressCondition; info?: string };

/** Where colour profiles are installed: Linux (XDG), macOS (ColorSync), Windows. */
export function systemProfileFolders(): string[] {
  const home = homedir();
  return [
    '/usr/share/color/icc',
    '/usr/local/share/color/icc',
    join(home, '.local/share/color/icc'),
    join(home, '.local/share/icc'),
    '/Library/ColorSync/Profiles',
    join(home, 'Library/ColorSync/Profiles'),
    ...(process.env.SystemRoot ? [join(process.env.SystemRoot, 'System32/spool/drivers/color')] : []),
  ];
}

/** The first installed profile for `press` in `folders` (and their subfolders, one level down). */
export async function findSystemProfile(
  press: PressCondition,
  folders: readonly string[] = systemProfileFolders(),
): Promise<string | undefined> {
  const wanted = press.files.map((f) => f.toLowerCase());
  for (const folder of folders) {
    const found: string[] = [];
    const scan = async (dir: string, depth: number) => {
      const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const entry of entries) {
        if (entry.isDirectory() && depth > 0) await scan(join(dir, entry.name), depth - 1);
        else if (wanted.includes(entry.name.toLowerCase())) found.push(join(dir, entry.name));
      }
    };
    await scan(folder, 1);
    // The list's order is the preference (a characterization's own profile before look-alikes).
    found.sort((a, b) => rank(a) - rank(b));
    if (found[0]) return found[0];
  }
  return undefined;

  function rank(path: string) {
    return wanted.indexOf(basename(path).toLowerCase());
  }
}

/**
 * The output intent a print build asks for: the user's profile (`icc`, a path) named after `press`
 * when given, else the installed profile of `press`; undefined when neither is asked (the generic
 * profile, as before). Throws PRESS_UNKNOWN, PRESS_PROFILE_MISSING, ICC_UNREADABLE or ICC_NOT_CMYK.
 */
export async function resolveOutputIntent(
  request: { press?: string | undefined; icc?: string | undefined },
  folders?: readonly string[],
): Promise<OutputIntentSpec | undefined> {
  const press = request.press ? pressCondition(request.press) : undefined;
  if (request.press && !press)
    throw new CatalogError(
      'PRESS_UNKNOWN',
      {
        fr: `Condition d'impression inconnue : « ${request.press} ». Connues : ${PRESS_IDS.join(', ')}.`,
        en: `Unknown printing condition: "${request.press}". Known: ${PRESS_IDS.join(', ')}.`,
      },
      { field: 'press' },
    );
  let path = request.icc;
  if (!path && press) {
    path = await findSystemProfile(press, folders);
    if (!path)
      throw new CatalogError(
        'PRESS_PROFILE_MISSING',
        {
          fr: `Aucun profil ICC pour ${press.id} (${press.profile}) sur cet ordinateur : demandez-le à l'imprimeur et donnez-le avec --icc FICHIER.icc (ou dans les réglages d'export), ou produisez sans condition nommée.`,
          en: `No ICC profile for ${press.id} (${press.profile}) on this computer: ask your printer for it and give it with --icc FILE.icc (or in the export settings), or build without naming a condition.`,
        },
        { field: 'press' },
      );
  }
  if (!path) return undefined;
  const profile = await readFile(path).catch((cause: unknown) => {
    throw new CatalogError(
      'ICC_UNREADABLE',
      {
        fr: `Le profil ICC « ${path} » est introuvable ou illisible.`,
        en: `The ICC profile "${path}" is missing or cannot be read.`,
      },
      { cause, field: 'icc' },
    );
  });
  const space = iccColourSpace(profile);
  if (space !== 'CMYK')
    throw new CatalogError(
      'ICC_NOT_CMYK',
      {
        fr: `« ${basename(path)} » n'est pas un profil CMJN${space ? ` (c'est un profil ${SPACE_FR[space] ?? space})` : ''} : l'imprimeur fournit un profil CMJN, par exemple ISOcoated_v2_eci.icc pour FOGRA39.`,
        en: `"${basename(path)}" is not a CMYK profile${space ? ` (it is ${space})` : ''}: printers supply a CMYK profile, for instance ISOcoated_v2_eci.icc for FOGRA39.`,
      },
      { field: 'icc' },
    );
  const info = iccDescription(profile);
  return { profile, ...(press ? { press } : {}), ...(info ? { info } : {}) };
}

/** The OutputIntent dictionary's words: the condition named when one is, the profile's own name else. */
export function outputIntentEntries(spec: Omit<OutputIntentSpec, 'profile'> | undefined): {
  OutputConditionIdentifier: string;
  OutputCondition?: string;
  RegistryName?: string;
  Info: string;
} {
  if (spec?.press)
    return {
      OutputConditionIdentifier: spec.press.identifier,
      OutputCondition: spec.press.condition,
      RegistryName: REGISTRY,
      Info: spec.info ?? spec.press.profile,
    };
  if (spec)
    return { OutputConditionIdentifier: 'Custom', Info: spec.info ?? 'Printer profile supplied by the user' };
  return { OutputConditionIdentifier: 'CMYK', Info: 'Generic CMYK (libvips)' };
}

/** The profile's data colour space from its header (`CMYK`, `RGB`, `GRAY`…); undefined if not an ICC. */
export function iccColourSpace(profile: Uint8Array): string | undefined {
  if (profile.length < 132 || ascii(profile, 36, 4) !== 'acsp') return undefined;
  return ascii(profile, 16, 4).trim();
}

/** The profile's description tag (`desc`): « ISO Coated v2 (ECI) ». v2 text or v4 multi-language. */
export function iccDescription(profile: Uint8Array): string | undefined {
  if (iccColourSpace(profile) === undefined) return undefined;
  const view = new DataView(profile.buffer, profile.byteOffset, profile.byteLength);
  const count = view.getUint32(128);
  for (let i = 0; i < count && 132 + 12 * (i + 1) <= profile.length; i++) {
    const at = 132 + 12 * i;
    if (ascii(profile, at, 4) !== 'desc') continue;
    const offset = view.getUint32(at + 4);
    const size = view.getUint32(at + 8);
    if (offset + size > profile.length || size < 12) return undefined;
    const type = ascii(profile, offset, 4);
    if (type === 'desc') {
      const length = view.getUint32(offset + 8);
      const text = ascii(profile, offset + 12, Math.min(length, size - 12));
      return text.replace(/\0+$/, '').trim() || undefined;
    }
    if (type === 'mluc') {
      const records = view.getUint32(offset + 8);
      if (records < 1 || size < 28) return undefined;
      const length = view.getUint32(offset + 20);
      const start = offset + view.getUint32(offset + 24);
      if (start + length > profile.length) return undefined;
      let text = '';
      for (let j = 0; j + 1 < length; j += 2) text += String.fromCharCode(view.getUint16(start + j));
      return text.replace(/\0+$/, '').trim() || undefined;
    }
    return undefined;
  }
  return undefined;
}

const SPACE_FR: Record<string, string> = { RGB: 'RVB', GRAY: 'en niveaux de gris', Lab: 'Lab' };

const ascii = (bytes: Uint8Array, at: number, length: number) =>
  String.fromCharCode(...bytes.subarray(at, at + length));
