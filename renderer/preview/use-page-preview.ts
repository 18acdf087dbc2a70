// A page of the catalog as the engine draws it, kept up to date with the project: asked for at once
// when the page changes, shortly after the settings change (a debounce, so typing does not start a
// job per key), and the previous picture kept until the new one is drawn — the user never looks at
// an empty frame while the engine works.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChannelInput } from '../api/transport.ts';
import { useJob } from '../state/use-job.ts';
import { openPdf, type PdfDocument } from './pdf-js.ts';

export type ShownPage = {
  doc: PdfDocument;
  /** The catalog's page number the document holds. */
  page: number;
  /** The request it was drawn from. */
  key: string;
  /** The catalog's page count when it was drawn. */
  pages: number;
};

/** Pages kept for going back and forth without asking the engine again. */
const KEEP = 12;

export function usePagePreview(
  request: ChannelInput<'plan'> | undefined,
  page: number,
  options: { delayMs?: number } = {},
) {
  const delayMs = options.delayMs ?? 400;
  const job = useJob('preview');
  const run = job.run;
  const key = request ? JSON.stringify(request) : '';
  const [shown, setShown] = useState<ShownPage>();
  const [drawn, setDrawn] = useState<PdfDocument>();
  const cache = useRef(new Map<string, ShownPage>());
  const lastKey = useRef<string | undefined>(undefined);
  const requestRef = useRef(request);
  requestRef.current = request;

  const show = useCallback((next: ShownPage) => {
    // Pages of an older request will not be shown again: let pdf.js free them.
    for (const [id, entry] of cache.current)
      if (entry.key !== next.key && entry.doc !== next.doc) {
        entry.doc.destroy();
        cache.current.delete(id);
      }
    setShown(next);
  }, []);

  useEffect(() => {
    const current = requestRef.current;
    if (!current || page < 1) return;
    const id = `${page}#${key}`;
    const hit = cache.current.get(id);
    if (hit) {
      show(hit);
      return;
    }
    const changed = lastKey.current !== undefined && lastKey.current !== key;
    lastKey.current = key;
    let live = true;
    const timer = setTimeout(
      () =>
        void (async () => {
          const answer = await run({ ...current, from: page, to: page });
          if (!answer || !live) return;
          const doc = await openPdf(answer.pdf);
          if (!live) return doc.destroy();
          const entry = { doc, page, key, pages: answer.pages };
          cache.current.set(id, entry);
          while (cache.current.size > KEEP) {
            const [oldest, old] = cache.current.entries().next().value!;
            cache.current.delete(oldest);
            if (old.doc !== doc) old.doc.destroy();
          }
          show(entry);
        })(),
      changed ? delayMs : 0,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key, page, delayMs, run, show]);

  useEffect(
    () => () => {
      for (const entry of cache.current.values()) entry.doc.destroy();
      cache.current.clear();
    },
    [],
  );

  const onDrawn = useCallback((doc: PdfDocument) => setDrawn(doc), []);
  const stale = !shown || shown.key !== key || shown.page !== page || drawn !== shown.doc;
  const updating = Boolean(request) && (job.running || (stale && !job.error));
  return { shown, updating, error: job.error, onDrawn };
}
