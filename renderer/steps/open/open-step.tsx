// Step 1, Open: drop or choose a workbook (or re-open the project's, or next month's with the same
// settings), see it being read, and any refusal in words. On success the Sheet step follows.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../api/transport.ts';
import { ProgressBar } from '../../components/progress-bar.tsx';
import { RecentProjects } from '../../components/recent-projects.tsx';
import { useApp } from '../../state/app-context.tsx';
import { stepsOf } from '../../state/project.ts';
import { DropZone } from './drop-zone.tsx';
import { OpenProblem } from './open-problem.tsx';
import { baseName, refusalOf } from './refusal.ts';
import { TypedPath } from './typed-path.tsx';
import { useOpenWorkbook, type SourceChange } from './use-open-workbook.ts';
import './open.css';

export function OpenStep() {
  const { t } = useTranslation('open');
  const { t: common } = useTranslation();
  const { state, dispatch, shell, locale } = useApp();
  const { open, running, progress, error, cancel } = useOpenWorkbook();
  const [pickError, setPickError] = useState<ErrorPayload>();
  const [receiving, setReceiving] = useState(false);
  const [opening, setOpening] = useState<string>();
  const [lastPath, setLastPath] = useState<string>();
  const projectFile = state.project.file;
  // A project loaded from disk (or recovered) has its decisions but no answer yet: next month's file
  // most likely replaces its workbook, so keeping its settings is the default there.
  const [keep, setKeep] = useState(Boolean(projectFile && !state.opened));
  const busy = running || receiving;

  const openPath = async (path: string, sameProject = keep && Boolean(projectFile)) => {
    setPickError(undefined);
    setLastPath(path);
    setOpening(baseName(path));
    // Next month's header may have moved: only the header row is found again.
    const change: SourceChange = sameProject
      ? { file: path, headerRow: undefined }
      : { file: path, sheet: undefined, headerRow: undefined, dropFields: true };
    await open(change, 'sheet');
  };

  const attempt = async (get: () => Promise<string | undefined>) => {
    setPickError(undefined);
    setReceiving(true);
    let path: string | undefined;
    try {
      path = await get();
    } catch (refusal) {
      setPickError(refusalOf(refusal));
    } finally {
      setReceiving(false);
    }
    if (path) await openPath(path);
  };

  const reopenSame = async () => {
    if (!projectFile) return;
    setPickError(undefined);
    setLastPath(projectFile);
    setOpening(baseName(projectFile));
    // A price-grid project goes on to its resellers.
    await open({}, stepsOf(state.project)[1] ?? 'sheet');
  };

  const shown = pickError ?? error?.payload;
  const projectName = state.projectPath
    ? baseName(state.projectPath).replace(/\.catalog\.json$/, '')
    : undefined;

  return (
    <div className="open-step">
      <h1>{t('title')}</h1>
      <p className="muted">{t('lead')}</p>

      <div className="open-layout">
        <div className="open-main">
          {state.opened && (
            <div className="card open-current">
              <div>
                <h2>{t('current')}</h2>
                <p className="muted">
                  {t('currentDetail', {
                    file: baseName(state.opened.file),
                    sheet: state.opened.sheet,
                    rows: state.opened.rowCount.toLocaleString(locale),
                  })}
                </p>
              </div>
              <button
                type="button"
                className="secondary"
                onClick={() => dispatch({ type: 'go', step: stepsOf(state.project)[1] ?? 'sheet' })}
              >
                {t('continue')}
              </button>
            </div>
          )}

          {projectFile && !state.opened && (
            <div className="card open-project">
              <h2>{projectName ? t('project.title', { name: projectName }) : t('project.keep')}</h2>
              <p className="muted">{t('project.lastFile', { file: projectFile })}</p>
              <button type="button" className="secondary" onClick={reopenSame} disabled={busy}>
                {t('project.reopen', { file: baseName(projectFile) })}
              </button>
            </div>
          )}

          {projectFile && (
            <div className={`open-keep${keep ? ' on' : ''}`}>
              <label className="open-keep-check">
                <input type="checkbox" checked={keep} onChange={(event) => setKeep(event.target.checked)} />
                <span>{t('project.keep')}</span>
              </label>
              <p className="muted small">{t('project.keepHelp')}</p>
            </div>
          )}

          {receiving && <ProgressBar label={t('uploading')} />}
          {running && (
            <ProgressBar
              label={t('opening', { name: opening ?? '' })}
              onCancel={cancel}
              {...(progress ? { progress } : {})}
            />
          )}
          {!busy && shown && (
            <OpenProblem
              error={shown}
              {...(lastPath && !pickError ? { onRetry: () => void openPath(lastPath) } : {})}
            />
          )}
          <DropZone
            mode={shell.mode}
            disabled={busy}
            onFile={(file) => void attempt(() => shell.receiveFile(file))}
            onChoose={() => void attempt(async () => shell.chooseWorkbook?.())}
          />
          {shell.mode === 'browser' && shell.choosePath && (
            <TypedPath
              disabled={busy}
              onPath={(path) => void attempt(() => shell.choosePath!(path, 'file'))}
            />
          )}
        </div>
        <aside className="open-side">
          <RecentProjects />
        </aside>
      </div>

      <div className="step-actions">
        <button
          type="button"
          disabled={!state.opened}
          onClick={() => dispatch({ type: 'go', step: stepsOf(state.project)[1] ?? 'sheet' })}
        >
          {common('next')}
        </button>
      </div>
    </div>
  );
}
