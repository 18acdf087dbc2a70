// `inspect`'s account of the row roles, compact: a count per role, then every row that is not a
// plain product with the reason it was read so (variants: the first few), so a user can see at a
// glance why « Sous-total » is missing from the catalog or why a size row joined its product.
import type { Lang, RowDecision, RowRole, SourceTable } from '../api/index.ts';

const ROLE: Record<RowRole, [string, string, string, string]> = {
  title: ['titre', 'titres', 'title', 'titles'],
  header: ['en-tête', 'en-têtes', 'header', 'headers'],
  product: ['produit', 'produits', 'product', 'products'],
  variant: ['variante', 'variantes', 'variant', 'variants'],
  category: ['famille', 'familles', 'category', 'categories'],
  note: ['note', 'notes', 'note', 'notes'],
  total: ['total', 'totaux', 'total', 'totals'],
  blank: ['vide', 'vides', 'blank', 'blank'],
};
const ORDER: RowRole[] = ['title', 'header', 'category', 'product', 'variant', 'note', 'total'];
const VARIANTS_SHOWN = 5;

const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));

export function rowRoleLines(table: SourceTable, lang: Lang): string[] {
  const fr = lang === 'fr';
  const word = (role: RowRole, count: number) => {
    const [one, many, enOne, enMany] = ROLE[role];
    return fr ? (count > 1 ? many : one) : count === 1 ? enOne : enMany;
  };
  const counts = ORDER.map((role) => [role, table.roles.filter((d) => d.role === role).length] as const)
    .filter(([, count]) => count > 0)
    .map(([role, count]) => `${count} ${word(role, count)}`);
  const lines = [fr ? `Rôles des lignes : ${counts.join(', ')}` : `Row roles: ${counts.join(', ')}`];
  if (table.headerless)
    lines.push(
      fr
        ? '  pas de ligne d’en-têtes : la première ligne est déjà un produit'
        : '  no header row: the first row is already a product',
    );
  if (table.matrix)
    lines.push(
      fr
        ? `  grille de prix : quantités en colonne ${table.matrix.quantityColumn}, variantes : ${table.matrix.variants.join(', ')}`
        : `  price matrix: quantities down column ${table.matrix.quantityColumn}, variants: ${table.matrix.variants.join(', ')}`,
    );
  const shown: RowDecision[] = [];
  let variants = 0;
  for (const d of table.roles) {
    if (d.role === 'product') continue;
    if (d.role === 'variant' && ++variants > VARIANTS_SHOWN) continue;
    shown.push(d);
  }
  for (const d of shown) {
    const role = word(d.role, 1) + (d.parent !== undefined ? ` → ${d.parent}` : '');
    lines.push(
      `  ${String(d.row).padStart(5)}  ${pad(role, 16)} ${pad(d.text ?? '', 48)}  ${d.reason[lang]}`,
    );
  }
  if (variants > VARIANTS_SHOWN) {
    const more = variants - VARIANTS_SHOWN;
    lines.push(fr ? `         … et ${more} autre(s) variante(s)` : `         … and ${more} more variant(s)`);
  }
  return lines;
}
