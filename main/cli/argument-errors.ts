// The errors a user meets on the command line — a mistyped option, command, format or value, an
// option missing its value — each with a stable code, said in one line in both languages, with the
// nearest valid word when one is close enough to be what they meant (never the whole usage).
import { CatalogError } from '../api/index.ts';
import { cliText, type CliText } from './cli-text.ts';
import { nearestWord } from './nearest-word.ts';
import { commandSynopsis, type Command } from './usage.ts';

const both = (say: (t: CliText) => string) => ({ fr: say(cliText('fr')), en: say(cliText('en')) });

/** `--fromat` → UNKNOWN_OPTION "did you mean --format?"; with no close option, where to read them all. */
export function unknownOptionError(
  option: string,
  options: readonly string[],
  command?: string,
): CatalogError {
  const near = nearestWord(option, options);
  return new CatalogError(
    'UNKNOWN_OPTION',
    both((t) => t.unknownOption(option) + (near ? t.didYouMean(near) : t.seeHelp(command))),
  );
}

/** `buidl` → UNKNOWN_COMMAND "did you mean build?"; `suggestion` tells the caller whether one was found. */
export function unknownCommandError(
  command: string,
  commands: readonly string[],
): { error: CatalogError; suggestion: string | undefined } {
  const near = nearestWord(command, commands);
  const error = new CatalogError(
    'UNKNOWN_COMMAND',
    both((t) => t.unknownCommand(command) + (near ? t.didYouMean(near) : '')),
  );
  return { error, suggestion: near };
}

/**
 * `--format pfd` → UNKNOWN_FORMAT "did you mean pdf?"; a word with no close format lists them all.
 * For build's format check (`parseFormats`): pass the words that are not formats, and the formats.
 */
export function unknownFormatError(words: readonly string[], formats: readonly string[]): CatalogError {
  return new CatalogError(
    'UNKNOWN_FORMAT',
    both((t) => {
      if (words.length === 0) return t.noFormat + t.oneOf(formats);
      return words
        .map((word) => {
          const near = nearestWord(word, formats);
          return t.unknownFormat(word) + (near ? t.didYouMean(near) : t.oneOf(formats));
        })
        .join('; ');
    }),
  );
}

/** `--mode prnt` → UNKNOWN_VALUE "did you mean print?", for any option that takes one of a few words. */
export function unknownValueError(option: string, value: string, choices: readonly string[]): CatalogError {
  const near = nearestWord(value, choices);
  return new CatalogError(
    'UNKNOWN_VALUE',
    both((t) => t.unknownValue(option, value) + (near ? t.didYouMean(near) : t.oneOf(choices))),
  );
}

/** `--out` with nothing after it (OPTION_NEEDS_VALUE), `--force=yes` (OPTION_TAKES_NO_VALUE). */
export function optionValueError(option: string, problem: 'missing' | 'unexpected'): CatalogError {
  return problem === 'missing'
    ? new CatalogError(
        'OPTION_NEEDS_VALUE',
        both((t) => t.needsValue(option)),
      )
    : new CatalogError(
        'OPTION_TAKES_NO_VALUE',
        both((t) => t.takesNoValue(option)),
      );
}

/** `catalog validate` with no file, or two: EXPECTED_ONE_FILE, with the command's one-line usage. */
export function expectedOneFileError(command: Command): CatalogError {
  return new CatalogError('EXPECTED_ONE_FILE', {
    fr: `${cliText('fr').expectedOneFile} : ${commandSynopsis(command, 'fr')}`,
    en: `${cliText('en').expectedOneFile}: ${commandSynopsis(command, 'en')}`,
  });
}
