// A locked screen PDF as a user gets it, read by the tools a user's readers are built on: qpdf
// (what the revision and permissions really are), poppler (opens with the password only) and pdf.js.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeOutputs } from '../../main/service/index.ts';
import { renderPdf } from '../../main/engine/export/pdf/render-pdf.ts';
import { hash2B, passwordBytes } from '../../main/engine/export/pdf/encryption-r6.ts';
import { BUNDLED_FONTS } from '../../main/service/font-provider.ts';
import { tempDir } from '../fixtures/workbooks.ts';
import { qpdfCheck } from '../support/pdf-tools.ts';
import { samplePlan, sampleCatalog } from './build-fixture.ts';

const run = promisify(execFile);
const dir = tempDir('catalog-encrypted-');
const USER = 'client 2026';
let path: string;

/** `qpdf --show-encryption` with `password`; its exit code is 2 for a wrong password. */
async function showEncryption(file: string, password: string): Promise<string> {
  const { stdout } = await run('qpdf', ['--show-encryption', `--password=${password}`, file]).catch(
    (error: { stdout?: string; stderr?: string }) => ({
      stdout: `${error.stdout ?? ''}${error.stderr ?? ''}`,
    }),
  );
  return stdout;
}

beforeAll(async () => {
  const { catalog, template, sheet } = await sampleCatalog('price-list');
  const result = await writeOutputs({
    catalog,
    template,
    sheet,
    out: dir,
    baseName: 'locked',
    textVariant: 'win',
    formats: ['pdf'],
    mode: 'screen',
    locale: 'fr-FR',
    lang: 'fr',
    title: 'Quincaillerie Martin — Tarif 2026',
    password: USER,
  });
  path = result.files[0]!;
}, 120_000);

describe('a catalog screen PDF locked with a password', () => {
  it('is AES-256 revision 6: printing and accessibility allowed, copying and editing not', async () => {
    const shown = await showEncryption(path, USER);
    expect(shown).toMatch(/^R = 6$/m);
    expect(shown).toMatch(/^Supplied password is user password$/m);
    expect(shown).toMatch(/^extract for accessibility: allowed$/m);
    expect(shown).toMatch(/^print high resolution: allowed$/m);
    expect(shown).toMatch(/^extract for any purpose: not allowed$/m);
    expect(shown).toMatch(/^modify anything: not allowed$/m);
    expect(shown).toMatch(/^stream encryption method: AESv3$/m);
    // The owner password is not the user's: whoever opens the file cannot lift the limits.
    expect(shown).not.toMatch(/owner password/);
    const content = await readFile(path, 'latin1');
    expect(content).toMatch(/\/Extensions\s*<<\s*\/ADBE\s*<<\s*\/BaseVersion\s*\/1\.7\s*\/ExtensionLevel 8/);
  });

  it('refuses a wrong password and passes qpdf --check with the right one', async () => {
    expect(await showEncryption(path, 'not it')).toMatch(/invalid password|Incorrect password/i);
    const check = await run('qpdf', ['--check', `--password=${USER}`, path]);
    expect(check.stdout).toMatch(/No syntax or stream encoding errors/);
    // Without the password qpdf can still check the structure, not the content: it must say so, not pass.
    expect((await qpdfCheck(path)).ok).toBe(false);
  });

  it('opens in poppler with the password only', async () => {
    await expect(run('pdftotext', [path, '-'])).rejects.toThrow(/Incorrect password/);
    const { stdout } = await run('pdftotext', ['-upw', USER, path, '-']);
    expect(stdout).toContain('Vis agglo tête fraisée');
  });

  it('opens in pdf.js with the password only', async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // pdf.js takes over (detaches) the bytes it is given: each opening gets its own copy.
    const data = () => new Uint8Array(readFileSync(path));
    await expect(pdfjs.getDocument({ data: data(), verbosity: 0 }).promise).rejects.toThrow(/password/i);
    const doc = await pdfjs.getDocument({ data: data(), password: USER, verbosity: 0 }).promise;
    const page = await doc.getPage(1);
    const text = (await page.getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ');
    expect(text).toContain('Vis agglo tête fraisée');
    await doc.destroy();
  });
});

describe('a screen PDF with an owner password the user gave', () => {
  it('opens with either, the owner one lifting the limits', async () => {
    const { plan } = await samplePlan('price-list');
    const file = join(dir, 'owner.pdf');
    const bytes = await renderPdf(plan, {
      mode: 'screen',
      fonts: BUNDLED_FONTS,
      password: { user: 'lecteur', owner: 'éditeur € 2026', allowPrinting: false, allowCopying: false },
    });
    await writeFile(file, bytes);
    expect(await showEncryption(file, 'éditeur € 2026')).toMatch(/^Supplied password is owner password$/m);
    const asUser = await showEncryption(file, 'lecteur');
    expect(asUser).toMatch(/^R = 6$/m);
    expect(asUser).toMatch(/^print low resolution: not allowed$/m);
    expect(asUser).toMatch(/^extract for accessibility: allowed$/m);
  });
});

describe('a catalog build given an owner password', () => {
  it('uses it: the owner opens with every right, the reader with the password only', async () => {
    const { catalog, template, sheet } = await sampleCatalog('price-list');
    const { files } = await writeOutputs({
      catalog,
      template,
      sheet,
      out: dir,
      baseName: 'owner-given',
      textVariant: 'win',
      formats: ['pdf'],
      mode: 'screen',
      lang: 'en',
      title: 'Owner',
      password: 'reader',
      ownerPassword: 'publisher',
    });
    expect(await showEncryption(files[0]!, 'publisher')).toMatch(/^Supplied password is owner password$/m);
    expect(await showEncryption(files[0]!, 'reader')).toMatch(/^Supplied password is user password$/m);
  });
});

describe('Algorithm 2.B', () => {
  it('runs at least 64 rounds and depends on every input', () => {
    const salt = Buffer.from('0123456789abcdef', 'hex');
    const a = hash2B(passwordBytes('x'), salt);
    expect(a).toHaveLength(32);
    expect(hash2B(passwordBytes('y'), salt)).not.toEqual(a);
    expect(hash2B(passwordBytes('x'), salt, Buffer.alloc(48))).not.toEqual(a);
  });

  it('reads a password as SASLprep and UTF-8, cut to 127 bytes on a character boundary', () => {
    expect(passwordBytes('ﬁ\u00a0x').toString('utf8')).toBe('fi x');
    const cut = passwordBytes('é'.repeat(100));
    expect(cut.length).toBe(126);
    expect(cut.toString('utf8')).toBe('é'.repeat(63));
  });
});
