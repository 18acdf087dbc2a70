// The native menus as data: File (with the recent projects), Edit, View (zoom, language; reload and
// devtools only in development), Help — in French and in English, each item sending its command.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { MENU_WORDS, menuTemplate, type MenuOptions } from '../../../main/app/menu.ts';

const options = (over: Partial<MenuOptions> = {}): MenuOptions => ({
  lang: 'en',
  recent: ['/projects/spring.catalog.json', '/projects/autumn.catalog.json'],
  dev: false,
  platform: 'linux',
  send: vi.fn(),
  openProject: vi.fn(),
  openRecent: vi.fn(),
  setLanguage: vi.fn(),
  openHelp: vi.fn(),
  ...over,
});

const items = (item: MenuItemConstructorOptions | undefined) =>
  (item?.submenu ?? []) as MenuItemConstructorOptions[];
const labels = (list: MenuItemConstructorOptions[]) =>
  list.filter((i) => i.type !== 'separator').map((i) => i.label);
const find = (list: MenuItemConstructorOptions[], label: string) => {
  const found = list.find((i) => i.label === label);
  if (!found) throw new Error(`no item ${label} in ${labels(list).join(', ')}`);
  return found;
};
const click = (item: MenuItemConstructorOptions) => (item.click as () => void)();

describe('menuTemplate', () => {
  it('has File, Edit, View and Help, in English and in French', () => {
    expect(labels(menuTemplate(options()))).toEqual(['&File', '&Edit', '&View', '&Help']);
    expect(labels(menuTemplate(options({ lang: 'fr' })))).toEqual([
      '&Fichier',
      '&Édition',
      '&Affichage',
      '&Aide',
    ]);
  });

  it('words every label in both languages, differently where the languages differ', () => {
    for (const [key, words] of Object.entries(MENU_WORDS)) {
      expect(words.fr, key).toBeTruthy();
      expect(words.en, key).toBeTruthy();
    }
    const fr = items(menuTemplate(options({ lang: 'fr' }))[0]);
    expect(labels(fr)).toEqual([
      'Ouvrir un classeur…',
      'Ouvrir un projet…',
      'Projets récents',
      'Enregistrer',
      'Enregistrer sous…',
      'Quitter',
    ]);
  });

  it('File sends open, save and save-as to the page, and opens a project through the shell', () => {
    const o = options();
    const file = items(menuTemplate(o)[0]);
    click(find(file, 'Open workbook…'));
    click(find(file, 'Save'));
    click(find(file, 'Save as…'));
    click(find(file, 'Open project…'));
    expect(vi.mocked(o.send).mock.calls).toEqual([
      [{ command: 'open' }],
      [{ command: 'save' }],
      [{ command: 'save-as' }],
    ]);
    expect(o.openProject).toHaveBeenCalledOnce();
    expect(find(file, 'Quit').role).toBe('quit');
    expect(find(file, 'Save').accelerator).toBe('CmdOrCtrl+S');
  });

  it('lists the recent projects by name, most recent first, each opening its path', () => {
    const o = options();
    const recent = items(find(items(menuTemplate(o)[0]), 'Open recent'));
    expect(labels(recent)).toEqual(['spring.catalog.json', 'autumn.catalog.json']);
    click(recent[1]!);
    expect(o.openRecent).toHaveBeenCalledExactlyOnceWith('/projects/autumn.catalog.json');
  });

  it('says there is no recent project, in the user’s language', () => {
    const recent = items(
      find(items(menuTemplate(options({ lang: 'fr', recent: [] }))[0]), 'Projets récents'),
    );
    expect(recent).toEqual([{ label: 'Aucun projet récent', enabled: false }]);
  });

  it('Edit uses the system roles', () => {
    const edit = items(menuTemplate(options())[1]);
    expect(edit.filter((i) => i.role).map((i) => i.role)).toEqual([
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'selectAll',
    ]);
  });

  it('View zooms, switches language, and offers reload and devtools only in development', () => {
    const o = options({ lang: 'fr' });
    const view = items(menuTemplate(o)[2]);
    expect(view.map((i) => i.role).filter(Boolean)).toEqual(['zoomIn', 'zoomOut', 'resetZoom']);
    const languages = items(find(view, 'Langue'));
    expect(languages.map((i) => [i.label, i.checked])).toEqual([
      ['Français', true],
      ['English', false],
    ]);
    click(languages[1]!);
    expect(o.setLanguage).toHaveBeenCalledWith('en');
    const dev = items(menuTemplate(options({ dev: true }))[2]).map((i) => i.role);
    expect(dev).toContain('reload');
    expect(dev).toContain('toggleDevTools');
  });

  it('Help opens the user guide', () => {
    const o = options();
    click(items(menuTemplate(o)[3])[0]!);
    expect(o.openHelp).toHaveBeenCalledOnce();
  });

  it('on macOS, starts with the application menu and leaves Quit to it', () => {
    const template = menuTemplate(options({ platform: 'darwin' }));
    expect(template[0]).toEqual({ role: 'appMenu' });
    expect(items(template[1]).some((i) => i.role === 'quit')).toBe(false);
  });
});
