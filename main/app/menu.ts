// The native menus, as a template built from plain data (the language, the recent projects, whether
// this is a development run) and callbacks: a pure function, so both languages and the recent
// projects are tested without Electron. Commands the page acts on travel as a MenuCommand on
// 'catalog:menu' (main/api/bridge.ts); what only the shell can do (a dialog, the browser) is a callback.
import { basename } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../api/bridge.ts';
import type { Lang } from '../api/index.ts';

export type MenuOptions = {
  lang: Lang;
  /** Most recent first. */
  recent: readonly string[];
  /** A development run: reload and the developer tools are offered. */
  dev: boolean;
  platform: NodeJS.Platform;
  send(command: MenuCommand): void;
  /** A native dialog, then the project chosen is sent as `open-project`. */
  openProject(): void;
  /** A recent project: allowed again, then sent as `open-project`. */
  openRecent(path: string): void;
  setLanguage(lang: Lang): void;
  openHelp(): void;
};

export const MENU_WORDS = {
  file: { fr: '&Fichier', en: '&File' },
  openWorkbook: { fr: 'Ouvrir un classeur…', en: 'Open workbook…' },
  openProject: { fr: 'Ouvrir un projet…', en: 'Open project…' },
  openRecent: { fr: 'Projets récents', en: 'Open recent' },
  noRecent: { fr: 'Aucun projet récent', en: 'No recent projects' },
  save: { fr: 'Enregistrer', en: 'Save' },
  saveAs: { fr: 'Enregistrer sous…', en: 'Save as…' },
  quit: { fr: 'Quitter', en: 'Quit' },
  edit: { fr: '&Édition', en: '&Edit' },
  undo: { fr: 'Annuler', en: 'Undo' },
  redo: { fr: 'Rétablir', en: 'Redo' },
  cut: { fr: 'Couper', en: 'Cut' },
  copy: { fr: 'Copier', en: 'Copy' },
  paste: { fr: 'Coller', en: 'Paste' },
  selectAll: { fr: 'Tout sélectionner', en: 'Select all' },
  view: { fr: '&Affichage', en: '&View' },
  zoomIn: { fr: 'Zoom avant', en: 'Zoom in' },
  zoomOut: { fr: 'Zoom arrière', en: 'Zoom out' },
  resetZoom: { fr: 'Taille réelle', en: 'Actual size' },
  language: { fr: 'Langue', en: 'Language' },
  reload: { fr: 'Recharger', en: 'Reload' },
  devTools: { fr: 'Outils de développement', en: 'Developer tools' },
  help: { fr: '&Aide', en: '&Help' },
  guide: { fr: 'Mode d’emploi', en: 'User guide' },
} as const satisfies Record<string, Record<Lang, string>>;

const LANGUAGES: readonly { lang: Lang; label: string }[] = [
  { lang: 'fr', label: 'Français' },
  { lang: 'en', label: 'English' },
];

export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const t = (key: keyof typeof MENU_WORDS) => MENU_WORDS[key][options.lang];
  const mac = options.platform === 'darwin';

  const recent: MenuItemConstructorOptions[] = options.recent.length
    ? [
        ...options.recent.map((path) => ({
          label: basename(path),
          toolTip: path,
          click: () => options.openRecent(path),
        })),
      ]
    : [{ label: t('noRecent'), enabled: false }];

  const file: MenuItemConstructorOptions = {
    label: t('file'),
    submenu: [
      {
        label: t('openWorkbook'),
        accelerator: 'CmdOrCtrl+O',
        click: () => options.send({ command: 'open' }),
      },
      { label: t('openProject'), accelerator: 'CmdOrCtrl+Shift+O', click: () => options.openProject() },
      { label: t('openRecent'), submenu: recent },
      { type: 'separator' },
      { label: t('save'), accelerator: 'CmdOrCtrl+S', click: () => options.send({ command: 'save' }) },
      {
        label: t('saveAs'),
        accelerator: 'CmdOrCtrl+Shift+S',
        click: () => options.send({ command: 'save-as' }),
      },
      // On macOS, Quit lives in the application menu.
      ...(mac ? [] : [{ type: 'separator' as const }, { label: t('quit'), role: 'quit' as const }]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: t('edit'),
    submenu: [
      { label: t('undo'), role: 'undo' },
      { label: t('redo'), role: 'redo' },
      { type: 'separator' },
      { label: t('cut'), role: 'cut' },
      { label: t('copy'), role: 'copy' },
      { label: t('paste'), role: 'paste' },
      { label: t('selectAll'), role: 'selectAll' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: t('view'),
    submenu: [
      { label: t('zoomIn'), role: 'zoomIn' },
      { label: t('zoomOut'), role: 'zoomOut' },
      { label: t('resetZoom'), role: 'resetZoom' },
      { type: 'separator' },
      {
        label: t('language'),
        submenu: LANGUAGES.map(({ lang, label }) => ({
          label,
          type: 'radio' as const,
          checked: lang === options.lang,
          click: () => options.setLanguage(lang),
        })),
      },
      ...(options.dev
        ? [
            { type: 'separator' as const },
            { label: t('reload'), role: 'reload' as const },
            { label: t('devTools'), role: 'toggleDevTools' as const },
          ]
        : []),
    ],
  };

  const help: MenuItemConstructorOptions = {
    label: t('help'),
    role: 'help',
    submenu: [{ label: t('guide'), click: () => options.openHelp() }],
  };

  return [...(mac ? [{ role: 'appMenu' as const }] : []), file, edit, view, help];
}
