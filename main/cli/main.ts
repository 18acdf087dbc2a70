// `catalog` command line: parses arguments, runs a command, turns every failure into a message in
// the user's language and an exit code (0 fine, 1 problems found, 2 could not run).
import { parseArgs } from 'node:util';
import { isCatalogError, type CatalogError } from '../api/index.ts';
import type { Lang } from '../api/index.ts';
import { cliText } from './cli-text.ts';
import { inspectCommand } from './inspect-command.ts';
import { langFallbackNotice, parseLang } from './lang.ts';
import {
  expectedOneFileError,
  optionValueError,
  unknownCommandError,
  unknownOptionError,
} from './argument-errors.ts';
import { colour } from './terminal.ts';
import { COMMANDS, commandHelp, isCommand, optionWords, usage, type Command } from './usage.ts';
import { validateCommand } from './validate-command.ts';
import { buildCommand } from './build-command.ts';
import { gridCommand } from './grid-command.ts';
import { listTemplates } from '../service/index.ts';

export type Io = { out: (line: string) => void; err: (line: string) => void };

export const OPTIONS = {
  sheet: { type: 'string' },
  template: { type: 'string' },
  mapping: { type: 'string' },
  'save-mapping': { type: 'string' },
  images: { type: 'string' },
  annotate: { type: 'string' },
  'include-hidden': { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  all: { type: 'boolean', default: false },
  lang: { type: 'string' },
  out: { type: 'string' },
  format: { type: 'string' },
  mode: { type: 'string' },
  bleed: { type: 'string' },
  marks: { type: 'boolean' },
  'no-marks': { type: 'boolean' },
  icc: { type: 'string' },
  press: { type: 'string' },
  locale: { type: 'string' },
  title: { type: 'string' },
  'valid-from': { type: 'string' },
  'valid-until': { type: 'string' },
  password: { type: 'string' },
  'owner-password': { type: 'string' },
  'text-variant': { type: 'string' },
  currency: { type: 'string' },
  vat: { type: 'string' },
  prices: { type: 'string' },
  force: { type: 'boolean', default: false },
  resellers: { type: 'string' },
  'white-label': { type: 'boolean', default: false },
  'password-column': { type: 'string' },
  rounding: { type: 'string' },
  logos: { type: 'string' },
  only: { type: 'string' },
  workers: { type: 'string' },
  'no-encrypt': { type: 'boolean', default: false },
  list: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/**
 * Node's own argument errors are in English only and name no fix: the ones a user meets become one
 * line in their language with a code, and a mistyped option gets the nearest one the command takes.
 */
function argumentError(error: unknown, command: Command | undefined): CatalogError | string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  const option = /'(--?[\w-]+)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
    return unknownOptionError(option, optionWords(command), command);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return optionValueError(option, /does not take an argument/.test(message) ? 'unexpected' : 'missing');
  return message;
}

const oneLineError = (lang: Lang, io: Io, error: CatalogError) => {
  io.err(`${colour.red(cliText(lang).errorPrefix)} [${error.code}]: ${error.in(lang)}`);
  return 2;
};

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
    // Read again without checks, for the language and the command the user meant (a lenient read
    // never throws; a --lang that failed to parse leaves the system's language to speak).
    const loose = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: false });
    const lang = parseLang(typeof loose.values.lang === 'string' ? loose.values.lang : undefined);
    const command = isCommand(loose.positionals[0]) ? loose.positionals[0] : undefined;
    const problem = argumentError(error, command);
    return typeof problem === 'string' ? usageError(lang, io, problem) : oneLineError(lang, io, problem);
  }
  const { values: v, positionals } = parsed;
  const lang = parseLang(v.lang);
  const notice = langFallbackNotice(v.lang);
  if (notice) io.err(notice);
  const [command, file, ...extra] = positionals;
  if (v.help || !command) {
    // `catalog build --help` is about build alone; `catalog --help` is the overview.
    io.out(isCommand(command) ? commandHelp(command, lang) : usage(lang));
    return command || v.help ? 0 : 2;
  }
  try {
    switch (command) {
      case 'inspect':
      case 'validate': {
        // inspect, validate and build read one file: said in one line with that command's usage.
        if (!file || extra.length) return oneLineError(lang, io, expectedOneFileError(command));
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
                all: v.all,
                includeHidden: v['include-hidden'],
                ...(v.mapping ? { mapping: v.mapping } : {}),
                ...(v.images ? { images: v.images } : {}),
                ...(v.annotate ? { annotate: v.annotate } : {}),
              },
              io.out,
            );
      }
      case 'build': {
        if (!file || extra.length) return oneLineError(lang, io, expectedOneFileError(command));
        const pick = <K extends keyof typeof v>(key: K, as: string) =>
          v[key] !== undefined ? { [as]: v[key] } : {};
        return await buildCommand(
          {
            file,
            lang,
            force: v.force,
            all: v.all,
            ...pick('sheet', 'sheet'),
            ...pick('template', 'template'),
            ...pick('mapping', 'mapping'),
            ...pick('images', 'images'),
            ...pick('out', 'out'),
            ...pick('format', 'format'),
            ...pick('mode', 'mode'),
            ...pick('bleed', 'bleed'),
            ...pick('icc', 'icc'),
            ...pick('press', 'press'),
            ...pick('locale', 'locale'),
            ...pick('title', 'title'),
            ...pick('valid-from', 'validFrom'),
            ...pick('valid-until', 'validUntil'),
            ...pick('password', 'password'),
            ...pick('owner-password', 'ownerPassword'),
            ...pick('text-variant', 'textVariant'),
            ...pick('currency', 'currency'),
            ...pick('vat', 'vat'),
            ...pick('prices', 'prices'),
            ...(v['no-marks'] ? { marks: false } : v.marks ? { marks: true } : {}),
          },
          io.out,
        );
      }
      case 'grid': {
        if (!file || extra.length) return oneLineError(lang, io, expectedOneFileError(command));
        const pick = <K extends keyof typeof v>(key: K, as: string) =>
          v[key] !== undefined ? { [as]: v[key] } : {};
        return await gridCommand(
          {
            file,
            lang,
            json: v.json,
            list: v.list,
            whiteLabel: v['white-label'],
            noEncrypt: v['no-encrypt'],
            ...pick('out', 'out'),
            ...pick('resellers', 'resellers'),
            ...pick('template', 'template'),
            ...pick('password-column', 'passwordColumn'),
            ...pick('rounding', 'rounding'),
            ...pick('logos', 'logos'),
            ...pick('format', 'format'),
            ...pick('only', 'only'),
            ...pick('workers', 'workers'),
            ...pick('text-variant', 'textVariant'),
          },
          io.out,
        );
      }
      case 'templates': {
        const templates = await listTemplates();
        if (v.json) io.out(JSON.stringify(templates, null, 2));
        else
          for (const t of templates) {
            io.out(`${colour.bold(t.id)} — ${t.name[lang]}`);
            if (t.description) io.out(`  ${t.description[lang]}`);
            io.out(`  ${t.fields.map((f) => f.id + (f.required ? '*' : '')).join(', ')}`);
          }
        return 0;
      }
      default: {
        // A near miss (`buidl`) gets the command meant in one line; a word far from any, the overview.
        const { error, suggestion } = unknownCommandError(command, COMMANDS);
        oneLineError(lang, io, error);
        if (!suggestion) io.err(['', usage(lang)].join('\n'));
        return 2;
      }
    }
  } catch (error) {
    if (isCatalogError(error)) return oneLineError(lang, io, error);
    io.err(cliText(lang).unexpected);
    if (process.env.DEBUG) io.err(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return 2;
  }
}
