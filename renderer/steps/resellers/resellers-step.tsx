// Resellers (the price-grid flow): what the workbook holds — its families, its resellers with their
// level, rate, password and logo, what to check — the chosen reseller's list as it will be written,
// then the files to write for each and where, and the batch with its progress, Cancel and results.
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../api/transport.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { ProgressBar } from '../../components/progress-bar.tsx';
import { useApp, useWords } from '../../state/app-context.tsx';
import type { GridOutput, GridSettings } from '../../state/project.ts';
import { gridBuildRequest, gridPreviewRequest } from '../../state/requests.ts';
import { useJob } from '../../state/use-job.ts';
import { baseName } from '../open/refusal.ts';
import {
  integers,
  issuesOf,
  languageName,
  LOGO_MISSING,
  percent,
  rateFigure,
  type Reseller,
} from './grid-format.ts';
import { GridResult } from './grid-result.tsx';
import { LockIcon } from './lock-icon.tsx';
import { ResellerPreview } from './reseller-preview.tsx';
import { useGridOpen } from './use-grid-open.ts';
import './resellers.css';
import { FolderField } from '../../components/folder-field.tsx';
import { useOutputFolder } from '../../components/use-output-folder.ts';

const OUTPUTS: GridOutput[] = ['print', 'screen', 'tagged-text'];

type Outcome = { kind: 'built'; result: ChannelOutput<'grid'> } | { kind: 'stopped' };

export function ResellersStep() {
  const { t } = useTranslation('resellers');
  const { t: common } = useTranslation();
  const { state, dispatch, shell, lang, locale } = useApp();
  const words = useWords();
  const { project } = state;
  const grid: GridSettings = project.grid ?? { outputs: OUTPUTS, encrypt: true };
  const { answer, error: openError, reading, retry } = useGridOpen(true);
  const job = useJob('grid');
  const [chosen, setChosen] = useState<string>();
  const { folder, setFolder, folderError, destination, browser } = useOutputFolder(shell, grid.out);
  const [outcome, setOutcome] = useState<Outcome>();
  const cancelled = useRef(false);
  const ids = useId();

  const resellers = answer?.resellers ?? [];
  const selected = resellers.find((r) => r.name === chosen) ?? resellers[0];
  const change = (next: Partial<GridSettings>) => dispatch({ type: 'grid', grid: next });
  const only = grid.only;
  const count = only ? only.length : resellers.length;
  const passwords = resellers.filter((r) => r.protected && (!only || only.includes(r.name))).length;
  const issues = answer?.issues ?? [];
  // Where the resellers may be: a sheet of the workbook other than its grids.
  const sheets = (state.opened?.sheets ?? [])
    .map((sheet) => sheet.name)
    .filter((name) => !answer?.gridSheets.includes(name));

  const tick = (name: string, on: boolean) => {
    const names = new Set(only ?? []);
    if (on) names.add(name);
    else names.delete(name);
    // In the sheet's order, as the batch writes them.
    change({ only: resellers.map((r) => r.name).filter((n) => names.has(n)) });
  };

  const build = async () => {
    setOutcome(undefined);
    cancelled.current = false;
    const out = await destination();
    if (!out) return;
    if (out !== grid.out) change({ out });
    const result = await job.run(gridBuildRequest({ ...project, grid: { ...grid, out } }, lang));
    if (result) setOutcome({ kind: 'built', result });
    else if (cancelled.current) setOutcome({ kind: 'stopped' });
  };
  const cancel = () => {
    cancelled.current = true;
    job.cancel();
  };

  const rate = (reseller: Reseller) => {
    if (!reseller.rate) return t('list.none');
    const figure = rateFigure(reseller.rate, locale);
    return reseller.rate.kind === 'discount'
      ? t('rate.discount', { value: figure })
      : t('rate.coefficient', { value: figure });
  };

  const refused =
    outcome?.kind === 'built' && outcome.result.status === 'refused'
      ? outcome.result.issues.filter((i) => i.severity === 'error')
      : [];
  const canBuild =
    Boolean(answer) && grid.outputs.length > 0 && count > 0 && Boolean(folder.trim()) && !job.running;

  return (
    <section className="resellers-step" aria-labelledby="resellers-title">
      <h1 id="resellers-title">{t('title')}</h1>
      {answer && (
        <p className="muted">
          {[
            t('lead', {
              file: baseName(project.file ?? answer.file),
              sheet: answer.resellerSheet,
              families: answer.families.length,
            }),
            answer.currency,
            answer.basis ? t(`basis.${answer.basis}`) : undefined,
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
      )}
      {sheets.length > 1 && (
        <label className="grid-source">
          <span>{t('source')}</span>
          <select
            value={grid.resellers ?? ''}
            disabled={job.running}
            onChange={(e) => {
              // Another list: the grids and resellers are read again with it.
              change({ resellers: e.target.value || undefined });
              dispatch({ type: 'grid-opened' });
            }}
          >
            <option value="">{t('sourceFound')}</option>
            {sheets.map((sheet) => (
              <option key={sheet} value={sheet}>
                {sheet}
              </option>
            ))}
          </select>
        </label>
      )}
      {reading && <p className="muted">{t('reading')}</p>}
      {openError && <ErrorBox error={openError} onRetry={retry} />}

      {answer && (
        <div className="resellers-columns">
          <div className="resellers-main">
            <section className="card" aria-labelledby={`${ids}-list`}>
              <h2 id={`${ids}-list`}>{t('list.title', { count: resellers.length })}</h2>
              <table className="grid-table resellers-table">
                <thead>
                  <tr>
                    {only && (
                      <th scope="col">
                        <span className="visually-hidden">{t('options.scope')}</span>
                      </th>
                    )}
                    <th scope="col">{t('list.name')}</th>
                    <th scope="col">{t('list.level')}</th>
                    <th scope="col" className="num">
                      {t('list.rate')}
                    </th>
                    <th scope="col">{t('list.password')}</th>
                    <th scope="col">{t('list.logo')}</th>
                  </tr>
                </thead>
                <tbody>
                  {resellers.map((reseller) => {
                    const about = issuesOf(reseller, answer.resellerSheet, issues);
                    const logoMissing = about.some((i) => i.code === LOGO_MISSING);
                    const current = reseller === selected;
                    return (
                      <tr key={reseller.name} className={current ? 'current' : undefined}>
                        {only && (
                          <td>
                            <input
                              type="checkbox"
                              aria-label={t('list.include', { name: reseller.name })}
                              checked={only.includes(reseller.name)}
                              disabled={job.running}
                              onChange={(e) => tick(reseller.name, e.target.checked)}
                            />
                          </td>
                        )}
                        <th scope="row">
                          <button
                            type="button"
                            className="link reseller-name"
                            aria-pressed={current}
                            title={t('list.show', { name: reseller.name })}
                            onClick={() => setChosen(reseller.name)}
                          >
                            {reseller.name}
                          </button>
                          {reseller.locale && (
                            <span className="muted small block reseller-language">
                              {languageName(reseller.locale, locale)}
                            </span>
                          )}
                        </th>
                        <td>{reseller.level ?? t('list.none')}</td>
                        <td className="num">
                          <span className="tabular">{rate(reseller)}</span>
                          {reseller.rate && (
                            <span className="muted small rate-source">
                              {t(`rate.source.${reseller.rate.source}`)}
                            </span>
                          )}
                        </td>
                        <td>
                          {reseller.protected ? (
                            <span className="badge info">
                              <LockIcon /> {t('list.protected')}
                            </span>
                          ) : (
                            <span className="muted">{t('list.notProtected')}</span>
                          )}
                        </td>
                        <td className="small">
                          {logoMissing ? (
                            <span className="badge warning" title={reseller.logo}>
                              <span aria-hidden="true">⚠ </span>
                              {t('list.missingLogo')}
                            </span>
                          ) : (
                            (reseller.logo ?? <span className="muted">{t('list.noLogo')}</span>)
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </section>

            <section className="card" aria-labelledby={`${ids}-families`}>
              <h2 id={`${ids}-families`}>{t('families.title', { count: answer.families.length })}</h2>
              <table className="grid-table">
                <thead>
                  <tr>
                    <th scope="col">{t('families.name')}</th>
                    <th scope="col">{t('families.sheet')}</th>
                    <th scope="col" className="num">
                      {t('families.size')}
                    </th>
                    <th scope="col" className="num">
                      {t('families.vat')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {answer.families.map((family) => (
                    <tr key={`${family.sheet}/${family.name}`}>
                      <th scope="row">{family.name}</th>
                      <td className="muted">{family.sheet}</td>
                      <td
                        className="num tabular"
                        title={t('families.tiers', { tiers: integers(family.tiers, locale) })}
                      >
                        {t('families.sizeValue', {
                          variants: family.variants.length,
                          tiers: family.tiers.length,
                        })}
                      </td>
                      <td className="num tabular">
                        {family.vat ? percent(family.vat, locale) : t('list.none')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>

            <section className="card" aria-labelledby={`${ids}-issues`}>
              <h2 id={`${ids}-issues`}>{t('issues.title')}</h2>
              {issues.length === 0 ? (
                <p className="muted small">{t('issues.none')}</p>
              ) : (
                <ul className="grid-issues">
                  {issues.map((issue, i) => (
                    <li key={i}>
                      <span className={`badge ${issue.severity}`}>
                        <span className="visually-hidden">{t(`issues.severity.${issue.severity}`)} </span>
                        {issue.ref ?? issue.code}
                      </span>{' '}
                      {words(issue.message)}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>

          <aside className="resellers-side">
            <ResellerPreview
              {...(selected ? { name: selected.name } : {})}
              request={(page) =>
                selected ? gridPreviewRequest(project, lang, selected.name, page) : undefined
              }
            />
          </aside>
        </div>
      )}

      {answer && (
        <fieldset className="grid-options" disabled={job.running}>
          <legend>{t('options.title')}</legend>
          <div className="grid-options-row">
            <div role="group" aria-labelledby={`${ids}-outputs`} className="grid-option-group">
              <span id={`${ids}-outputs`} className="grid-option-title">
                {t('options.outputs')}
              </span>
              {OUTPUTS.map((output) => (
                <label key={output} className="grid-check">
                  <input
                    type="checkbox"
                    checked={grid.outputs.includes(output)}
                    onChange={(e) =>
                      change({
                        outputs: OUTPUTS.filter((o) =>
                          o === output ? e.target.checked : grid.outputs.includes(o),
                        ),
                      })
                    }
                  />
                  <span>
                    {t(`options.output.${output}.name`)}
                    <span className="muted small"> — {t(`options.output.${output}.about`)}</span>
                  </span>
                </label>
              ))}
              {grid.outputs.length === 0 && <p className="badge warning">{t('options.noOutput')}</p>}
            </div>

            <div className="grid-option-group">
              <label className="grid-check">
                <input
                  type="checkbox"
                  checked={grid.encrypt}
                  disabled={!grid.outputs.includes('screen')}
                  onChange={(e) => change({ encrypt: e.target.checked })}
                />
                <span>
                  {t('options.encrypt')}
                  <span className="muted small block">{t('options.encryptAbout', { count: passwords })}</span>
                </span>
              </label>
              <label className="grid-check">
                <input
                  type="checkbox"
                  checked={grid.whiteLabel === true}
                  onChange={(e) => change({ whiteLabel: e.target.checked })}
                />
                <span>
                  {t('options.whiteLabel')}
                  <span className="muted small block">{t('options.whiteLabelAbout')}</span>
                </span>
              </label>
            </div>

            <div role="radiogroup" aria-labelledby={`${ids}-scope`} className="grid-option-group">
              <span id={`${ids}-scope`} className="grid-option-title">
                {t('options.scope')}
              </span>
              <label className="grid-check">
                <input
                  type="radio"
                  name={`${ids}-scope`}
                  checked={!only}
                  onChange={() => change({ only: undefined })}
                />
                {t('options.all', { count: resellers.length })}
              </label>
              <label className="grid-check">
                <input
                  type="radio"
                  name={`${ids}-scope`}
                  checked={Boolean(only)}
                  onChange={() => change({ only: selected ? [selected.name] : [] })}
                />
                {t('options.only', { count: only?.length ?? 0 })}
              </label>
              {only && only.length === 0 && <p className="badge warning">{t('options.noneTicked')}</p>}
            </div>
          </div>

          <div className="grid-destination">
            <FolderField
              browser={browser}
              shell={shell}
              folder={folder}
              onType={setFolder}
              onChosen={(path) => {
                setFolder(path);
                change({ out: path });
              }}
              invalid={Boolean(folderError)}
            />
            {folderError && <ErrorBox error={folderError.payload} />}
          </div>
        </fieldset>
      )}

      {job.running && <ProgressBar progress={job.progress} onCancel={cancel} label={t('starting')} />}
      {job.error && <ErrorBox error={job.error.payload} onRetry={() => void build()} />}
      {outcome?.kind === 'stopped' && <p className="banner">{t('stopped')}</p>}
      {refused.length > 0 && (
        <div className="card grid-refused" role="alert">
          <h2>{t('refused', { count: refused.length })}</h2>
          <ul className="grid-issues">
            {refused.map((issue, i) => (
              <li key={i}>
                <span className="badge error">{issue.ref ?? issue.code}</span> {words(issue.message)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {outcome?.kind === 'built' && outcome.result.status === 'built' && (
        <GridResult result={outcome.result} known={issues} />
      )}

      <div className="step-actions">
        <button type="button" className="secondary" onClick={() => dispatch({ type: 'go', step: 'open' })}>
          {common('back')}
        </button>
        <button type="button" onClick={() => void build()} disabled={!canBuild}>
          {t('build', { count })}
        </button>
      </div>
    </section>
  );
}
