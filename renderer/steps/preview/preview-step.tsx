// Preview: the catalog's real pages as the engine draws them. The plan gives the page count, the
// page issues and the products on each page; the page in view is asked for alone, and redrawn
// shortly after each change while the old picture stays, dimmed. A click on a product opens its row
// in Checks; a row sent here from Checks (showRow) opens its page.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../../components/error-box.tsx';
import { PdfPageCanvas } from '../../preview/pdf-page-canvas.tsx';
import { usePagePreview } from '../../preview/use-page-preview.ts';
import { useApp, useWords } from '../../state/app-context.tsx';
import { planRequest } from '../../state/requests.ts';
import { issuesByRow, pageIssues, PX_PER_PT, withoutPage, ZOOMS } from './page-issues.ts';
import { usePlan } from './use-plan.ts';
import '../../preview/live-page.css';
import './preview.css';

/** The whole page in view, the page's width in view, or a share of its printed size. */
type Zoom = 'page' | 'fit' | (typeof ZOOMS)[number];

/** The viewer's size, followed as the window is resized (a fixed guess where it cannot be measured). */
function useSize(ref: React.RefObject<HTMLElement | null>, fallback: { width: number; height: number }) {
  const [size, setSize] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry && entry.contentRect.width > 0)
        setSize({ width: entry.contentRect.width, height: entry.contentRect.height });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

export function PreviewStep() {
  const { t } = useTranslation('preview');
  const { t: common } = useTranslation();
  const { state, dispatch, lang, locale } = useApp();
  const words = useWords();
  const { project } = state;
  const request = useMemo(
    () => (project.file ? planRequest(project, lang, locale) : undefined),
    [project, lang, locale],
  );
  const { plan, current, running, error: planError, retry } = usePlan(request);
  const pages = plan?.pages;
  const [page, setPage] = useState(1);
  const [typed, setTyped] = useState(String(page));
  const [zoom, setZoom] = useState<Zoom>('page');
  const viewer = useRef<HTMLDivElement>(null);
  const viewerSize = useSize(viewer, { width: 640, height: 640 });

  // A row sent from Checks: its page, once the plan says where each product lies.
  useEffect(() => {
    if (state.showRow === undefined || !plan) return;
    const index = plan.pageRows.findIndex((rows) => rows.includes(state.showRow!));
    if (index >= 0) setPage(index + 1);
    dispatch({ type: 'show-row' });
  }, [state.showRow, plan, dispatch]);
  // A shorter catalog after a change: stay on its last page.
  useEffect(() => {
    if (pages !== undefined && page > pages) setPage(Math.max(1, pages));
  }, [pages, page]);
  useEffect(() => setTyped(String(page)), [page]);

  const {
    shown,
    updating,
    error: pageError,
    onDrawn,
  } = usePagePreview(pages !== undefined && page > pages ? undefined : request, page);
  const go = (n: number) => setPage(Math.min(Math.max(1, n), pages ?? n));

  const pointWidth = plan?.width ?? 595;
  const ratio = pointWidth / (plan?.height ?? 842);
  // The viewer's padding (16 px each side) stays around the page.
  const fitWidth = Math.max(240, viewerSize.width - 32);
  const fitPage = Math.max(240, Math.min(fitWidth, (viewerSize.height - 32) * ratio));
  const width = Math.round(
    zoom === 'page' ? fitPage : zoom === 'fit' ? fitWidth : pointWidth * PX_PER_PT * (zoom / 100),
  );
  const scale = width / pointWidth;
  const byPage = plan ? pageIssues(plan.issues) : [];
  const otherIssues = plan ? plan.issues.filter((i) => i.page === undefined).length : 0;
  const shownPage = shown?.page;
  // Product areas only once the picture is the one the plan describes.
  const boxes = plan && current && !updating && shownPage ? (plan.pageBoxes[shownPage - 1] ?? []) : [];
  const rows = plan && shownPage ? (plan.pageRows[shownPage - 1] ?? []) : [];
  const openRow = (row: number) => {
    dispatch({ type: 'focus-row', row });
    dispatch({ type: 'go', step: 'checks' });
  };
  const busy = updating || running;

  return (
    <section className="preview-step" aria-labelledby="preview-title">
      <div className="preview-toolbar">
        <h1 id="preview-title">{t('title')}</h1>
        <nav className="preview-nav" aria-label={t('navigation')}>
          <button type="button" className="secondary" onClick={() => go(page - 1)} disabled={page <= 1}>
            <span aria-hidden="true">‹</span> {t('previous')}
          </button>
          <label className="preview-page-input">
            <span className="visually-hidden">{t('pageNumber')}</span>
            <input
              type="number"
              min={1}
              max={pages}
              value={typed}
              onChange={(e) => {
                setTyped(e.target.value);
                const n = Number(e.target.value);
                if (Number.isInteger(n) && n >= 1 && (pages === undefined || n <= pages)) setPage(n);
              }}
              onBlur={() => setTyped(String(page))}
            />
          </label>
          <span className="muted tabular">{pages !== undefined ? t('of', { pages }) : ''}</span>
          <button
            type="button"
            className="secondary"
            onClick={() => go(page + 1)}
            disabled={pages === undefined || page >= pages}
          >
            {t('next')} <span aria-hidden="true">›</span>
          </button>
        </nav>
        <label className="preview-zoom">
          <span>{t('zoom')}</span>
          <select
            value={String(zoom)}
            onChange={(e) => {
              const v = e.target.value;
              setZoom(v === 'page' || v === 'fit' ? v : (Number(v) as Zoom));
            }}
          >
            <option value="page">{t('fitPage')}</option>
            <option value="fit">{t('fitWidth')}</option>
            {ZOOMS.map((z) => (
              <option key={z} value={z}>
                {new Intl.NumberFormat(locale, { style: 'percent' }).format(z / 100)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {planError && <ErrorBox error={planError.payload} onRetry={retry} />}
      {pageError && !planError && <ErrorBox error={pageError.payload} />}

      <div className="preview-columns">
        <div className="preview-viewer" ref={viewer}>
          <div
            className={`preview-sheet${busy && shown ? ' updating' : ''}`}
            style={{ width }}
            aria-busy={busy}
          >
            {shown ? (
              <PdfPageCanvas
                doc={shown.doc}
                index={1}
                width={width}
                label={t('pageN', { n: shown.page })}
                onDrawn={onDrawn}
              />
            ) : (
              <div className="preview-empty muted" style={{ height: Math.round(width / ratio) }}>
                {t('drawing')}
              </div>
            )}
            {boxes.map((box) => (
              <button
                key={box.row}
                type="button"
                className="preview-product"
                style={{
                  left: box.x * scale,
                  top: box.y * scale,
                  width: box.width * scale,
                  height: box.height * scale,
                }}
                title={t('openRow', { row: box.row })}
                aria-label={t('openRow', { row: box.row })}
                tabIndex={-1}
                onClick={() => openRow(box.row)}
              />
            ))}
            {busy && shown && (
              <span className="updating-label" role="status">
                {t('updating')}
              </span>
            )}
          </div>
        </div>

        <aside className="preview-side">
          <section className="card" aria-labelledby="preview-products">
            <h2 id="preview-products">{t('products', { n: shownPage ?? page })}</h2>
            {rows.length === 0 ? (
              <p className="muted small">{t('noProducts')}</p>
            ) : (
              <ul className="preview-rows">
                {rows.map((row) => (
                  <li key={row}>
                    <button type="button" className="link" onClick={() => openRow(row)}>
                      {t('row', { row })}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <p className="muted small">{t('clickHint')}</p>
          </section>

          <section className="card" aria-labelledby="preview-issues">
            <h2 id="preview-issues">{t('issues')}</h2>
            {byPage.length === 0 ? (
              <p className="muted small">{plan ? t('noIssues') : common('working')}</p>
            ) : (
              <ol className="preview-issues">
                {byPage.map(({ page: p, issues }) => {
                  // The page in view lists all its issues; the others show a few and a count.
                  const listed = p === page ? issues : issues.slice(0, 2);
                  return (
                    <li key={p} className={p === page ? 'current' : undefined}>
                      <button type="button" className="preview-issue-page" onClick={() => go(p)}>
                        {t('pageN', { n: p })}
                        <span className="muted small">{t('issueCount', { count: issues.length })}</span>
                      </button>
                      <ul>
                        {issuesByRow(listed).map(({ row, issues: about }) => (
                          <li key={row ?? 'page'} className="preview-issue-row">
                            {row !== undefined && (
                              <button type="button" className="link" onClick={() => openRow(row)}>
                                {t('row', { row })}
                              </button>
                            )}
                            {about.map((issue, i) => (
                              <span key={i} className={`preview-issue ${issue.severity}`}>
                                <span className="visually-hidden">
                                  {t('severityPrefix', { severity: t(`severity.${issue.severity}`) })}
                                </span>
                                {withoutPage(words(issue.message))}
                              </span>
                            ))}
                          </li>
                        ))}
                        {listed.length < issues.length && (
                          <li className="muted small">
                            {t('moreOnPage', { count: issues.length - listed.length })}
                          </li>
                        )}
                      </ul>
                    </li>
                  );
                })}
              </ol>
            )}
            {otherIssues > 0 && <p className="muted small">{t('otherIssues', { count: otherIssues })}</p>}
          </section>
        </aside>
      </div>

      <div className="step-actions">
        <button type="button" className="secondary" onClick={() => dispatch({ type: 'go', step: 'layout' })}>
          {common('back')}
        </button>
        <button type="button" onClick={() => dispatch({ type: 'go', step: 'export' })}>
          {common('next')}
        </button>
      </div>
    </section>
  );
}
