// The chosen reseller's list as the batch will write it, a page at a time (`gridPreview` draws the
// pages asked for as a screen PDF). The last picture stays, dimmed, while the next one is drawn.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelInput } from '../../api/transport.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { PdfPageCanvas } from '../../preview/pdf-page-canvas.tsx';
import { openPdf, type PdfDocument } from '../../preview/pdf-js.ts';
import { useJob } from '../../state/use-job.ts';

type Shown = { doc: PdfDocument; key: string; pages: number };

/** CSS pixels: a page readable beside the list on a laptop screen. */
const WIDTH = 484;

export function ResellerPreview(props: {
  name?: string;
  request: (page: number) => ChannelInput<'gridPreview'> | undefined;
}) {
  const { t } = useTranslation('resellers');
  const job = useJob('gridPreview');
  const run = job.run;
  // The page turned to, for the reseller it was turned for: another reseller starts at page 1.
  const [at, setAt] = useState<{ name?: string; page: number }>({ page: 1 });
  const page = at.name === props.name ? at.page : 1;
  const setPage = (n: number) => setAt({ name: props.name, page: n });
  const [shown, setShown] = useState<Shown>();
  const held = useRef<PdfDocument | undefined>(undefined);
  const request = props.request(page);
  const key = request ? JSON.stringify(request) : '';
  const [drawn, setDrawn] = useState<PdfDocument>();

  useEffect(() => {
    if (!key) return;
    let live = true;
    void (async () => {
      const answer = await run(JSON.parse(key) as ChannelInput<'gridPreview'>);
      if (!answer || !live) return;
      const doc = await openPdf(answer.pdf);
      if (!live) return doc.destroy();
      held.current?.destroy();
      held.current = doc;
      setShown({ doc, key, pages: answer.pages });
    })();
    return () => {
      live = false;
    };
  }, [key, run]);

  useEffect(() => () => held.current?.destroy(), []);

  const pages = shown?.pages;
  const updating = Boolean(key) && (job.running || !shown || shown.key !== key || drawn !== shown.doc);
  const ratio = shown?.doc.ratio ?? 595 / 842;

  return (
    <section className="card reseller-preview" aria-labelledby="reseller-preview-title">
      <div className="reseller-preview-head">
        <h2 id="reseller-preview-title">
          {props.name ? t('preview.title', { name: props.name }) : t('preview.choose')}
        </h2>
        {props.name && pages !== undefined && pages > 1 && (
          <nav className="reseller-preview-nav" aria-label={t('preview.navigation')}>
            <button
              type="button"
              className="secondary"
              onClick={() => setPage(page - 1)}
              disabled={page <= 1}
              aria-label={t('preview.previous')}
            >
              ‹
            </button>
            <span className="tabular small">{t('preview.of', { n: page, pages })}</span>
            <button
              type="button"
              className="secondary"
              onClick={() => setPage(page + 1)}
              disabled={page >= pages}
              aria-label={t('preview.next')}
            >
              ›
            </button>
          </nav>
        )}
      </div>
      {job.error && <ErrorBox error={job.error.payload} />}
      {props.name && (
        <div className={`reseller-sheet${updating && shown ? ' updating' : ''}`} aria-busy={updating}>
          {shown ? (
            <PdfPageCanvas
              doc={shown.doc}
              index={1}
              width={WIDTH}
              label={t('preview.page', { n: page, name: props.name })}
              onDrawn={setDrawn}
            />
          ) : (
            <div
              className="reseller-sheet-empty muted"
              style={{ width: WIDTH, height: Math.round(WIDTH / ratio) }}
            >
              {job.error ? '' : t('preview.drawing')}
            </div>
          )}
          {updating && shown && (
            <span className="reseller-sheet-updating" role="status">
              {t('preview.updating')}
            </span>
          )}
        </div>
      )}
    </section>
  );
}
