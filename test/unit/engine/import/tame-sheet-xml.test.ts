import { describe, expect, it } from 'vitest';
import { parseRange, sqrefCells, tameSheetXml } from '../../../../main/engine/import/tame-sheet-xml.ts';

const sheet = (tail: string, rows = 3, cols = 'D') =>
  '<worksheet><sheetData>' +
  Array.from(
    { length: rows },
    (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"/><c r="${cols}${i + 1}"/></row>`,
  ).join('') +
  `</sheetData>${tail}</worksheet>`;

describe('parseRange and sqrefCells', () => {
  it('reads cells, ranges, whole columns and whole rows, with or without $', () => {
    expect(parseRange('B3')).toEqual({ top: 3, left: 2, bottom: 3, right: 2 });
    expect(parseRange('$A$1:$C$10')).toEqual({ top: 1, left: 1, bottom: 10, right: 3 });
    expect(parseRange('C:A')).toEqual({ top: 1, left: 1, bottom: 1_048_576, right: 3 });
    expect(parseRange('2:4')).toEqual({ top: 2, left: 1, bottom: 4, right: 16_384 });
    expect(parseRange('nonsense!')).toBeUndefined();
  });

  it('adds up a list of ranges, and counts an unreadable one as huge', () => {
    expect(sqrefCells('A1:B2 D4')).toBe(5);
    expect(sqrefCells('A1:XFD1048576')).toBe(16_384 * 1_048_576);
    expect(sqrefCells('A1 ???')).toBeGreaterThan(1e9);
  });
});

describe('tameSheetXml', () => {
  it('returns the very same text when nothing would explode', () => {
    const xml = sheet(
      '<mergeCells count="1"><mergeCell ref="A2:D2"/></mergeCells>' +
        '<dataValidations count="1"><dataValidation type="list" sqref="C2:C500"><formula1>"a,b"</formula1></dataValidation></dataValidations>',
    );
    const tamed = tameSheetXml(xml);
    expect(tamed.changes).toEqual([]);
    expect(tamed.xml).toBe(xml);
  });

  it('drops a whole-sheet validation and keeps the small ones', () => {
    const small = '<dataValidation type="list" sqref="C2:C500"><formula1>"a,b"</formula1></dataValidation>';
    const huge =
      '<dataValidation type="list" allowBlank="1" sqref="A1:XFD1048576"><formula1>"Oui,Non"</formula1></dataValidation>';
    const tamed = tameSheetXml(sheet(`<dataValidations count="2">${huge}${small}</dataValidations>`));
    expect(tamed.xml).toContain(`<dataValidations count="1">${small}</dataValidations>`);
    expect(tamed.xml).not.toContain('XFD1048576');
    const alone = tameSheetXml(sheet(`<dataValidations count="1">${huge}</dataValidations><pageMargins/>`));
    expect(alone.xml).toBe(sheet('<pageMargins/>'));
  });

  it('drops conditional formats over whole columns, in the sheet and in its x14 extension', () => {
    const tamed = tameSheetXml(
      sheet(
        '<conditionalFormatting sqref="A:D"><cfRule type="colorScale" priority="1"/></conditionalFormatting>' +
          '<conditionalFormatting sqref="A1:A3"><cfRule type="colorScale" priority="2"/></conditionalFormatting>' +
          '<extLst><ext><x14:conditionalFormattings><x14:conditionalFormatting><x14:cfRule/><xm:sqref>A1:XFD1048576</xm:sqref>' +
          '</x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>',
      ),
    );
    expect(tamed.changes).toEqual(['conditionalFormatting', 'x14:conditionalFormatting']);
    expect(tamed.xml).toContain('sqref="A1:A3"');
    expect(tamed.xml).not.toContain('sqref="A:D"');
    expect(tamed.xml).not.toContain('XFD1048576');
  });

  it('clips absurd merges to the used range, drops those outside it, and leaves the rest alone', () => {
    const tamed = tameSheetXml(
      sheet(
        '<mergeCells count="4"><mergeCell ref="A2:D2"/><mergeCell ref="B3:C1048576"/>' +
          '<mergeCell ref="F1:F1048576"/><mergeCell ref="A1:XFD1"/></mergeCells>',
        12,
      ),
    );
    expect(tamed.xml).toContain(
      '<mergeCells count="3"><mergeCell ref="A2:D2"/><mergeCell ref="B3:C12"/><mergeCell ref="A1:D1"/></mergeCells>',
    );
  });

  it('leaves many ordinary merges alone, even across the whole width', () => {
    const merges = Array.from({ length: 5 }, (_, i) => `<mergeCell ref="A${i + 1}:XFD${i + 1}"/>`).join('');
    expect(tameSheetXml(sheet(`<mergeCells count="5">${merges}</mergeCells>`)).changes).toEqual([]);
  });
});
