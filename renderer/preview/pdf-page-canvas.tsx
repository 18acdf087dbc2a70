// One preview page on screen. The canvas keeps its last picture while the next is painted (see
// PdfDocument.draw), which is what lets a refreshed preview replace its pages without a blank flash.
import { useEffect, useRef } from 'react';
import type { PdfDocument } from './pdf-js.ts';

/** Counts the pictures copied to any canvas: each one gets a new `data-drawn` value. */
let draws = 0;

export function PdfPageCanvas(props: {
  doc: PdfDocument;
  /** 1-based within the document's bytes. */
  index: number;
  /** CSS pixels. */
  width: number;
  label: string;
  className?: string;
  onDrawn?: (doc: PdfDocument) => void;
}) {
  const { doc, index, width, onDrawn } = props;
  const ref = useRef<HTMLCanvasElement>(null);
  const drawn = useRef(onDrawn);
  drawn.current = onDrawn;
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas || width <= 0) return;
    let current = true;
    doc
      .draw(index, canvas, width, () => current)
      .then((copied) => {
        if (!copied || !current) return;
        // Says on the element that a picture is on screen, and which: what the UI benchmark and the
        // end-to-end tests wait for (pdf.js paints asynchronously; nothing else in the DOM changes).
        canvas.dataset.drawn = `${index}:${++draws}`;
        drawn.current?.(doc);
      })
      // A document destroyed mid-paint (a newer preview arrived): nothing to show from it.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [doc, index, width]);
  return (
    <canvas
      ref={ref}
      className={props.className}
      style={{ width: `${width}px`, height: `${Math.round(width / doc.ratio)}px` }}
      role="img"
      aria-label={props.label}
    />
  );
}
