// `catalog` command line: parses arguments, runs a command, turns every failure into a message in
// the user's language and an exit code (0 fine, 1 problems found, 2 could not run).
import { parseArgs } from 'node:util';
import { isCatalogError } from '../engine/errors.ts';
import type { Lang } from '../engine/model.ts';
import { listTemplates } from '../engine/templates/load-template.ts';
import { cliText } from './cli-text.ts';
import { inspectCommand } from './inspect-command.ts';
import { parseLang } from './lang.ts';
import { colour } from './terminal.ts';
import { usage } from './usage.ts';
import { validateCommand } from './validate-command.ts';
import { buildCommand } from './build-command.ts';
import { userTemplatesDir } from './open-source.ts';

export type Io = { out: (line: string) => void; err: (line: string) => void };

const OPTIONS = {
  sheet: { type: 'string' },
  template: { type: 'string' },
  mapping: { type: 'string' },
  'save-mapping': { type: 'string' },
  images: { type: 'string' },
  annotate: { type: 'string' },
  'include-hidden': { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  lang: { type: 'string' },
  out: { type: 'string' },
  format: { type: 'string' },
  mode: { type: 'string' },
  bleed: { type: 'string' },
  marks: { type: 'boolean' },
  'no-marks': { type: 'boolean' },
  icc: { type: 'string' },
  locale: { type: 'string' },
  title: { type: 'string' },
  password: { type: 'string' },
  'text-variant': { type: 'string' },
  currency: { type: 'string' },
  vat: { type: 'string' },
  prices: { type: 'string' },
  force: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** Node's own argument errors are in English only; the two a user meets are said in theirs. */
function argumentError(error: unknown, lang: Lang): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  const option = /'(--?[\w-]+)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
    return lang === 'fr' ? `option inconnue « ${option} »` : `unknown option "${option}"`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return lang === 'fr' ? `l'option « ${option} » attend une valeur` : `option "${option}" needs a value`;
  return message;
}

const usageError = (lang: Lang, io: Io, detail: string) => {
  io.err(`${colour.red(cliText(lang).errorPrefix)}: ${detail}`);
  io.err('');
  io.err(usage(lang));
  return 2;
};

export async function runCli(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    // The language option may be what failed to parse: the system's language speaks instead.
    const lang = parseLang(argv[argv.indexOf('--lang') + 1]);
    return usageError(lang, io, argumentError(error, lang));
  }
  const { values: v, positionals } = parsed;
  const lang = parseLang(v.lang);
  const [command, file, ...extra] = positionals;
  if (v.help || !command) {
    io.out(usage(lang));
    return command || v.help ? 0 : 2;
  }
  try {
    switch (command) {
      case 'inspect':
      case 'validate': {
        if (!file || extra.length)
          return usageError(lang, io, lang === 'fr' ? 'un seul fichier attendu' : 'expected one file');
        const common = {
          file,
          json: v.json,
          lang,
          ...(v.sheet ? { sheet: v.sheet } : {}),
          ...(v.template ? { template: v.template } : {}),
          ...(v.currency !== undefined ? { currency: v.currency } : {}),
          ...(v.vat !== undefined ? { vat: v.vat } : {}),
          ...(v.prices !== undefined ? { prices: v.prices } : {}),
        };
        return command === 'inspect'
          ? await inspectCommand(
              { ...common, ...(v['save-mapping'] ? { saveMapping: v['save-mapping'] } : {}) },
              io.out,
            )
          : await validateCommand(
              {
                ...common,
                includeHidden: v['include-hidden'],
                ...(v.mapping ? { mapping: v.mapping } : {}),
                ...(v.images ? { images: v.images } : {}),
                ...(v.annotate ? { annotate: v.annotate } : {}),
              },
              io.out,
            );
      }
      case 'build': {
        if (!file || extra.length)
          return usageError(lang, io, lang === 'fr' ? 'un seul fichier attendu' : 'expected one file');
        const pick = <K extends keyof typeof v>(key: K, as: string) =>
          v[key] !== undefined ? { [as]: v[key] } : {};
        return await buildCommand(
          {
            file,
            lang,
            force: v.force,
            ...pick('sheet', 'sheet'),
            ...pick('template', 'template'),
            ...pick('mapping', 'mapping'),
            ...pick('images', 'images'),
            ...pick('out', 'out'),
            ...pick('format', 'format'),
            ...pick('mode', 'mode'),
            ...pick('bleed', 'bleed'),
            ...pick('icc', 'icc'),
            ...pick('locale', 'locale'),
            ...pick('title', 'title'),
            ...pick('password', 'password'),
            ...pick('text-variant', 'textVariant'),
            ...pick('currency', 'currency'),
            ...pick('vat', 'vat'),
            ...pick('prices', 'prices'),
            ...(v['no-marks'] ? { marks: false } : v.marks ? { marks: true } : {}),
          },
          io.out,
        );
      }
      case 'templates': {
        const templates = await listTemplates(userTemplatesDir());
        if (v.json) io.out(JSON.stringify(templates, null, 2));
        else
          for (const t of templates) {
            io.out(`${colour.bold(t.id)} — ${t.name[lang]}`);
            if (t.description) io.out(`  ${t.description[lang]}`);
            io.out(`  ${t.fields.map((f) => f.id + (f.required ? '*' : '')).join(', ')}`);
          }
        return 0;
      }
      default:
        return usageError(
          lang,
          io,
          lang === 'fr' ? `commande inconnue « ${command} »` : `unknown command "${command}"`,
        );
    }
  } catch (error) {
    if (isCatalogError(error)) {
      io.err(`${colour.red(cliText(lang).errorPrefix)} [${error.code}]: ${error.in(lang)}`);
      return 2;
    }
    io.err(cliText(lang).unexpected);
    if (process.env.DEBUG) io.err(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return 2;
  }
}
