// Step 2, Sheet and header: which sheet is read, which row names the columns and why, the rows
// above it greyed. Another sheet or header row re-opens the workbook with it; the project changes
// only once the contract accepts it (a blank row as header is refused, the table stays as it was).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../../components/error-box.tsx';
import { ProgressBar } from '../../components/progress-bar.tsx';
import { useApp, useWords } from '../../state/app-context.tsx';
import { useOpenWorkbook } from '../open/use-open-workbook.ts';
import { RawRows } from './raw-rows.tsx';
import { SheetNotices } from './sheet-notices.tsx';
import { SheetTabs } from './sheet-tabs.tsx';
import './sheet.css';

export function SheetStep() {
  const { t } = useTranslation('sheet');
  const { t: common } = useTranslation();
  const { state, dispatch, locale } = useApp();
  const words = useWords();
  const { open, running, progress, error, cancel } = useOpenWorkbook({ readWhenMissing: true });
  const opened = state.opened;
  const file = state.project.file;
  const pickId = useId();
  const [typed, setTyped] = useState('');

  if (!file)
    return (
      <div className="sheet-step">
        <p className="muted">{t('noWorkbook')}</p>
        <button type="button" onClick={() => dispatch({ type: 'go', step: 'open' })}>
          {t('goOpen')}
        </button>
      </div>
    );

  // A new header row or sheet drops the mapping: its headers are no longer those of the table.
  const pickRow = (row: number) => void open({ headerRow: row, dropFields: true });
  const pickSheet = (sheet: string) => void open({ sheet, headerRow: undefined, dropFields: true });
  const total = opened?.sheets.find((s) => s.name === opened.sheet)?.rowCount;
  const lastShown = opened?.head.at(-1)?.number ?? 0;
  const headerRole = opened?.roles.find((r) => r.role === 'header' && r.row === opened.headerRow);

  return (
    <div className="sheet-step">
      <div className="sheet-heading">
        <h1>{t('title')}</h1>
        <p className="muted">{t('lead')}</p>
      </div>

      {opened && (
        <SheetTabs sheets={opened.sheets} current={opened.sheet} disabled={running} onPick={pickSheet} />
      )}

      {opened && (
        <div className={`sheet-why${opened.headerless ? ' headerless' : ''}`}>
          <div className="sheet-why-text">
            {opened.headerless ? (
              <>
                <strong>{t('headerless')}</strong>
                <span className="muted">{t('headerlessWhy')}</span>
              </>
            ) : (
              <>
                <strong>{t('headerIs', { row: opened.headerRow })}</strong>
                {headerRole && <span className="muted">— {words(headerRole.reason)}</span>}
              </>
            )}
            <span className="muted small sheet-pick-hint">{t('pickHint')}</span>
          </div>
          <form
            className="sheet-pick"
            onSubmit={(event) => {
              event.preventDefault();
              const row = Number.parseInt(typed, 10);
              if (Number.isInteger(row) && row >= 1) pickRow(row);
            }}
          >
            <label htmlFor={pickId}>{t('pickLabel')}</label>
            <input
              id={pickId}
              type="number"
              min={1}
              inputMode="numeric"
              value={typed}
              placeholder={opened.headerless ? '—' : String(opened.headerRow)}
              onChange={(event) => setTyped(event.target.value)}
            />
            <button type="submit" className="secondary" disabled={running || !typed}>
              {t('pickApply')}
            </button>
            {state.project.headerRow !== undefined && (
              <button
                type="button"
                className="link"
                disabled={running}
                onClick={() => void open({ headerRow: undefined, dropFields: true })}
              >
                {t('detectAgain')}
              </button>
            )}
          </form>
        </div>
      )}

      {running && <ProgressBar label={t('reading')} onCancel={cancel} {...(progress ? { progress } : {})} />}
      {!running && error && <ErrorBox error={error.payload} />}

      {opened && (
        <div className={running ? 'sheet-stale' : undefined}>
          <RawRows opened={opened} disabled={running} onPick={pickRow} />
          {total !== undefined && total > lastShown && (
            <p className="muted small sheet-more">{t('more', { n: total.toLocaleString(locale) })}</p>
          )}
          <SheetNotices issues={opened.issues} />
        </div>
      )}

      <div className="step-actions">
        <button type="button" className="secondary" onClick={() => dispatch({ type: 'go', step: 'open' })}>
          {common('back')}
        </button>
        <button
          type="button"
          disabled={!opened || running}
          onClick={() => dispatch({ type: 'go', step: 'mapping' })}
        >
          {common('next')}
        </button>
      </div>
    </div>
  );
}
