// The Checks step: what validation found, where it lives. The workbook's rows in a grid with each
// problem cell marked, the problems grouped beside it, F8 to walk them; the annotated copy to fix in
// Excel; and a watch on the file, so a fix saved in Excel is offered for re-checking.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type ErrorPayload } from '../../api/transport.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { ProgressBar } from '../../components/progress-bar.tsx';
import { STEPS } from '../../state/project.ts';
import { useApp } from '../../state/app-context.tsx';
import { openRequest, validateRequest } from '../../state/requests.ts';
import { useJob } from '../../state/use-job.ts';
import { refusalOf } from '../open/refusal.ts';
import { AnnotateButton, AnnotateResult, useAnnotateExport } from './annotate-export.tsx';
import { buildMarks } from './cell-marks.ts';
import { DataGrid, type DataGridHandle } from './data-grid.tsx';
import { columnWidth, type GridColumn } from './grid-columns.ts';
import {
  countIssues,
  filterIssues,
  locate,
  navigable,
  stepIssue,
  type Filter,
  type Located,
} from './issue-groups.ts';
import { IssuesPanel } from './issues-panel.tsx';
import { RowCache } from './row-cache.ts';
import { useFileWatch } from './use-file-watch.ts';
import './checks.css';

export function ChecksStep() {
  const { t } = useTranslation('checks');
  const { t: common } = useTranslation();
  const { state, dispatch, api, lang, locale } = useApp();
  const { project, opened, validation } = state;
  const validate = useJob('validate');
  const [openError, setOpenError] = useState<ErrorPayload>();
  const [reopening, setReopening] = useState(false);
  const watch = useFileWatch(api, project.file);
  const annotate = useAnnotateExport();
  const grid = useRef<DataGridHandle>(null);
  const [filter, setFilter] = useState<Filter>('all');
  const [current, setCurrent] = useState<number>();
  const number = useMemo(() => new Intl.NumberFormat(locale), [locale]);

  /** Reads the workbook again when asked (or when it is not open), then validates it. */
  const check = useCallback(
    async (reopen: boolean) => {
      if (!project.file) return;
      if (reopen || !opened) {
        setReopening(true);
        setOpenError(undefined);
        try {
          const answer = await api.call('open', openRequest(project, lang));
          dispatch({ type: 'opened', opened: answer, project: {} });
        } catch (error) {
          setOpenError(refusalOf(error));
          return;
        } finally {
          setReopening(false);
        }
      }
      const answer = await validate.run(validateRequest(project));
      if (answer) dispatch({ type: 'validated', validation: answer });
    },
    [api, dispatch, opened, project, validate.run, lang],
  );
  const checkRef = useRef(check);
  checkRef.current = check;

  // Entering the step checks the workbook as it is now (it may have been saved since).
  useEffect(() => {
    void checkRef.current(false);
  }, []);

  const reload = () => {
    watch.reset();
    void check(true);
  };

  // ─── The rows, a page at a time ───────────────────────────────────────────────────────────────
  const cache = useMemo(() => {
    if (!opened) return undefined;
    const id = opened.id;
    let lost = false;
    return new RowCache(
      (from, count) => api.call('rows', { id, from, count, lang }),
      (error) => {
        // The service forgot the workbook (restarted, or too many opened since): open it again once.
        if (!lost && error instanceof ApiError && error.code === 'WORKBOOK_NOT_OPEN') {
          lost = true;
          void checkRef.current(true);
        }
      },
    );
  }, [api, opened, lang]);
  const total = opened?.rowCount ?? 0;

  // The contract's columns as they are: a GridColumn is the part of one the grid reads.
  const columns: GridColumn[] = useMemo(() => opened?.columns ?? [], [opened]);
  const widths = useMemo(() => columns.map((c) => columnWidth(c)), [columns]);
  const headers = useMemo(() => new Map(columns.map((c) => [c.letter, c.header])), [columns]);
  const columnIndex = useCallback(
    (letter: string) => columns.findIndex((c) => c.letter === letter),
    [columns],
  );

  // ─── The issues ───────────────────────────────────────────────────────────────────────────────
  const issues = validation?.issues;
  const marks = useMemo(() => buildMarks(issues ?? [], lang), [issues, lang]);
  const located = useMemo(() => locate(issues ?? [], opened?.mapping ?? {}), [issues, opened]);
  const walk = useMemo(
    () => navigable(filterIssues(located, filter), columnIndex),
    [located, filter, columnIndex],
  );
  const { error: errors, warning: warnings } = useMemo(() => countIssues(located), [located]);

  const goToRow = useCallback(
    async (row: number, col: number) => {
      const index = await cache?.indexOfRow(row);
      if (index === undefined) return;
      grid.current?.goTo({ index, col: Math.max(0, col) }, { align: 'center' });
    },
    [cache],
  );

  const goToIssue = useCallback(
    async (l: Located) => {
      if (!l.issue.cell) return;
      await goToRow(l.issue.cell.row, l.letter ? columnIndex(l.letter) : 0);
      // After the move (which forgets the issue gone to), so F8 continues from this one.
      setCurrent(l.id);
    },
    [goToRow, columnIndex],
  );

  // F8 / Shift+F8 anywhere on the screen, as in code editors: the next problem, wrapping.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'F8') return;
      event.preventDefault();
      const at = grid.current?.position();
      const next = stepIssue(walk, event.shiftKey ? -1 : 1, {
        ...(current !== undefined ? { current } : {}),
        ...(at ? { row: cache?.get(at.index)?.number, col: at.col } : {}),
        columnIndex,
      });
      if (next) void goToIssue(next);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [walk, current, cache, columnIndex, goToIssue]);

  // A row asked for elsewhere (a product clicked in the preview): shown once the rows are there.
  const focusRow = state.focusRow;
  useEffect(() => {
    if (focusRow === undefined || !cache) return;
    void goToRow(focusRow, 0).then(() => dispatch({ type: 'focus-row' }));
  }, [focusRow, cache, goToRow, dispatch]);

  if (!project.file) return <p className="muted">{t('noFile')}</p>;

  const summary = validation && (
    <p className="checks-summary" aria-live="polite">
      <span>
        {t('summary.products', { count: validation.products, n: number.format(validation.products) })}
      </span>
      {validation.variants > 0 && (
        <span>
          {t('summary.variants', { count: validation.variants, n: number.format(validation.variants) })}
        </span>
      )}
      {errors + warnings === 0 ? (
        <span className="checks-clean">{t('clean')}</span>
      ) : (
        <>
          <span className={errors > 0 ? 'checks-errors' : undefined}>
            {t('summary.errors', { count: errors, n: number.format(errors) })}
          </span>
          <span className={warnings > 0 ? 'checks-warnings' : undefined}>
            {t('summary.warnings', { count: warnings, n: number.format(warnings) })}
          </span>
        </>
      )}
    </p>
  );

  return (
    <div className="checks">
      <div className="checks-top">
        <div>
          <h1>{t('title')}</h1>
          {/* The progress bar says what is happening; the line keeps its place meanwhile. */}
          {summary ?? <p className="checks-summary">&nbsp;</p>}
        </div>
        <span className="spacer" />
        <button
          type="button"
          className="secondary"
          // The preview opens once the layout step was reached (the stepper's rule).
          disabled={!cache || total === 0 || STEPS.indexOf(state.reached) < STEPS.indexOf('layout')}
          onClick={() => {
            // The focused cell's row, on the page the catalog prints it.
            const row = cache?.get(grid.current?.position().index ?? 0)?.number;
            if (row === undefined) return;
            dispatch({ type: 'show-row', row });
            dispatch({ type: 'go', step: 'preview' });
          }}
        >
          {t('showOnPage')}
        </button>
        <AnnotateButton busy={annotate.busy} disabled={!validation} onClick={() => void annotate.run()} />
      </div>

      {watch.changed && (
        <div className="banner checks-changed" role="alert">
          <span>{t('changed')}</span>
          <button type="button" onClick={reload} disabled={reopening || validate.running}>
            {t('reload')}
          </button>
        </div>
      )}
      {watch.missing && (
        <div className="banner checks-missing" role="alert">
          {t('missing')}
        </div>
      )}
      <AnnotateResult written={annotate.written} error={annotate.error} onRetry={() => void annotate.run()} />
      {reopening && <ProgressBar label={t('reopening')} />}
      {validate.running && (
        <ProgressBar progress={validate.progress} onCancel={validate.cancel} label={t('checking')} />
      )}
      {openError && <ErrorBox error={openError} onRetry={() => void check(true)} />}
      {validate.error && <ErrorBox error={validate.error.payload} onRetry={() => void check(false)} />}

      <div className="checks-body">
        <div className="checks-grid-box">
          {cache && total > 0 ? (
            <DataGrid
              ref={grid}
              columns={columns}
              widths={widths}
              cache={cache}
              total={total}
              marks={marks}
              label={t('grid.label')}
              onPosition={() => setCurrent(undefined)}
            />
          ) : (
            opened && <p className="muted checks-grid-empty">{t('grid.empty')}</p>
          )}
        </div>
        <IssuesPanel
          checking={!validation}
          issues={located}
          headers={headers}
          filter={filter}
          onFilter={setFilter}
          {...(current !== undefined ? { current } : {})}
          onGo={(l) => void goToIssue(l)}
        />
      </div>

      <div className="step-actions">
        {errors > 0 && (
          <p className="checks-next-note muted small">
            {t('nextWithErrors', { count: errors, n: number.format(errors) })}
          </p>
        )}
        <button type="button" onClick={() => dispatch({ type: 'go', step: 'layout' })}>
          {common('next')}
        </button>
      </div>
    </div>
  );
}
