// Words as poppler's pdftotext places them (`-bbox`): each word's box on its page, in points from the
// top-left corner, measured from the glyph advances the PDF itself gives — not from our layout.
import { execFile } from 'node:child_process';

export type PdfWord = { page: number; text: string; xMin: number; yMin: number; xMax: number; yMax: number };

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** Parses `pdftotext -bbox` output: one `<page>` per page, one `<word>` per word. */
export function parseBboxWords(html: string): PdfWord[] {
  const words: PdfWord[] = [];
  const pages = html.split(/<page\b/).slice(1);
  pages.forEach((body, i) => {
    for (const m of body.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
    ))
      words.push({
        page: i + 1,
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
        text: unescape(m[5]!),
      });
  });
  return words;
}

/** Every word of the PDF with its box (`pdftotext -bbox`, from poppler-utils). */
export function pdfWords(path: string): Promise<PdfWord[]> {
  return new Promise((resolve, reject) => {
    execFile(
      'pdftotext',
      ['-bbox', path, '-'],
      { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 120_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`pdftotext -bbox ${path}: ${error.message}\n${stderr}`));
        else resolve(parseBboxWords(stdout));
      },
    );
  });
}
