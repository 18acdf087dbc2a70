import { describe, expect, it } from 'vitest';
import {
  isWorkbookContentType,
  parseRelationships,
  relativeTarget,
  relsPartOf,
  resolveTarget,
  sourceOfRels,
  workbookPartOf,
} from '../../../../main/engine/import/package-parts.ts';

const OFFICE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';

describe('package parts', () => {
  it('finds the workbook part through _rels/.rels, relative or absolute', () => {
    const rels = (target: string) =>
      `<Relationships><Relationship Id="rId3" Type="${OFFICE}" Target="${target}"/></Relationships>`;
    expect(workbookPartOf(rels('xl/workbook2.xml'))).toBe('xl/workbook2.xml');
    expect(workbookPartOf(rels('/workbook.xml'))).toBe('workbook.xml');
    expect(workbookPartOf('<Relationships/>')).toBeUndefined();
    expect(workbookPartOf(undefined)).toBeUndefined();
  });

  it('reads relationships with entities and external targets', () => {
    expect(
      parseRelationships(
        '<Relationships><Relationship Id="r1" Type="t/hyperlink" Target="http://a.b/?x=1&amp;y=2" TargetMode="External"/></Relationships>',
      ),
    ).toEqual([{ id: 'r1', type: 't/hyperlink', target: 'http://a.b/?x=1&y=2', external: true }]);
  });

  it('resolves and relativises targets between parts', () => {
    expect(resolveTarget('xl/workbook.xml', 'worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolveTarget('xl/worksheets/sheet1.xml', '../drawings/drawing1.xml')).toBe(
      'xl/drawings/drawing1.xml',
    );
    expect(resolveTarget('xl/workbook.xml', '/xl/styles.xml')).toBe('xl/styles.xml');
    expect(relativeTarget('xl/workbook.xml', 'xl/worksheets/sheet1.xml')).toBe('worksheets/sheet1.xml');
    expect(relativeTarget('xl/worksheets/sheet1.xml', 'xl/drawings/drawing1.xml')).toBe(
      '../drawings/drawing1.xml',
    );
    expect(relativeTarget('', 'xl/workbook.xml')).toBe('xl/workbook.xml');
    expect(relsPartOf('workbook.xml')).toBe('_rels/workbook.xml.rels');
    expect(sourceOfRels('xl/_rels/workbook.xml.rels')).toBe('xl/workbook.xml');
    expect(sourceOfRels('_rels/.rels')).toBe('');
    expect(sourceOfRels('xl/styles.xml')).toBeUndefined();
  });

  it('tells a workbook part by its content type, override or default', () => {
    const main = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
    const macro = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';
    const word = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
    const types = (body: string) => `<Types>${body}</Types>`;
    expect(
      isWorkbookContentType(types(`<Override PartName="/xl/wb.xml" ContentType="${main}"/>`), 'xl/wb.xml'),
    ).toBe(true);
    expect(
      isWorkbookContentType(types(`<Override PartName="/book.xml" ContentType="${macro}"/>`), 'book.xml'),
    ).toBe(true);
    expect(isWorkbookContentType(types(`<Default Extension="xml" ContentType="${main}"/>`), 'x/y.xml')).toBe(
      true,
    );
    expect(
      isWorkbookContentType(
        types(`<Override PartName="/word/document.xml" ContentType="${word}"/>`),
        'word/document.xml',
      ),
    ).toBe(false);
    expect(isWorkbookContentType(undefined, 'xl/wb.xml')).toBe(false);
  });
});
