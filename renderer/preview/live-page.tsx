// One page of the catalog, live: what the Layout step shows beside its form. The last picture stays,
// dimmed and labelled, while the engine draws the next one.
import { useEffect, type ReactNode } from 'react';
import type { ChannelInput } from '../api/transport.ts';
import { ErrorBox } from '../components/error-box.tsx';
import { PdfPageCanvas } from './pdf-page-canvas.tsx';
import { usePagePreview } from './use-page-preview.ts';
import './live-page.css';

export function LivePage(props: {
  request: ChannelInput<'plan'> | undefined;
  page: number;
  width: number;
  /** "Page 1", in the user's words. */
  label: string;
  updatingLabel: string;
  waitingLabel: string;
  footer?: (pages: number | undefined) => ReactNode;
  /** Told once a page is on screen (the Layout step then draws its thumbnails). */
  onShown?: () => void;
  /** Told the catalog's page count whenever a drawn preview says it. */
  onPages?: (pages: number) => void;
}) {
  const { shown, updating, error, onDrawn } = usePagePreview(props.request, props.page);
  const { onShown, onPages } = props;
  useEffect(() => {
    if (shown) onShown?.();
  }, [shown, onShown]);
  useEffect(() => {
    if (shown?.pages !== undefined) onPages?.(shown.pages);
  }, [shown?.pages, onPages]);
  return (
    <figure className="live-page" aria-busy={updating}>
      <div className={`live-page-frame${updating ? ' updating' : ''}`} style={{ width: props.width }}>
        {shown ? (
          <PdfPageCanvas
            doc={shown.doc}
            index={1}
            width={props.width}
            label={props.label}
            onDrawn={onDrawn}
          />
        ) : (
          <div className="live-page-empty muted small" style={{ height: Math.round(props.width * 1.414) }}>
            {props.waitingLabel}
          </div>
        )}
        {updating && shown && (
          <span className="updating-label" role="status">
            {props.updatingLabel}
          </span>
        )}
      </div>
      {error && <ErrorBox error={error.payload} />}
      {props.footer && <figcaption>{props.footer(shown?.pages)}</figcaption>}
    </figure>
  );
}
