// The project's buttons in the app bar — Save (Ctrl/Cmd+S), Save as, Open project — with what goes
// with them: the path dialogs of browser mode (the desktop app has native ones), the unsaved-changes
// prompts, the autosave and, at start, the offer to recover a project a crash left unsaved.
import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { payloadOf, type ErrorPayload, type MenuCommand } from '../api/transport.ts';
import { useApp } from '../state/app-context.tsx';
import { folderOf, joinPath, projectName, toProjectFile, type ProjectFile } from '../state/project-file.ts';
import type { AppState } from '../state/project.ts';
import { useAutosave } from '../state/use-autosave.ts';
import { useProjectIo, type LoadOutcome } from '../state/use-project-io.ts';
import { ErrorBox } from './error-box.tsx';
import './projects.css';

type Notice = { kind: 'error'; error: ErrorPayload } | { kind: 'missing'; file: string };
type Recovery = { project: ProjectFile; savedAt: string };

/** Where a first save is offered: beside the workbook, named after it. */
function suggestedPath(state: AppState): string {
  if (state.projectPath) return state.projectPath;
  const file = state.project.file ?? '';
  const stem = projectName(file).replace(/\.(xlsx|xlsm|csv)$/i, '') || 'catalog';
  return joinPath(folderOf(file) || '.', `${stem}.catalog.json`);
}

export function ProjectBar() {
  const { t } = useTranslation('projects');
  const { state, dispatch, api, shell, locale } = useApp();
  const { applyLoaded, loadFrom } = useProjectIo();
  const [notice, setNotice] = useState<Notice>();
  const [status, setStatus] = useState<string>();
  const [dialog, setDialog] = useState<'save' | 'open'>();
  const [recovery, setRecovery] = useState<Recovery>();
  const [recoveryAnswered, setRecoveryAnswered] = useState(false);
  const [busy, setBusy] = useState(false);
  const latest = useRef(state);
  useEffect(() => {
    latest.current = state;
  }, [state]);

  useAutosave(recoveryAnswered);

  // At start: an autosave left behind is work a crash (or a closed tab) would have lost.
  useEffect(() => {
    let live = true;
    api.call('recover', {}).then(
      (found) => {
        if (!live) return;
        if (found.project && found.savedAt) setRecovery({ project: found.project, savedAt: found.savedAt });
        else setRecoveryAnswered(true);
      },
      () => live && setRecoveryAnswered(true),
    );
    return () => {
      live = false;
    };
  }, [api]);

  // Leaving the page with unsaved changes asks first (browser mode; the desktop app asks on close).
  useEffect(() => {
    if (!state.dirty) return;
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [state.dirty]);

  const outcome = (result: LoadOutcome) => {
    setNotice(result.status === 'missing' ? { kind: 'missing', file: result.file } : undefined);
  };

  const writeTo = useCallback(
    async (path: string) => {
      const current = latest.current;
      const project = toProjectFile(current.project);
      if (!project) return;
      setBusy(true);
      setStatus(t('saving'));
      try {
        const saved = await api.call('saveProject', { path, project });
        dispatch({ type: 'saved', path: saved.path });
        setNotice(undefined);
        setStatus(t('saved', { name: projectName(saved.path) }));
        // The saved file is now the truth: an autosave would only offer older work back.
        api.call('discardAutosave', {}).catch(() => undefined);
        const { opened } = current;
        if (current.project.fields && opened && opened.template === current.project.template)
          api
            .call('rememberMapping', {
              headers: opened.columns.map((c) => c.header),
              template: current.project.template,
              fields: current.project.fields,
            })
            .catch(() => undefined);
      } catch (error) {
        setStatus(undefined);
        throw error;
      } finally {
        setBusy(false);
      }
    },
    [api, dispatch, t],
  );

  const save = useCallback(
    async (as: boolean) => {
      const current = latest.current;
      if (!current.project.file) return;
      const failed = (error: unknown) => setNotice({ kind: 'error', error: payloadOf(error) });
      if (!as && current.projectPath) return writeTo(current.projectPath).catch(failed);
      if (shell.chooseProjectToSave) {
        const path = await shell.chooseProjectToSave(projectName(suggestedPath(current)));
        if (path) await writeTo(path).catch(failed);
        return;
      }
      setDialog('save');
    },
    [shell, writeTo],
  );

  const confirmDiscard = useCallback(() => !latest.current.dirty || window.confirm(t('discardChanges')), [t]);

  const openPath = useCallback(
    async (path: string) => {
      setBusy(true);
      try {
        outcome(await loadFrom(path));
      } catch (error) {
        setNotice({ kind: 'error', error: payloadOf(error) });
      } finally {
        setBusy(false);
      }
    },
    [loadFrom],
  );

  const openProject = useCallback(async () => {
    if (!confirmDiscard()) return;
    if (shell.chooseProjectToOpen) {
      const path = await shell.chooseProjectToOpen();
      if (path) await openPath(path);
      return;
    }
    setDialog('open');
  }, [confirmDiscard, shell, openPath]);

  // The native menus (desktop), and the usual shortcuts where there are none (browser mode).
  useEffect(
    () =>
      shell.onMenu((command: MenuCommand) => {
        if (command.command === 'save') void save(false);
        else if (command.command === 'save-as') void save(true);
        else if (command.command === 'open-project' && confirmDiscard()) void openPath(command.path);
      }),
    [shell, save, confirmDiscard, openPath],
  );
  useEffect(() => {
    if (shell.mode !== 'browser') return;
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 's') return;
      event.preventDefault();
      void save(event.shiftKey);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [shell, save]);

  const recover = async () => {
    if (!recovery) return;
    if (!confirmDiscard()) return;
    setRecovery(undefined);
    setRecoveryAnswered(true);
    setBusy(true);
    try {
      outcome(await applyLoaded({ project: recovery.project }));
    } catch (error) {
      setNotice({ kind: 'error', error: payloadOf(error) });
    } finally {
      setBusy(false);
    }
  };
  const discard = () => {
    setRecovery(undefined);
    setRecoveryAnswered(true);
    api.call('discardAutosave', {}).catch(() => undefined);
  };

  const noFile = !state.project.file;
  const when = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

  return (
    <div className="project-bar">
      <button
        type="button"
        className="secondary"
        onClick={() => void save(false)}
        disabled={noFile || busy}
        title={noFile ? t('noWorkbook') : t('saveHint')}
      >
        {t('save')}
      </button>
      <button type="button" className="secondary" onClick={() => void save(true)} disabled={noFile || busy}>
        {t('saveAs')}
      </button>
      <button type="button" className="secondary" onClick={() => void openProject()} disabled={busy}>
        {t('openProject')}
      </button>
      <span className="project-status muted small" role="status">
        {status}
      </span>

      {(recovery || notice) && (
        <div className="project-notices">
          {recovery && (
            <div className="banner project-recovery" role="alertdialog" aria-label={t('recover')}>
              <span>{t('recoverQuestion', { time: when(recovery.savedAt) })}</span>
              <span className="spacer" />
              <button type="button" onClick={() => void recover()}>
                {t('recover')}
              </button>
              <button type="button" className="secondary" onClick={discard}>
                {t('discard')}
              </button>
            </div>
          )}
          {notice?.kind === 'missing' && (
            <div className="banner project-missing" role="status">
              <span>{t('workbookMissing', { file: notice.file })}</span>
              <button type="button" className="link" onClick={() => setNotice(undefined)}>
                {t('close')}
              </button>
            </div>
          )}
          {notice?.kind === 'error' && (
            <div className="project-error">
              <ErrorBox error={notice.error} />
              <button type="button" className="link" onClick={() => setNotice(undefined)}>
                {t('close')}
              </button>
            </div>
          )}
        </div>
      )}

      {dialog === 'save' && (
        <SaveDialog
          initial={suggestedPath(state)}
          onCancel={() => setDialog(undefined)}
          onSave={async (typed) => {
            const folder = await shell.choosePath!(folderOf(typed) || '.', 'folder', true);
            await writeTo(joinPath(folder, typed.split(/[\\/]/).pop() ?? typed));
            setDialog(undefined);
          }}
        />
      )}
      {dialog === 'open' && (
        <OpenDialog
          onCancel={() => setDialog(undefined)}
          onOpen={async (path) => {
            setDialog(undefined);
            await openPath(path);
          }}
        />
      )}
    </div>
  );
}

/** A modal form: its first field focused, Escape cancels, the refusal shown inside it. */
function PathDialog(props: {
  title: string;
  onCancel(): void;
  onSubmit(): Promise<void>;
  submitLabel: string;
  canSubmit: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation('projects');
  const [error, setError] = useState<ErrorPayload>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await props.onSubmit();
    } catch (e) {
      setError(payloadOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="project-dialog-backdrop">
      <form
        className="project-dialog card"
        role="dialog"
        aria-modal="true"
        aria-label={props.title}
        onSubmit={(e) => void submit(e)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') props.onCancel();
        }}
      >
        <h2>{props.title}</h2>
        {props.children}
        {error && <ErrorBox error={error} />}
        <div className="step-actions">
          <button type="button" className="secondary" onClick={props.onCancel}>
            {t('cancel')}
          </button>
          <button type="submit" disabled={busy || !props.canSubmit}>
            {props.submitLabel}
          </button>
        </div>
      </form>
    </div>
  );
}

function SaveDialog(props: { initial: string; onCancel(): void; onSave(path: string): Promise<void> }) {
  const { t } = useTranslation('projects');
  const [path, setPath] = useState(props.initial);
  return (
    <PathDialog
      title={t('saveTitle')}
      submitLabel={t('confirmSave')}
      canSubmit={path.trim() !== ''}
      onCancel={props.onCancel}
      onSubmit={() => props.onSave(path.trim())}
    >
      <label className="project-path">
        {t('savePathLabel')}
        <input
          value={path}
          onChange={(e) => setPath(e.target.value)}
          autoFocus
          spellCheck={false}
          aria-describedby="project-save-help"
        />
      </label>
      <p id="project-save-help" className="muted small">
        {t('savePathHelp')}
      </p>
    </PathDialog>
  );
}

function OpenDialog(props: { onCancel(): void; onOpen(path: string): Promise<void> }) {
  const { t } = useTranslation('projects');
  const { shell } = useApp();
  const [path, setPath] = useState('');
  const [file, setFile] = useState<File>();
  return (
    <PathDialog
      title={t('openTitle')}
      submitLabel={t('confirmOpen')}
      canSubmit={path.trim() !== '' || file !== undefined}
      onCancel={props.onCancel}
      onSubmit={async () => {
        const chosen = file ? await shell.receiveFile(file) : await shell.choosePath!(path.trim(), 'file');
        if (chosen) await props.onOpen(chosen);
      }}
    >
      <label className="project-path">
        {t('openPathLabel')}
        <input value={path} onChange={(e) => setPath(e.target.value)} autoFocus spellCheck={false} />
      </label>
      <label className="project-path">
        {t('openUploadLabel')}
        <input type="file" accept=".json" onChange={(e) => setFile(e.target.files?.[0])} />
      </label>
    </PathDialog>
  );
}
