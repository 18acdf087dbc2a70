// What a batch wrote: each reseller's files (kind, pages, protected), the summary table, what was
// skipped and why. Each file can be shown in its folder (desktop) or downloaded (browser mode).
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../api/transport.ts';
import { useApp, useWords } from '../../state/app-context.tsx';
import { baseName } from '../open/refusal.ts';
import { LockIcon } from './lock-icon.tsx';

type Built = ChannelOutput<'grid'>;

/** The file's button: Show in folder on the desktop, a download link in browser mode. */
function FileAction(props: { path: string; label: string; name: string; locked?: boolean }) {
  const { t } = useTranslation('resellers');
  const { shell } = useApp();
  // The visible words first (what a voice user says), then whose file it is and what the button does.
  const named = (action: string) => `${props.label} — ${props.name} — ${action}`;
  const shown = (
    <>
      {props.locked && <LockIcon />} {props.label}
    </>
  );
  if (shell.showInFolder)
    return (
      <button
        type="button"
        className="secondary grid-file"
        title={t('result.showInFolder')}
        aria-label={named(t('result.showInFolder'))}
        onClick={() => void shell.showInFolder?.(props.path)}
      >
        {shown}
      </button>
    );
  if (shell.downloadUrl)
    return (
      <a
        className="button secondary grid-file"
        href={shell.downloadUrl(props.path)}
        download={baseName(props.path)}
        title={t('result.download')}
        aria-label={named(t('result.download'))}
      >
        {shown}
      </a>
    );
  return <span className="grid-file">{shown}</span>;
}

export function GridResult(props: {
  result: Built;
  /** Issues already on screen (the workbook's). */ known?: readonly Built['issues'][number][];
}) {
  const { t } = useTranslation('resellers');
  const { locale } = useApp();
  const words = useWords();
  const { result } = props;
  const kind = (k: Built['resellers'][number]['files'][number]['kind']) => t(`options.output.${k}.name`);
  const size = (bytes: number) =>
    new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: bytes >= 1e6 ? 'megabyte' : 'kilobyte',
      maximumFractionDigits: 1,
    }).format(bytes >= 1e6 ? bytes / 1e6 : Math.max(0.1, bytes / 1e3));
  // What the workbook's reading already said is not said twice.
  const said = new Set((props.known ?? []).map((i) => `${i.code}@${i.ref ?? ''}`));
  const warnings = result.issues.filter(
    (i) => i.severity !== 'info' && !said.has(`${i.code}@${i.ref ?? ''}`),
  );

  return (
    <section className="card grid-result" role="status" aria-labelledby="grid-result-title">
      <h2 id="grid-result-title">{t('result.title', { count: result.resellers.length })}</h2>
      <table className="grid-table">
        <thead>
          <tr>
            <th scope="col">{t('result.reseller')}</th>
            <th scope="col">{t('result.files')}</th>
          </tr>
        </thead>
        <tbody>
          {result.resellers.map((reseller) => (
            <tr key={reseller.name}>
              <th scope="row">
                {reseller.name}
                {reseller.level && <span className="muted small"> · {reseller.level}</span>}
              </th>
              <td>
                <ul className="grid-files">
                  {reseller.files.map((file) => {
                    const details = [
                      kind(file.kind),
                      file.pages !== undefined ? t('result.pages', { count: file.pages }) : undefined,
                      size(file.bytes),
                      file.encrypted ? t('result.encrypted') : undefined,
                    ]
                      .filter(Boolean)
                      .join(' · ');
                    return (
                      <li key={file.path}>
                        <FileAction
                          path={file.path}
                          label={details}
                          locked={file.encrypted}
                          name={reseller.name}
                        />
                      </li>
                    );
                  })}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {result.summary && (
        <p className="grid-summary">
          <span>{t('result.summary')}</span>
          <FileAction path={result.summary} label={baseName(result.summary)} name={t('result.summary')} />
        </p>
      )}
      {result.skipped.length > 0 && (
        <p className="badge warning">{t('result.skipped', { names: result.skipped.join(', ') })}</p>
      )}
      {warnings.length > 0 && (
        <ul className="grid-issues">
          {warnings.map((issue, i) => (
            <li key={i}>
              <span className={`badge ${issue.severity}`}>{issue.ref ?? issue.code}</span>{' '}
              {words(issue.message)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
