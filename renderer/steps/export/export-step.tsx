// Export: the presets to write (print PDF, screen PDF, tagged text, Data Merge), where, then the
// builds with their progress and Cancel. A build the checks refuse shows why and offers a proof
// built anyway; a finished one lists what was written, to show in the folder or download.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../api/transport.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { ProgressBar } from '../../components/progress-bar.tsx';
import { useApp, useWords } from '../../state/app-context.tsx';
import { buildRequest } from '../../state/requests.ts';
import { useJob } from '../../state/use-job.ts';
import { folderOf, joinPath } from '../../state/project-file.ts';
import { baseName } from '../open/refusal.ts';
import { buildRuns, outputOf, presetsOf, type Presets, type Run } from './export-runs.ts';
import './export.css';
import { FolderField } from '../../components/folder-field.tsx';
import { useOutputFolder } from '../../components/use-output-folder.ts';
import { PressSelect, ValidityFields } from './export-settings.tsx';

type Written = { run: Run; result: ChannelOutput<'build'> };
type Outcome =
  | { kind: 'built'; written: Written[] }
  | { kind: 'refused'; issues: ChannelOutput<'build'>['issues'] }
  | { kind: 'stopped' };

const PRESETS = ['print', 'screen', 'tagged', 'dataMerge'] as const;

export function ExportStep() {
  const { t } = useTranslation('export');
  const { t: common } = useTranslation();
  const { state, dispatch, api, shell, lang, locale } = useApp();
  const words = useWords();
  const { project } = state;
  const job = useJob('build');
  const [presets, setPresets] = useState<Presets>(() => presetsOf(project.output));
  // Never saved in the project: it lives as long as this screen.
  const [password, setPassword] = useState('');
  const { folder, setFolder, folderError, destination, browser } = useOutputFolder(shell, project.output.out);
  const [step, setStep] = useState<{ n: number; of: number }>();
  const [outcome, setOutcome] = useState<Outcome>();
  const passwordId = useId();
  // The validity dates are asked only of a template that prints terms (a price list's conditions).
  const [hasTerms, setHasTerms] = useState(false);
  useEffect(() => {
    let live = true;
    api.call('templates', {}).then(
      (list) =>
        live && setHasTerms(Boolean(list.find((x) => x.id === project.template)?.layout?.terms === true)),
      () => undefined, // without the list, no dates are asked: nothing is printed that was not given
    );
    return () => {
      live = false;
    };
  }, [api, project.template]);
  const cancelled = useRef(false);
  const cancel = () => {
    cancelled.current = true;
    job.cancel();
  };

  const choose = (next: Presets) => {
    setPresets(next);
    const output = outputOf(next);
    if (output.formats.length) dispatch({ type: 'output', output });
  };
  const runs = buildRuns(presets);

  const build = async (force: boolean) => {
    setOutcome(undefined);
    cancelled.current = false;
    const out = await destination();
    if (!out) return;
    if (out !== project.output.out) dispatch({ type: 'output', output: { out } });
    const written: Written[] = [];
    for (const [i, run] of runs.entries()) {
      setStep({ n: i + 1, of: runs.length });
      let target = out;
      if (run.subfolder) {
        target = joinPath(out, run.subfolder);
        if (browser && shell.choosePath)
          target = await shell.choosePath(target, 'folder', true).catch(() => target);
      }
      const request = buildRequest(
        { ...project, output: { ...project.output, out: target, formats: run.formats, mode: run.mode } },
        lang,
        locale,
        { force, ...(run.mode === 'screen' && password ? { password } : {}) },
      );
      const result = await job.run(request);
      if (!result) {
        setStep(undefined);
        // Cancelled, or failed (the job's error says why): what was written before still counts.
        if (written.length) return setOutcome({ kind: 'built', written });
        return setOutcome(cancelled.current ? { kind: 'stopped' } : undefined);
      }
      if (result.status === 'refused') {
        setStep(undefined);
        return setOutcome({ kind: 'refused', issues: result.issues });
      }
      written.push({ run, result });
    }
    setStep(undefined);
    setOutcome({ kind: 'built', written });
  };

  const size = (bytes: number) =>
    new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: bytes >= 1e6 ? 'megabyte' : 'kilobyte',
      maximumFractionDigits: 1,
    }).format(bytes >= 1e6 ? bytes / 1e6 : Math.max(0.1, bytes / 1e3));

  const errors = outcome?.kind === 'refused' ? outcome.issues.filter((i) => i.severity === 'error') : [];
  // A forced build reports the errors it was forced over, as the refusal did.
  const proofErrors =
    outcome?.kind === 'built' && outcome.written.some((w) => w.result.forced)
      ? Math.max(...outcome.written.map((w) => w.result.issues.filter((i) => i.severity === 'error').length))
      : undefined;

  return (
    <section className="export-step" aria-labelledby="export-title">
      <h1 id="export-title">{t('title')}</h1>

      <fieldset className="export-presets" disabled={job.running}>
        <legend>{t('what')}</legend>
        <div className="export-cards">
          {PRESETS.map((id) => (
            <div key={id} className={`export-card card${presets[id] ? ' chosen' : ''}`}>
              <label className="export-card-head">
                <input
                  type="checkbox"
                  checked={presets[id]}
                  onChange={(e) => choose({ ...presets, [id]: e.target.checked })}
                />
                <span>
                  <strong>{t(`preset.${id}.name`)}</strong>
                  <span className="muted small">{t(`preset.${id}.about`)}</span>
                </span>
              </label>
              {id === 'print' && presets.print && <PressSelect />}
              {id === 'screen' && presets.screen && (
                <label className="export-extra">
                  <span id={`${passwordId}-label`}>{t('password')}</span>
                  <input
                    type="password"
                    // Named by its label alone; the note is its description, not part of its name.
                    aria-labelledby={`${passwordId}-label`}
                    aria-describedby={`${passwordId}-note`}
                    autoComplete="new-password"
                    value={password}
                    onChange={(e) => setPassword(e.target.value)}
                  />
                  <span id={`${passwordId}-note`} className="muted small">
                    {t('passwordNote')}
                  </span>
                </label>
              )}
              {id === 'tagged' && presets.tagged && (
                <div className="export-extra" role="radiogroup" aria-label={t('variant')}>
                  {(['win', 'mac'] as const).map((v) => (
                    <label key={v} className="export-radio">
                      <input
                        type="radio"
                        name="export-variant"
                        checked={project.output.textVariant === v}
                        onChange={() => dispatch({ type: 'output', output: { textVariant: v } })}
                      />
                      {t(`variants.${v}`)}
                    </label>
                  ))}
                </div>
              )}
            </div>
          ))}
        </div>
        {presets.print && presets.screen && <p className="muted small">{t('twoBuilds')}</p>}
      </fieldset>

      {hasTerms && (presets.print || presets.screen) && <ValidityFields disabled={job.running} />}

      <fieldset className="export-destination" disabled={job.running}>
        <legend>{t('destination')}</legend>
        <FolderField
          browser={browser}
          shell={shell}
          folder={folder}
          onType={setFolder}
          onChosen={(path) => {
            setFolder(path);
            dispatch({ type: 'output', output: { out: path } });
          }}
          invalid={Boolean(folderError)}
        />
        {folderError && <ErrorBox error={folderError.payload} />}
      </fieldset>

      {job.running && (
        <div className="export-progress">
          {step && step.of > 1 && (
            <p className="small muted">
              {t('buildOf', { n: step.n, of: step.of, what: t(`mode.${runs[step.n - 1]?.mode ?? 'print'}`) })}
            </p>
          )}
          <ProgressBar progress={job.progress} onCancel={cancel} label={t('starting')} />
        </div>
      )}
      {job.error && <ErrorBox error={job.error.payload} onRetry={() => void build(false)} />}

      {outcome?.kind === 'stopped' && <p className="banner">{t('stopped')}</p>}

      {outcome?.kind === 'refused' && (
        <div className="export-refused card" role="alert">
          <h2>{t('refused', { count: errors.length })}</h2>
          <ul className="export-issues">
            {errors.slice(0, 8).map((issue, i) => (
              <li key={i}>
                <span className="badge error">{issue.ref ?? issue.code}</span> {words(issue.message)}
              </li>
            ))}
          </ul>
          {errors.length > 8 && <p className="muted small">{t('more', { count: errors.length - 8 })}</p>}
          <div className="export-refused-actions">
            <button
              type="button"
              className="secondary"
              onClick={() => dispatch({ type: 'go', step: 'checks' })}
            >
              {t('fixInChecks')}
            </button>
            <button type="button" onClick={() => void build(true)}>
              {t('force')}
            </button>
          </div>
          <p className="muted small">{t('forceNote')}</p>
        </div>
      )}

      {outcome?.kind === 'built' && (
        <div className="export-summary card" role="status">
          <h2>{t('written')}</h2>
          {proofErrors !== undefined && <p className="badge warning">{t('proof', { count: proofErrors })}</p>}
          <ul className="export-files">
            {outcome.written.flatMap(({ run, result }) =>
              result.files.map((file, i) => (
                <li key={file}>
                  <span className="export-file-name">{baseName(file)}</span>
                  <span className="muted small">
                    {[
                      file.endsWith('.pdf')
                        ? t(`mode.${run.mode}`)
                        : file.endsWith('.txt')
                          ? t('preset.tagged.name')
                          : t('preset.dataMerge.name'),
                      file.endsWith('.pdf') ? t('pages', { count: result.pages }) : undefined,
                      result.sizes[i] !== undefined ? size(result.sizes[i]) : undefined,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                  <span className="export-file-folder muted small" title={file}>
                    {folderOf(file)}
                  </span>
                  {shell.showInFolder ? (
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => void shell.showInFolder?.(file)}
                    >
                      {t('showInFolder')}
                    </button>
                  ) : shell.downloadUrl ? (
                    <a className="button secondary" href={shell.downloadUrl(file)} download={baseName(file)}>
                      {t('download')}
                    </a>
                  ) : null}
                </li>
              )),
            )}
          </ul>
        </div>
      )}

      <div className="step-actions">
        <button type="button" className="secondary" onClick={() => dispatch({ type: 'go', step: 'preview' })}>
          {common('back')}
        </button>
        <button
          type="button"
          onClick={() => void build(false)}
          disabled={job.running || runs.length === 0 || !folder.trim()}
        >
          {t('build')}
        </button>
      </div>
      {runs.length === 0 && <p className="muted small export-hint">{t('nothingChosen')}</p>}
    </section>
  );
}
