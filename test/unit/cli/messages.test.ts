// The messages a new user trips on, driven through the CLI in process as `catalog` runs it.
import { readdir } from 'node:fs/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { langFallbackNotice, parseLang } from '../../../main/cli/lang.ts';
import { OPTIONS, runCli } from '../../../main/cli/main.ts';
import { progressText } from '../../../main/cli/terminal.ts';
import { COMMAND_OPTIONS, COMMANDS, commandHelp } from '../../../main/cli/usage.ts';
import { tempDir } from '../../fixtures/workbooks.ts';

const FRENCH = 'samples/quincaillerie-tarif-2026.xlsx';

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n'), errLines: err };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('a mistyped format or value', () => {
  it('is refused in one line that names the nearest valid one, with a code and exit 2', async () => {
    const dir = tempDir('catalog-messages-');
    const format = await run('build', FRENCH, '--out', dir, '--format', 'pfd', '--lang', 'en');
    expect(format.code).toBe(2);
    expect(format.errLines).toEqual(['Error [UNKNOWN_FORMAT]: unknown format "pfd": did you mean "pdf"?']);
    const mode = await run('build', FRENCH, '--out', dir, '--mode', 'scren', '--lang', 'en');
    expect(mode.code).toBe(2);
    expect(mode.err).toMatch(/UNKNOWN_VALUE.*"screen"/);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('a mistyped option', () => {
  it('is refused in one French line that names the option meant, with a code and exit 2', async () => {
    const r = await run('build', FRENCH, '--out', 'out', '--fromat', 'pdf', '--lang', 'fr');
    expect(r.code).toBe(2);
    expect(r.errLines).toEqual([
      'Erreur [UNKNOWN_OPTION]: option inconnue « --fromat » : vouliez-vous dire « --format » ?',
    ]);
    expect(r.out).toBe('');
  });

  it('is refused in English the same way, whatever its place on the line', async () => {
    const r = await run('--templte', 'price-list', 'build', FRENCH, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.errLines).toEqual([
      'Error [UNKNOWN_OPTION]: unknown option "--templte": did you mean "--template"?',
    ]);
    const glued = await run('inspect', FRENCH, '--sheeet=Tarif', '--lang=en');
    expect(glued.errLines).toEqual([
      'Error [UNKNOWN_OPTION]: unknown option "--sheeet": did you mean "--sheet"?',
    ]);
  });

  it('is compared with the options of the command typed', async () => {
    // --format belongs to build: validate has nothing close to --fromat, so it points at its own help.
    const r = await run('validate', FRENCH, '--fromat', 'pdf', '--lang', 'en');
    expect(r.errLines).toEqual([
      'Error [UNKNOWN_OPTION]: unknown option "--fromat" — catalog validate --help lists the options',
    ]);
  });

  it('with no close option points at the help, without printing the usage', async () => {
    const r = await run('validate', FRENCH, '--colour', '--lang', 'fr');
    expect(r.code).toBe(2);
    expect(r.errLines).toHaveLength(1);
    expect(r.err).toContain('catalog validate --help liste les options');
    expect(r.err).not.toContain('Usage');
  });

  it('an option missing its value, or given one it does not take, says so in one line', async () => {
    const missing = await run('build', FRENCH, '--lang', 'fr', '--out');
    expect([missing.code, missing.errLines]).toEqual([
      2,
      ["Erreur [OPTION_NEEDS_VALUE]: l'option « --out » attend une valeur"],
    ]);
    const extra = await run('build', FRENCH, '--force=yes', '--lang', 'en');
    expect([extra.code, extra.errLines]).toEqual([
      2,
      ['Error [OPTION_TAKES_NO_VALUE]: option "--force" takes no value'],
    ]);
  });
});

describe('a mistyped command', () => {
  it('names the command meant in one line', async () => {
    const r = await run('buidl', FRENCH, '--lang', 'fr');
    expect(r.code).toBe(2);
    expect(r.errLines).toEqual([
      'Erreur [UNKNOWN_COMMAND]: commande inconnue « buidl » : vouliez-vous dire « build » ?',
    ]);
  });

  it('far from any command, shows the overview', async () => {
    const r = await run('frobnicate', '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.errLines[0]).toBe('Error [UNKNOWN_COMMAND]: unknown command "frobnicate"');
    expect(r.err).toContain('catalog build FILE');
  });
});

describe('--help', () => {
  it.each(COMMANDS)('after %s shows that command alone', async (command) => {
    for (const lang of ['fr', 'en'] as const) {
      const r = await run(command, '--help', '--lang', lang);
      expect(r.code).toBe(0);
      expect(r.out).toBe(commandHelp(command, lang));
      expect(r.out.split('\n')[0]).toMatch(new RegExp(`^catalog ${command} `));
      for (const other of COMMANDS.filter((c) => c !== command))
        expect(r.out).not.toContain(`catalog ${other}`);
      for (const option of COMMAND_OPTIONS[command]) expect(r.out).toContain(`--${option}`);
    }
  });

  it('lists only the options its command reads', async () => {
    const validate = await run('validate', '-h', '--lang', 'en');
    expect(validate.out).toContain('--annotate OUT.xlsx');
    expect(validate.out).not.toContain('--format');
    const build = await run('build', FRENCH, '--help', '--lang', 'fr');
    expect(build.out).toMatch(/--format LISTE\s+pdf \(par défaut\), tagged-text, data-merge/);
    expect(build.out).not.toContain('--annotate');
  });

  it('alone shows the overview of every command', async () => {
    const r = await run('--help', '--lang', 'en');
    expect(r.code).toBe(0);
    for (const command of COMMANDS) expect(r.out).toContain(`catalog ${command}`);
  });

  it('describes every option the parser accepts, and nothing it refuses', () => {
    const described = new Set(Object.values(COMMAND_OPTIONS).flat());
    expect([...described].sort()).toEqual(Object.keys(OPTIONS).sort());
  });
});

describe('--lang with a language the CLI does not speak', () => {
  it('says in one English line that it goes on in English, then goes on', async () => {
    vi.stubEnv('LC_ALL', 'de_DE.UTF-8');
    const r = await run('templates', '--lang', 'de');
    expect(r.code).toBe(0);
    expect(r.errLines).toEqual([
      'Note [LANG_FALLBACK]: --lang "de" is not available (fr, en): continuing in English.',
    ]);
    expect(r.out).toContain('price-list — Price list');
  });

  it('goes on in French on a French system, and says so', async () => {
    vi.stubEnv('LC_ALL', 'fr_CA.UTF-8');
    const r = await run('templates', '--lang', 'de');
    expect(r.errLines).toEqual([
      'Note [LANG_FALLBACK]: --lang "de" is not available (fr, en): continuing in French, the system language.',
    ]);
    expect(r.out).toContain('price-list — Liste de prix');
  });

  it('understands a locale of ours as people type it, and says nothing', async () => {
    expect(parseLang('fr-CA', { LANG: 'en_GB.UTF-8' })).toBe('fr');
    expect(parseLang('EN_gb', { LANG: 'fr_FR.UTF-8' })).toBe('en');
    expect(parseLang('french', { LANG: 'en_GB.UTF-8' })).toBe('en');
    expect(langFallbackNotice('fr-BE')).toBeUndefined();
    expect(langFallbackNotice(undefined)).toBeUndefined();
    const r = await run('templates', '--lang', 'en-US');
    expect(r.err).toBe('');
  });
});

describe('the progress line', () => {
  it('groups digits the French way in French: narrow no-break spaces', () => {
    expect(progressText('Production', 'fr', 12345, 100000, 'pages PDF')).toBe(
      'Production (pages PDF) 12\u202f345 / 100\u202f000…',
    );
  });

  it('groups digits with commas in English, and leaves out an unknown total', () => {
    expect(progressText('Building', 'en', 12345, 1234567)).toBe('Building 12,345 / 1,234,567…');
    expect(progressText('Reading', 'en', 987654)).toBe('Reading 987,654…');
  });
});

describe('a command without its file', () => {
  it('says so in one line with the command’s usage', async () => {
    const none = await run('validate', '--lang', 'fr');
    expect([none.code, none.errLines]).toEqual([
      2,
      ['Erreur [EXPECTED_ONE_FILE]: un seul fichier attendu : catalog validate FICHIER [options]'],
    ]);
    const two = await run('build', 'a.xlsx', 'b.xlsx', '--lang', 'en');
    expect([two.code, two.errLines]).toEqual([
      2,
      ['Error [EXPECTED_ONE_FILE]: expected one file: catalog build FILE --out DIR [options]'],
    ]);
  });
});
