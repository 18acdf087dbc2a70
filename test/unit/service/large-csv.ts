// A price list big enough that a job's layout and PDF take seconds, so a test can stop it in the
// middle of either: several thousand products in forty families, each naming one of the sample
// pictures (decoded once each, as in a real catalog whose products share photos).
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SAMPLE_IMAGES = resolve('samples/images');
const PICTURES = ['BOU-M8.jpg', 'CAD-40.jpg', 'CHE-6.jpg', 'CLE-13.jpg', 'MAR-500.jpg', 'VIS-4x40.jpg'];

/** Writes `<dir>/<name>.csv` (UTF-8, `;`, decimal comma, as a French Excel saves it) with `rows` products. */
export function writeLargeCsv(dir: string, rows: number, name = 'tarif'): string {
  const lines = ['Réf.;Désignation;Description;Famille;Prix HT;Photo'];
  for (let i = 1; i <= rows; i++) {
    const price = `${(i % 97) + 1},${String(i % 100).padStart(2, '0')}`;
    lines.push(
      [
        `REF-${i}`,
        `Article ${i}`,
        `Acier zingué, usage intérieur et extérieur, lot ${i % 13}.`,
        `Famille ${(i % 40) + 1}`,
        price,
        PICTURES[i % PICTURES.length],
      ].join(';'),
    );
  }
  const file = join(dir, `${name}.csv`);
  writeFileSync(file, `${lines.join('\r\n')}\r\n`, 'utf8');
  return file;
}
