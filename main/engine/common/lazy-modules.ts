// The heavy packages, loaded the first time a stage needs them rather than when the process starts:
// `catalog --help`, `catalog validate` (whose parse runs in a worker) and the app's first screen do
// not pay for exceljs, pdfkit or sharp (about 0.4 s of start-up together on a 2-core machine).
// Node caches a module once loaded, so each call after the first is free.
export const loadSharp = async () => (await import('sharp')).default;
export const loadExcelJS = async () => (await import('exceljs')).default;
export const loadPdfKit = async () => (await import('pdfkit')).default;
