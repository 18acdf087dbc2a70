// @vitest-environment node
// Jobs in browser mode: a long channel called with X-Job-Id runs in a worker thread, its progress
// reaches the page as server-sent events tagged with that id, /api/cancel stops it — the call then
// answers CANCELLED — and stopping the server cancels what still runs and ends the streams.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../main/server/server.ts';
import { tempDir } from '../../fixtures/workbooks.ts';
import { SAMPLE_IMAGES, writeLargeCsv } from '../service/large-csv.ts';
import { api, choose, fakeRenderer, listen, withToken, type JobEvent } from './http.ts';

/** Enough products that a build is still in its first stages when the cancel arrives. */
const LARGE = 3000;

let server: RunningServer;
let large: string;
beforeAll(async () => {
  server = await startServer({ staticRoot: fakeRenderer().root });
  large = writeLargeCsv(tempDir('catalog-server-job-'), LARGE);
  await choose(server, large);
  await choose(server, SAMPLE_IMAGES, 'folder');
});
afterAll(async () => {
  await server.close();
  rmSync(server.outputs, { recursive: true, force: true });
});

const ofJob = (job: string) => (event: JobEvent) => event.job === job;

describe('browser mode: jobs', () => {
  it('streams a plan job’s progress on /api/events, tagged with its X-Job-Id', async () => {
    const stream = await listen(server);
    const file = await choose(server, 'samples/quincaillerie-tarif-2026.xlsx');
    const reply = await api(server, 'plan', { file, lang: 'fr' }, { 'X-Job-Id': 'plan-1' });
    expect(reply.status).toBe(200);
    expect(reply.body.value.pages).toBeGreaterThan(0);
    const layout = await stream.next((e) => e.job === 'plan-1' && e.stage === 'layout' && e.done === e.total);
    expect(layout.total).toBeGreaterThan(0);
    const mine = stream.events.filter(ofJob('plan-1'));
    expect(mine.map((e) => e.stage)).toEqual(expect.arrayContaining(['import', 'validate', 'layout']));
    for (const event of mine)
      expect(Object.keys(event).sort()).toEqual(expect.arrayContaining(['done', 'job', 'stage']));
    // Without an id, a job runs the same but says nothing on the stream.
    const quiet = await api(server, 'plan', { file, lang: 'fr' });
    expect(quiet.status).toBe(200);
    expect(new Set(stream.events.map((e) => e.job))).toEqual(new Set(['plan-1']));
    stream.close();
  });

  it('cancels a running build: the call answers CANCELLED and writes nothing', async () => {
    const stream = await listen(server);
    const out = join(server.outputs, 'cancelled');
    const build = api(
      server,
      'build',
      { file: large, out, images: SAMPLE_IMAGES, force: true, lang: 'en' },
      { 'X-Job-Id': 'build-1' },
    );
    await stream.next(ofJob('build-1'));
    const cancel = await api(server, 'cancel', { job: 'build-1' });
    expect(cancel.body).toEqual({ ok: true, value: {} });
    const reply = await build;
    expect(reply.status).toBe(422);
    expect(reply.body).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(reply.body.error.message.en).toMatch(/cancel/i);
    const left = existsSync(out) ? readdirSync(out) : [];
    expect(left.filter((f) => f.endsWith('.pdf') || f.endsWith('.tmp'))).toEqual([]);
    stream.close();
  });

  it('answers a cancel of an unknown or finished job with ok, and refuses a malformed one', async () => {
    expect((await api(server, 'cancel', { job: 'never-started' })).body).toEqual({ ok: true, value: {} });
    expect((await api(server, 'cancel', { job: 'plan-1' })).status).toBe(200);
    const malformed = await api(server, 'cancel', { job: 42 });
    expect([malformed.status, malformed.body.error.field]).toEqual([400, 'job']);
  });

  it('refuses a second job under an id still running', async () => {
    const stream = await listen(server);
    const request = { file: large, out: join(server.outputs, 'twice'), images: SAMPLE_IMAGES, lang: 'fr' };
    const first = api(server, 'build', request, { 'X-Job-Id': 'twice' });
    await stream.next(ofJob('twice'));
    const second = await api(server, 'build', request, { 'X-Job-Id': 'twice' });
    expect([second.status, second.body.error.code]).toEqual([409, 'JOB_IN_PROGRESS']);
    await api(server, 'cancel', { job: 'twice' });
    expect((await first).body.error.code).toBe('CANCELLED');
    stream.close();
  });

  it('cancels the job of a page that went away before its answer', async () => {
    const stream = await listen(server);
    const out = join(server.outputs, 'gone');
    const request = httpRequest({
      host: '127.0.0.1',
      port: server.port,
      path: '/api/build',
      method: 'POST',
      headers: withToken(server, {
        Host: `127.0.0.1:${server.port}`,
        'Content-Type': 'application/json',
        'X-Job-Id': 'gone',
      }),
    });
    request.on('error', () => undefined);
    request.end(JSON.stringify({ file: large, out, images: SAMPLE_IMAGES, force: true, lang: 'fr' }));
    await stream.next(ofJob('gone'));
    request.destroy();
    while (server.running().includes('gone')) await new Promise((resolve) => setTimeout(resolve, 50));
    // Left running, the build would have written its PDF by now; stopped, it wrote nothing.
    const left = existsSync(out) ? readdirSync(out) : [];
    expect(left.filter((f) => f.endsWith('.pdf') || f.endsWith('.tmp'))).toEqual([]);
    stream.close();
  });

  it('on close, cancels what still runs, ends the event streams and removes the uploads', async () => {
    const own = await startServer({ staticRoot: fakeRenderer().root });
    await choose(own, large);
    const stream = await listen(own);
    const build = api(
      own,
      'build',
      { file: large, out: join(own.outputs, 'x'), images: own.outputs, force: true, lang: 'fr' },
      { 'X-Job-Id': 'closing' },
    );
    await stream.next(ofJob('closing'));
    expect(existsSync(own.uploads)).toBe(true);
    await own.close();
    expect((await build).body.error.code).toBe('CANCELLED');
    await stream.ended;
    expect(existsSync(own.uploads)).toBe(false);
    rmSync(own.outputs, { recursive: true, force: true });
  });
});
