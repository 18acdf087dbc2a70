// Where a build writes: typed in browser mode (the page cannot open a native dialog), chosen with the
// system's folder dialog on the desktop. The Export and Resellers steps both use it.
import { useTranslation } from 'react-i18next';
import type { Shell } from '../api/transport.ts';
import './folder-field.css';

export function FolderField(props: {
  /** Browser mode: a text field rather than a dialog. */
  browser: boolean;
  shell: Shell;
  folder: string;
  /** Each keystroke, in browser mode. */
  onType: (folder: string) => void;
  /** A folder picked in the dialog. */
  onChosen: (folder: string) => void;
  invalid: boolean;
}) {
  const { t } = useTranslation();
  if (props.browser)
    return (
      <label className="folder-field">
        <span>{t('folder.path')}</span>
        <input
          type="text"
          value={props.folder}
          spellCheck={false}
          onChange={(e) => props.onType(e.target.value)}
          aria-invalid={props.invalid ? true : undefined}
        />
      </label>
    );
  return (
    <div className="folder-field-row">
      <span className="folder-field-shown">{props.folder || t('folder.none')}</span>
      <button
        type="button"
        className="secondary"
        onClick={() =>
          void props.shell.chooseFolder?.().then((path) => {
            if (path) props.onChosen(path);
          })
        }
      >
        {t('folder.choose')}
      </button>
    </div>
  );
}
