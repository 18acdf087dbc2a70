// Projects on disk: a save reads back the same, a moved project finds its workbook by the relative
// path, a file that is not a project is refused naming the field, and the recent list keeps order.
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProjectFile } from '../../../main/api/project.ts';
import { call } from '../../../main/service/index.ts';
import { configDir } from '../../../main/service/config-dir.ts';
import { MAX_RECENT } from '../../../main/service/project-recent.ts';
import { withProjectSuffix } from '../../../main/service/project-files.ts';

const SAMPLE = resolve('samples/quincaillerie-tarif-2026.xlsx');

let dir: string;
const saved = process.env.CATALOG_CONFIG_DIR;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'catalog-projects-'));
  process.env.CATALOG_CONFIG_DIR = join(dir, 'config');
});
afterEach(async () => {
  if (saved === undefined) delete process.env.CATALOG_CONFIG_DIR;
  else process.env.CATALOG_CONFIG_DIR = saved;
  await rm(dir, { recursive: true, force: true });
});

const project = (file: string): ProjectFile => ({
  kind: 'catalog-project',
  version: 1,
  file,
  sheet: 'Tarif 2026',
  headerRow: 4,
  template: 'price-list',
  fields: { reference: { columns: [{ header: 'Réf.', letter: 'A' }], separator: ' ', transforms: [] } },
  money: { currency: 'EUR', vat: '20' },
  layout: { pageSize: 'A5', columns: 2 },
  output: {
    out: '/tmp/out',
    formats: ['pdf', 'tagged-text'],
    mode: 'print',
    marks: true,
    textVariant: 'mac',
  },
});

async function ok<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): Promise<T> {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('project files', () => {
  it('reads back what it saved, adding the suffix and the relative path', async () => {
    const { path } = await ok(
      await call('saveProject', { path: join(dir, 'spring'), project: project(SAMPLE) }),
    );
    expect(path).toBe(join(dir, 'spring.catalog.json'));
    const onDisk = JSON.parse(await readFile(path, 'utf8')) as ProjectFile;
    expect(onDisk.fileRelative).toMatch(/samples\/quincaillerie-tarif-2026\.xlsx$/);
    expect(JSON.stringify(onDisk)).not.toMatch(/password/);
    const loaded = await ok(await call('loadProject', { path }));
    expect(loaded.missing).toBeUndefined();
    expect(loaded.project).toEqual({ ...project(SAMPLE), fileRelative: onDisk.fileRelative });
  });

  it('names the suffix once, whatever the user typed', () => {
    expect(withProjectSuffix('/a/b')).toBe('/a/b.catalog.json');
    expect(withProjectSuffix('/a/b.json')).toBe('/a/b.catalog.json');
    expect(withProjectSuffix('/a/b.Catalog.JSON')).toBe('/a/b.Catalog.JSON');
  });

  it('finds the workbook by the relative path when the absolute one is gone', async () => {
    // Saved on one machine with the workbook beside it…
    const first = join(dir, 'mac-a');
    await mkdir(join(first, 'data'), { recursive: true });
    await copyFile(SAMPLE, join(first, 'data', 'tarif.xlsx'));
    const { path } = await ok(
      await call('saveProject', {
        path: join(first, 'p.catalog.json'),
        project: project(join(first, 'data', 'tarif.xlsx')),
      }),
    );
    // …then the whole folder moved to another.
    const second = join(dir, 'mac-b');
    await mkdir(join(second, 'data'), { recursive: true });
    await copyFile(join(first, 'data', 'tarif.xlsx'), join(second, 'data', 'tarif.xlsx'));
    await copyFile(path, join(second, 'p.catalog.json'));
    await rm(first, { recursive: true });
    const loaded = await ok(await call('loadProject', { path: join(second, 'p.catalog.json') }));
    expect(loaded.missing).toBeUndefined();
    expect(loaded.project.file).toBe(join(second, 'data', 'tarif.xlsx'));
    // With the workbook at neither place, the project still opens and says so.
    await rm(join(second, 'data'), { recursive: true });
    const missing = await ok(await call('loadProject', { path: join(second, 'p.catalog.json') }));
    expect(missing.missing).toBe(true);
    expect(missing.project.template).toBe('price-list');
  });

  it('refuses a file that is not a project, naming the field at fault in both languages', async () => {
    const bad = join(dir, 'bad.catalog.json');
    const { template: _t, ...noTemplate } = project(SAMPLE);
    await writeFile(bad, JSON.stringify(noTemplate));
    const result = await call('loadProject', { path: bad });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'PROJECT_INVALID', field: 'path' });
    expect(result.error.message.en).toMatch(/template \(missing value\)/);
    expect(result.error.message.fr).toMatch(/template \(valeur manquante\)/);

    await writeFile(
      bad,
      JSON.stringify({ ...project(SAMPLE), output: { ...project(SAMPLE).output, password: 'x' } }),
    );
    const withPassword = await call('loadProject', { path: bad });
    expect(!withPassword.ok && withPassword.error.message.en).toMatch(/output.*unknown key: "password"/);

    // A mapping profile is JSON too, but not a project.
    await writeFile(bad, JSON.stringify({ version: 1, template: 'price-list', fields: {} }));
    const profile = await call('loadProject', { path: bad });
    expect(!profile.ok && profile.error).toMatchObject({ code: 'PROJECT_INVALID' });
    expect(!profile.ok && profile.error.message.en).toMatch(/kind/);

    await writeFile(bad, '{ not json');
    const garbled = await call('loadProject', { path: bad });
    expect(!garbled.ok && garbled.error.code).toBe('PROJECT_INVALID');
    const absent = await call('loadProject', { path: join(dir, 'nowhere.catalog.json') });
    expect(!absent.ok && absent.error).toMatchObject({ code: 'PROJECT_NOT_FOUND', field: 'path' });
  });

  it('lists recent projects most recent first, once each, at most ten, telling the missing ones', async () => {
    for (let i = 0; i < MAX_RECENT + 2; i++)
      await ok(await call('saveProject', { path: join(dir, `p${i}`), project: project(SAMPLE) }));
    // Opening an older one brings it to the top without doubling it.
    await ok(await call('loadProject', { path: join(dir, 'p5.catalog.json') }));
    await rm(join(dir, 'p11.catalog.json'));
    const { projects } = await ok(await call('recentProjects', {}));
    expect(projects.map((p) => p.name)).toEqual([
      'p5',
      'p11',
      'p10',
      'p9',
      'p8',
      'p7',
      'p6',
      'p4',
      'p3',
      'p2',
    ]);
    expect(projects.find((p) => p.name === 'p11')!.exists).toBe(false);
    expect(projects.find((p) => p.name === 'p5')!.exists).toBe(true);
    expect(projects[0]!.path).toBe(join(dir, 'p5.catalog.json'));
    expect(Number.isNaN(Date.parse(projects[0]!.savedAt))).toBe(false);
    expect(JSON.parse(await readFile(join(configDir(), 'recent.json'), 'utf8'))).toMatchObject({
      version: 1,
    });
  });
});

describe('autosave', () => {
  it('keeps the last autosave until it is discarded, and recovers nothing otherwise', async () => {
    expect(await ok(await call('recover', {}))).toEqual({});
    await ok(await call('autosave', { project: project(SAMPLE) }));
    const changed = { ...project(SAMPLE), template: 'product-grid' };
    await ok(await call('autosave', { project: changed }));
    const recovered = await ok(await call('recover', {}));
    expect(recovered.project).toEqual(changed);
    expect(Date.now() - Date.parse(recovered.savedAt!)).toBeLessThan(60_000);
    await ok(await call('discardAutosave', {}));
    expect(await ok(await call('recover', {}))).toEqual({});
    // Discarding twice is not an error.
    await ok(await call('discardAutosave', {}));
  });

  it('recovers nothing from a damaged autosave rather than failing the start-up', async () => {
    await mkdir(configDir(), { recursive: true });
    await writeFile(join(configDir(), 'autosave.catalog.json'), '{"kind":"catalog-project"');
    expect(await ok(await call('recover', {}))).toEqual({});
  });

  it('writes the config folder the platform expects when none is set', async () => {
    const { configDir: dirFor } = await import('../../../main/service/config-dir.ts');
    expect(dirFor({ HOME: '/home/ana' }, 'linux')).toBe('/home/ana/.config/catalog-publisher');
    expect(dirFor({ HOME: '/home/ana', XDG_CONFIG_HOME: '/x' }, 'linux')).toBe('/x/catalog-publisher');
    expect(dirFor({ HOME: '/Users/ana' }, 'darwin')).toBe(
      '/Users/ana/Library/Application Support/Catalog Publisher',
    );
    expect(dirFor({ HOME: '/h', APPDATA: '/appdata' }, 'win32')).toMatch(/appdata.Catalog Publisher$/);
    expect(dirFor({ CATALOG_CONFIG_DIR: '/t', HOME: '/h' }, 'linux')).toBe('/t');
  });
});

describe('paths a project answer lets the user reach', () => {
  it('names the workbook, images and output folders of a loaded or recovered project, and recent projects', async () => {
    const { pathsInAnswer, allowAnswerPaths } = await import('../../../main/service/project-paths.ts');
    const { ChosenPaths } = await import('../../../main/service/chosen-paths.ts');
    const answer = {
      project: { ...project(SAMPLE), images: '/photos', output: { ...project(SAMPLE).output, out: '/out' } },
    };
    expect(pathsInAnswer('loadProject', answer)).toEqual([
      { path: SAMPLE, kind: 'file' },
      { path: '/photos', kind: 'folder' },
      { path: '/out', kind: 'folder' },
    ]);
    // Not a file the app would read as a workbook; not another channel's answer.
    expect(
      pathsInAnswer('recover', {
        project: { ...project('/home/ana/.ssh/id_rsa'), output: { formats: ['pdf'] } },
      }),
    ).toEqual([]);
    expect(pathsInAnswer('open', answer)).toEqual([]);
    expect(
      pathsInAnswer('recentProjects', { projects: [{ path: '/p/a.catalog.json' }, { path: '/etc/passwd' }] }),
    ).toEqual([{ path: '/p/a.catalog.json', kind: 'file' }]);
    expect(pathsInAnswer('saveProject', { path: '/p/b.catalog.json' })).toEqual([
      { path: '/p/b.catalog.json', kind: 'file' },
    ]);
    const chosen = new ChosenPaths();
    allowAnswerPaths(chosen, 'loadProject', answer);
    expect(chosen.allows(SAMPLE) && chosen.allows('/out/catalog.pdf')).toBe(true);
    expect(chosen.allows('/etc/passwd')).toBe(false);
  });
});
