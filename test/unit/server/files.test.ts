// @vitest-environment node
// Files in browser mode: a workbook comes by upload (streamed to this run's folder, its name
// cleaned, only workbooks and JSON, never past the limit) or by a typed path (that must exist and be
// what it was chosen as); a file goes back by download only when a build of this run wrote it.
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentDisposition } from '../../../main/server/download.ts';
import { startServer, type RunningServer } from '../../../main/server/server.ts';
import { safeFileName } from '../../../main/server/upload.ts';
import { tempDir } from '../../fixtures/workbooks.ts';
import { api, choose, fakeRenderer, send, withToken } from './http.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ staticRoot: fakeRenderer().root, uploadLimit: 1024 * 1024 });
});
afterAll(async () => {
  await server.close();
  rmSync(server.outputs, { recursive: true, force: true });
});

const SAMPLE = 'samples/quincaillerie-tarif-2026.xlsx';

const upload = (name: string, body: Uint8Array | string, chunked = false) =>
  send(server, `/api/upload?name=${encodeURIComponent(name)}`, {
    headers: withToken(server, { 'Content-Type': 'application/octet-stream' }),
    body,
    chunked,
  });

const download = (path: string) =>
  send(server, `/api/download?path=${encodeURIComponent(path)}`, {
    method: 'GET',
    headers: withToken(server),
  });

describe('browser mode: upload', () => {
  it('saves an uploaded workbook in this run’s folder, which open then reads', async () => {
    const bytes = readFileSync(SAMPLE);
    const reply = await upload('quincaillerie-tarif-2026.xlsx', bytes, true);
    expect(reply.status).toBe(200);
    const path = reply.body.value.path as string;
    expect(path).toBe(join(server.uploads, 'quincaillerie-tarif-2026.xlsx'));
    expect(dirname(path)).toMatch(/catalog-upload-/);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    const opened = await api(server, 'open', { file: path });
    expect(opened.status).toBe(200);
    expect(opened.body.value).toMatchObject({ sheet: 'Tarif 2026', format: 'xlsx' });
    const rows = await api(server, 'rows', { id: opened.body.value.id, lang: 'en' });
    expect(rows.body.value.rows.length).toBeGreaterThanOrEqual(20);
  });

  it('numbers a second file of the same name, and keeps a cleaned base name only', async () => {
    const csv = 'Réf.;Désignation;Prix HT\r\nA-1;Vis;1,50\r\n';
    const first = await upload('tarif.csv', csv);
    const second = await upload('tarif.csv', csv);
    expect(first.body.value.path).toBe(join(server.uploads, 'tarif.csv'));
    expect(second.body.value.path).toBe(join(server.uploads, 'tarif (2).csv'));
    const sneaky = await upload('../../../etc/cron.d/evil.csv', csv);
    expect(sneaky.body.value.path).toBe(join(server.uploads, 'evil.csv'));
    const windows = await upload('C:\\Users\\x\\..\\tarif mai.xlsx', readFileSync(SAMPLE));
    expect(windows.body.value.path).toBe(join(server.uploads, 'tarif mai.xlsx'));
    // An uploaded file is chosen; the folder holding it is not.
    const other = await api(server, 'validate', { file: join(server.uploads, 'never-uploaded.csv') });
    expect([other.status, other.body.error.code]).toEqual([403, 'PATH_NOT_CHOSEN']);
    expect((await api(server, 'validate', { file: second.body.value.path })).status).toBe(200);
  });

  it('cleans names: no folder, control character, leading dot or device name', () => {
    expect(safeFileName('../../a/b/tarif.xlsx')).toBe('tarif.xlsx');
    expect(safeFileName('..\\..\\tarif.xlsx')).toBe('tarif.xlsx');
    expect(safeFileName('.bashrc.csv')).toBe('bashrc.csv');
    expect(safeFileName('ta\u0000ri\nf?.csv')).toBe('ta_ri_f_.csv');
    expect(safeFileName('CON.csv')).toBe('_CON.csv');
    expect(safeFileName('  ..  ')).toBe('');
    const long = safeFileName(`${'x'.repeat(300)}.xlsx`);
    expect([long.length, long.endsWith('.xlsx')]).toEqual([120, true]);
  });

  it('refuses what is not a workbook, a profile or a project with 415, and a nameless upload', async () => {
    for (const name of ['notes.txt', 'tarif.xls', 'script.js', 'tarif.xlsx.exe', '.xlsx']) {
      const reply = await upload(name, 'data');
      expect([name, reply.status, reply.body.error.code]).toEqual([name, 415, 'UNSUPPORTED_FILE']);
    }
    expect((await upload('profil.json', '{}')).status).toBe(200);
    expect((await upload('Tarif.XLSM', 'x')).status).toBe(200);
    const nameless = await send(server, '/api/upload', { headers: withToken(server), body: 'x' });
    expect([nameless.status, nameless.body.error.field]).toEqual([400, 'name']);
  });

  it('refuses a file past the limit with 413, declared or streamed, leaving nothing behind', async () => {
    const big = Buffer.alloc(2 * 1024 * 1024, 'a');
    const before = readdirSync(server.uploads).length;
    const declared = await upload('big.csv', big);
    expect([declared.status, declared.body.error.code]).toEqual([413, 'REQUEST_TOO_LARGE']);
    const streamed = await upload('big.csv', big, true);
    expect([streamed.status, streamed.body.error.code]).toEqual([413, 'REQUEST_TOO_LARGE']);
    expect(readdirSync(server.uploads)).toHaveLength(before);
  });
});

describe('browser mode: a typed path', () => {
  it('chooses a file that exists, resolved, after which the service may read it', async () => {
    const before = await api(server, 'validate', { file: SAMPLE });
    expect(before.status).toBe(403);
    const reply = await api(server, 'choose', { path: SAMPLE, kind: 'file' });
    expect(reply.body).toEqual({ ok: true, value: { path: resolve(SAMPLE) } });
    expect((await api(server, 'validate', { file: SAMPLE })).status).toBe(200);
  });

  it('refuses a path that does not exist or is not the kind chosen, naming the field in words', async () => {
    const missing = await api(server, 'choose', { path: '/no/such/tarif.xlsx', kind: 'file' });
    expect(missing.status).toBe(422);
    expect(missing.body.error).toMatchObject({ code: 'PATH_NOT_FOUND', field: 'path' });
    expect(missing.body.error.message.fr).toMatch(/n’existe pas/);
    const notFolder = await api(server, 'choose', { path: SAMPLE, kind: 'folder' });
    expect(notFolder.body.error).toMatchObject({ code: 'PATH_NOT_A_FOLDER', field: 'path' });
    const notFile = await api(server, 'choose', { path: 'samples', kind: 'file' });
    expect(notFile.body.error).toMatchObject({ code: 'PATH_NOT_A_FILE', field: 'path' });
    const malformed = await api(server, 'choose', { path: SAMPLE, kind: 'disk' });
    expect([malformed.status, malformed.body.error.field]).toEqual([400, 'kind']);
    const empty = await api(server, 'choose', { path: '  ', kind: 'file' });
    expect([empty.status, empty.body.error.field]).toEqual([400, 'path']);
  });

  it('creates an output folder when asked, and allows what it holds', async () => {
    const folder = join(tempDir('catalog-choose-'), 'exports', '2026');
    const refused = await api(server, 'choose', { path: folder, kind: 'folder' });
    expect(refused.body.error.code).toBe('PATH_NOT_FOUND');
    const created = await api(server, 'choose', { path: folder, kind: 'folder', create: true });
    expect(created.body.value.path).toBe(folder);
    expect(existsSync(folder)).toBe(true);
    const file = await choose(server, SAMPLE);
    const plan = await api(server, 'plan', { file, images: folder, lang: 'fr' });
    expect(plan.status).toBe(200);
  });
});

describe('browser mode: download', () => {
  it('sends a file a build of this run wrote, as an attachment, and nothing else', async () => {
    const file = await choose(server, SAMPLE);
    const out = join(server.outputs, 'download-test');
    const built = await api(server, 'build', {
      file,
      out,
      lang: 'fr',
      formats: ['pdf', 'tagged-text'],
      force: true,
    });
    expect(built.status).toBe(200);
    expect(built.body.value.status).toBe('built');
    const files = built.body.value.files as string[];
    const pdf = files.find((f) => f.endsWith('.pdf'))!;
    const reply = await download(pdf);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/pdf');
    expect(reply.headers['content-disposition']).toMatch(
      /^attachment; filename="[^"]+\.pdf"; filename\*=UTF-8''/,
    );
    expect(reply.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(reply.bytes.equals(readFileSync(pdf))).toBe(true);
    for (const f of files) expect((await download(f)).status).toBe(200);

    // In the outputs folder but not written by a build; the workbook; a system file; nothing.
    const planted = join(out, 'planted.pdf');
    writeFileSync(planted, '%PDF-planted');
    for (const path of [planted, resolve(SAMPLE), '/etc/passwd', `${out}/../download-test/planted.pdf`, ''])
      expect([path, (await download(path)).status]).toEqual([path, 404]);
    const noParam = await send(server, '/api/download', { method: 'GET', headers: withToken(server) });
    expect([noParam.status, noParam.body.error.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('names the file for the browser in ASCII and in RFC 5987 UTF-8', () => {
    expect(contentDisposition('Catalogue été 2026.pdf')).toBe(
      `attachment; filename="Catalogue ete 2026.pdf"; filename*=UTF-8''Catalogue%20%C3%A9t%C3%A9%202026.pdf`,
    );
    expect(contentDisposition('a"b;c%(1).txt')).toBe(
      `attachment; filename="a_b_c_(1).txt"; filename*=UTF-8''a%22b%3Bc%25%281%29.txt`,
    );
  });
});
