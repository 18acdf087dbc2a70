// Step 3, Columns: the template's fields, required first, each with the column that feeds it and
// where that choice came from; the columns nothing uses, in a tray. Every change dispatches the full
// inline mapping, so the project (and the next `validate`) always carries the whole of it.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../api/transport.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { RememberedBanner } from '../../components/remembered-banner.tsx';
import { ProgressBar } from '../../components/progress-bar.tsx';
import { useApp, useWords } from '../../state/app-context.tsx';
import { refusalOf } from '../open/refusal.ts';
import { useOpenWorkbook } from '../open/use-open-workbook.ts';
import {
  badgeOf,
  columnOf,
  currentFields,
  orderedFields,
  rememberedFields,
  unusedColumns,
  withColumn,
  withTransforms,
  type Fields,
} from './field-mapping.ts';
import { FieldRow } from './field-row.tsx';
import { UnusedTray } from './unused-tray.tsx';
import './mapping.css';

type Templates = ChannelOutput<'templates'>;

export function MappingStep() {
  const { t } = useTranslation('mapping');
  const { t: common } = useTranslation();
  const words = useWords();
  const { state, dispatch, api } = useApp();
  const { open, running, progress, error, cancel } = useOpenWorkbook({ readWhenMissing: true });
  const [templates, setTemplates] = useState<Templates>();
  const templateSelect = useId();
  const [templatesError, setTemplatesError] = useState<ReturnType<typeof refusalOf>>();
  const opened = state.opened;

  useEffect(() => {
    let live = true;
    api.call('templates', {}).then(
      (list) => live && setTemplates(list),
      (refusal: unknown) => live && setTemplatesError(refusalOf(refusal)),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const templateId = opened?.template ?? state.project.template;
  const template = templates?.find((x) => x.id === templateId);
  const fields: Fields = opened ? currentFields(state.project.fields, opened) : {};
  const remembered = opened ? rememberedFields(opened, fields) : new Set<string>();
  const change = (next: Fields) => dispatch({ type: 'fields', fields: next });
  const ordered = template ? orderedFields(template.fields) : [];
  const usedBy = Object.fromEntries(
    ordered.map((f) => [f.id, opened ? columnOf(fields[f.id], opened.columns) : undefined]),
  );
  const missing = ordered.filter((f) => f.required && !usedBy[f.id]);

  return (
    <div className="mapping-step">
      <div className="mapping-toolbar">
        <div className="mapping-heading">
          <h1>{t('title')}</h1>
          <p className="muted">{t('lead')}</p>
        </div>
        <div className="mapping-template">
          <label htmlFor={templateSelect}>{t('template')}</label>
          <select
            id={templateSelect}
            value={templateId}
            disabled={running || !templates}
            onChange={(e) => void open({ template: e.target.value })}
          >
            {(templates ?? []).map((x) => (
              <option key={x.id} value={x.id}>
                {words(x.name)}
              </option>
            ))}
            {!templates && <option value={templateId}>{templateId}</option>}
          </select>
          {template?.description && (
            <span className="muted small mapping-template-description">{words(template.description)}</span>
          )}
        </div>
        {/* SLOT: "Save as a profile" (another helper's) goes here, in the toolbar. */}
        <span className="mapping-toolbar-slot" data-slot="save-profile" />
      </div>

      {/* The remembered-mapping feature's banner (with Undo): applies last time's mapping for these headers. */}
      <RememberedBanner />
      {running && (
        <ProgressBar
          label={opened ? t('reading') : t('loading')}
          onCancel={cancel}
          {...(progress ? { progress } : {})}
        />
      )}
      {!running && error && <ErrorBox error={error.payload} />}
      {templatesError && <ErrorBox error={templatesError} />}

      {opened && template && (
        <div className={`mapping-layout${running ? ' mapping-stale' : ''}`}>
          <section aria-labelledby="mapping-fields-title">
            <h2 id="mapping-fields-title" className="visually-hidden">
              {t('fields')}
            </h2>
            <div className="mapping-field-head muted" aria-hidden="true">
              <span>{t('field')}</span>
              <span>{t('column')}</span>
              <span />
              <span>{t('samples')}</span>
            </div>
            <ul className="mapping-fields">
              {ordered.map((field) => (
                <FieldRow
                  key={field.id}
                  field={field}
                  mapping={fields[field.id]}
                  column={usedBy[field.id]}
                  columns={opened.columns}
                  badge={badgeOf(field.id, fields, opened, remembered)}
                  disabled={running}
                  onColumn={(column) => change(withColumn(fields, field.id, column))}
                  onTransforms={(transforms) => change(withTransforms(fields, field.id, transforms))}
                />
              ))}
            </ul>
          </section>
          <aside className="mapping-side">
            <UnusedTray
              columns={unusedColumns(fields, opened.columns)}
              fields={ordered}
              usedBy={usedBy}
              disabled={running}
              onUse={(field, column) => change(withColumn(fields, field, column))}
            />
          </aside>
        </div>
      )}

      <div className="step-actions">
        {missing.length > 0 && (
          <p className="mapping-missing" role="status">
            {t('missingRequired', {
              count: missing.length,
              fields: missing.map((f) => words(f.label)).join(', '),
            })}
          </p>
        )}
        <button type="button" className="secondary" onClick={() => dispatch({ type: 'go', step: 'sheet' })}>
          {common('back')}
        </button>
        <button
          type="button"
          disabled={!opened || running}
          onClick={() => dispatch({ type: 'go', step: 'checks' })}
        >
          {common('next')}
        </button>
      </div>
    </div>
  );
}
