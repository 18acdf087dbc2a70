// Some header words mean one thing in one language and another elsewhere: "Nombre" is the name in
// Spanish and a count in French. Such a word is read as a field only when the sheet's other headers
// are in that language, so a French "Nombre" (of pieces) never becomes the product's name.
import { foldForMatch } from '../values/normalize-text.ts';

/** Header words only a Spanish sheet uses (folded: no accents). */
const SPANISH = new Set([
  'precio',
  'precios',
  'descripcion',
  'codigo',
  'categoria',
  'imagen',
  'marca',
  'cantidad',
  'talla',
  'existencias',
  'referencia',
  'unidad',
  'producto',
  'productos',
  'articulo',
  'familia',
  'proveedor',
  'iva',
]);
/** Two such headers make a Spanish sheet: one could be a loan word. */
const ENOUGH = 2;

/** Extra synonyms, by field id, that the sheet's language makes safe. */
export const languageSynonyms = (headers: readonly string[]): Record<string, string[]> => {
  const spanish = headers.filter((header) =>
    foldForMatch(header)
      .split(' ')
      .some((word) => SPANISH.has(word)),
  ).length;
  return spanish >= ENOUGH ? { name: ['nombre'] } : {};
};
