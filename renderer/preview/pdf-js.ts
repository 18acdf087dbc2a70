// The one door to pdf.js: open the engine's preview bytes and draw a page into a canvas. Kept this
// small so component tests can replace it (jsdom has no canvas to draw in) and the screens' logic —
// which pages to ask for, what to keep on screen — is tested without it.
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

// The worker is served from the app's own origin: the CSP allows worker-src 'self' blob: only.
GlobalWorkerOptions.workerSrc = workerUrl;

export type PdfDocument = {
  /** Pages in these bytes (a preview holds only the pages asked for). */
  pages: number;
  /** Width ÷ height of a page, for laying out its box before it is drawn. */
  ratio: number;
  /**
   * Draws page `index` (1-based within these bytes) at `cssWidth` CSS pixels wide into `canvas`. It
   * paints off screen first and copies the result at once — only if `still()` says the canvas still
   * wants this page — so the old picture stays until the new one is whole. True when copied.
   */
  draw(index: number, canvas: HTMLCanvasElement, cssWidth: number, still?: () => boolean): Promise<boolean>;
  /** A small picture of a page, as a data URL an <img> can show (template thumbnails). */
  snapshot(index: number, cssWidth: number): Promise<string>;
  destroy(): void;
};

async function paint(doc: PDFDocumentProxy, index: number, cssWidth: number): Promise<HTMLCanvasElement> {
  const page = await doc.getPage(index);
  const unscaled = page.getViewport({ scale: 1 });
  const pixelRatio = globalThis.devicePixelRatio || 1;
  const viewport = page.getViewport({ scale: (cssWidth / unscaled.width) * pixelRatio });
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(viewport.width);
  canvas.height = Math.ceil(viewport.height);
  await page.render({ canvas, viewport }).promise;
  return canvas;
}

export async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const doc = await getDocument({ data: bytes.slice() }).promise;
  const first = await doc.getPage(1);
  const { width, height } = first.getViewport({ scale: 1 });
  return {
    pages: doc.numPages,
    ratio: width / height,
    async draw(index, canvas, cssWidth, still = () => true) {
      const drawn = await paint(doc, index, cssWidth);
      if (!still()) return false;
      canvas.width = drawn.width;
      canvas.height = drawn.height;
      canvas.getContext('2d')?.drawImage(drawn, 0, 0);
      return true;
    },
    async snapshot(index, cssWidth) {
      return (await paint(doc, index, cssWidth)).toDataURL('image/png');
    },
    destroy() {
      void doc.destroy();
    },
  };
}
