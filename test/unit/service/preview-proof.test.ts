// The app's preview shows what a build would print: while validation errors remain, a build can only
// be forced, and a forced build is a proof — so the previewed pages carry the proof's watermark; once
// the sheet is clean they do not.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../../main/service/index.ts';
import { tempDir } from '../../fixtures/workbooks.ts';

const dir = tempDir('catalog-preview-proof-');

/** The preview's text in drawing order, spaces removed: the diagonal watermark reads as one word. */
async function previewText(file: string, lang: 'fr' | 'en', from: number): Promise<string> {
  const preview = await call('preview', { file, template: 'product-grid', lang, from });
  if (!preview.ok) throw new Error(preview.error.message.en);
  const pdf = join(dir, `${lang}-${from}-${file.replace(/\W/g, '_')}.pdf`);
  writeFileSync(pdf, preview.value.pdf);
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-']).toString('utf8').replace(/\s+/g, '');
}

describe('the preview of a sheet with errors', () => {
  it('shows the proof watermark, in the user’s language', async () => {
    expect(await previewText('samples/quincaillerie-tarif-2026.xlsx', 'fr', 3)).toContain('ÉPREUVE—5erreurs');
    expect(await previewText('samples/quincaillerie-tarif-2026.xlsx', 'en', 1)).toContain('PROOF—5errors');
  });

  it('shows none once the sheet is clean', async () => {
    const text = await previewText('samples/quincaillerie-tarif-2026-corrige.xlsx', 'fr', 3);
    expect(text).toContain('Visserie');
    expect(text).not.toMatch(/ÉPREUVE|PROOF/);
  });
});
