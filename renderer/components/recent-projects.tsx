// The last projects saved or opened, for the Open screen: name, folder and date in the user's
// locale; one whose file is gone is shown greyed and cannot be chosen. Choosing one opens it (after
// asking when the current project has unsaved changes).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { payloadOf, type ChannelOutput, type ErrorPayload } from '../api/transport.ts';
import { useApp } from '../state/app-context.tsx';
import { folderOf } from '../state/project-file.ts';
import { useProjectIo } from '../state/use-project-io.ts';
import { ErrorBox } from './error-box.tsx';
import './projects.css';

type Recent = ChannelOutput<'recentProjects'>['projects'];

export function RecentProjects() {
  const { t } = useTranslation('projects');
  const { api, state, locale } = useApp();
  const { loadFrom } = useProjectIo();
  const [recent, setRecent] = useState<Recent>();
  const [error, setError] = useState<ErrorPayload>();
  const [missing, setMissing] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    api.call('recentProjects', {}).then(
      (r) => live && setRecent(r.projects),
      () => live && setRecent([]),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const open = async (path: string) => {
    if (state.dirty && !window.confirm(t('discardChanges'))) return;
    setBusy(true);
    setError(undefined);
    setMissing(undefined);
    try {
      const outcome = await loadFrom(path);
      if (outcome.status === 'missing') setMissing(outcome.file);
    } catch (e) {
      setError(payloadOf(e));
    } finally {
      setBusy(false);
    }
  };

  if (!recent) return null;
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className="recent-projects card" aria-labelledby="recent-projects-title">
      <h2 id="recent-projects-title">{t('recentTitle')}</h2>
      {recent.length === 0 ? (
        <p className="muted">{t('recentEmpty')}</p>
      ) : (
        <ul>
          {recent.map((p) => (
            <li key={p.path} className={p.exists ? undefined : 'missing'}>
              <button
                type="button"
                disabled={!p.exists || busy}
                onClick={() => void open(p.path)}
                title={p.path}
              >
                <span className="recent-name">
                  {p.name}
                  {!p.exists && <span className="muted small"> ({t('recentMissing')})</span>}
                </span>
                <span className="recent-folder">{folderOf(p.path)}</span>
                <span className="recent-date tabular">
                  {t('recentSaved', { date: date.format(new Date(p.savedAt)) })}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {missing && (
        <p className="banner" role="status">
          {t('workbookMissing', { file: missing })}
        </p>
      )}
      {error && <ErrorBox error={error} />}
    </section>
  );
}
