// Which styles and swatches a tagged-text flow uses, in order of first use, so the file defines each
// exactly once, before the text, and defines nothing it does not use.
import { CatalogError } from '../../errors.ts';
import type { TextRun } from '../../model.ts';
import type { CharacterStyle, Cmyk, ParagraphStyle } from '../../templates/layout-schema.ts';
import type { ResolvedStyles } from '../../templates/resolve-styles.ts';
import { escapeTagValue, escapeText } from './escape-tagged-text.ts';
import {
  colorTable,
  defineCellStyle,
  defineCharacterStyle,
  defineParagraphStyle,
  defineTableStyle,
  swatchName,
  type CellStyleSpec,
} from './style-definitions.ts';

const missingStyle = (template: string, role: string) =>
  new CatalogError('TEMPLATE_STYLE_MISSING', {
    fr: `Le modèle « ${template} » utilise le style de paragraphe « ${role} », qu'il ne définit pas.`,
    en: `The template "${template}" uses the paragraph style "${role}", which it does not define.`,
  });

const RICH_ROLES = ['bold', 'italic', 'boldItalic'] as const;

export class StyleUse {
  /** By InDesign name: two roles given the same name by a template are one InDesign style. */
  private readonly paragraphs = new Map<string, ParagraphStyle>();
  /** Distinct by swatch name, in order of first use: the colour table lists each once anyway. */
  private readonly fills = new Map<string, Cmyk>();
  /** By role: tags and names written on every paragraph or run, escaped once, not 100,000 times. */
  private readonly tags = new Map<string, string>();
  private readonly charNames = new Map<CharacterStyle, string>();
  /** Cell and table style definitions by name, in order of first use (the first use of a name wins). */
  private readonly cellStyles = new Map<string, string>();
  private readonly tableStyles = new Map<string, string>();

  constructor(
    private readonly styles: ResolvedStyles,
    private readonly template: string,
  ) {}

  /** The style a role stands for, as defined in the file (the first role to use its name wins). */
  paragraph(role: string): ParagraphStyle {
    const style = this.styles.paragraph[role];
    if (!style) throw missingStyle(this.template, role);
    const defined = this.paragraphs.get(style.name);
    if (defined) return defined;
    this.paragraphs.set(style.name, style);
    return style;
  }

  /** `<ParaStyle:Name>`, the tag that starts a paragraph (or a table cell's paragraph) in that style. */
  paraStyleTag(role: string): string {
    // Looked up every time: the first use of a role is what puts its style in the file.
    const style = this.paragraph(role);
    let tag = this.tags.get(role);
    if (tag === undefined) this.tags.set(role, (tag = `<ParaStyle:${escapeTagValue(style.name)}>`));
    return tag;
  }

  /** Whether a paragraph style of that InDesign name is used (hence defined) already. */
  uses(name: string): boolean {
    return this.paragraphs.has(name);
  }

  /** A swatch for a cell fill; the colour table lists it. */
  fill(color: Cmyk): string {
    const name = swatchName(color);
    if (!this.fills.has(name)) this.fills.set(name, color);
    return escapeTagValue(name);
  }

  /**
   * A cell style, by name: defined in the file (once, from its first use) and its name, escaped, to
   * apply with `<CellStyle:…>`. Its fill goes in the colour table.
   */
  cellStyle(name: string, spec: CellStyleSpec): string {
    if (!this.cellStyles.has(name)) {
      if (spec.fill) this.fill(spec.fill);
      this.cellStyles.set(name, defineCellStyle(name, spec));
    }
    return escapeTagValue(name);
  }

  /** A table style naming its header rows' cell style, defined once; its name, escaped, for `<TableStyle:…>`. */
  tableStyle(name: string, headerCellStyle: string): string {
    if (!this.tableStyles.has(name)) this.tableStyles.set(name, defineTableStyle(name, headerCellStyle));
    return escapeTagValue(name);
  }

  /** Rich runs as text, bold and italic runs in the template's character styles. */
  runs(runs: TextRun[]): string {
    let out = '';
    for (const run of runs) {
      const text = escapeText(run.text);
      const style = this.richStyle(run);
      out += style && text ? `<CharStyle:${this.charName(style)}>${text}<CharStyle:>` : text;
    }
    return out;
  }

  private charName(style: CharacterStyle): string {
    let name = this.charNames.get(style);
    if (name === undefined) this.charNames.set(style, (name = escapeTagValue(style.name)));
    return name;
  }

  private richStyle(run: TextRun): CharacterStyle | undefined {
    if (run.bold && run.italic) return this.styles.character.boldItalic;
    if (run.bold) return this.styles.character.bold;
    if (run.italic) return this.styles.character.italic;
    return undefined;
  }

  /**
   * The colour table (styles name its swatches), then one line per style: the three character styles
   * rich text maps to — always, so the designer finds them even in a file without rich text — then
   * the paragraph styles in order of first use, then the cell styles (which name paragraph styles)
   * and the table styles (which name cell styles), each after what it refers to.
   */
  definitions(): { colorTable: string; styles: string[] } {
    const character = RICH_ROLES.flatMap((role) => this.styles.character[role] ?? []);
    const paragraph = [...this.paragraphs.values()];
    const colors = [
      ...character.flatMap((s) => (s.color ? [s.color] : [])),
      ...paragraph.map((s) => s.color),
      ...this.fills.values(),
    ];
    const seen = new Set<string>();
    const characterLines = character
      .filter((s) => !seen.has(s.name) && seen.add(s.name))
      .map(defineCharacterStyle);
    return {
      colorTable: colorTable(colors),
      styles: [
        ...characterLines,
        ...paragraph.map(defineParagraphStyle),
        ...this.cellStyles.values(),
        ...this.tableStyles.values(),
      ],
    };
  }
}
