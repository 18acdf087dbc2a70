// The pictures placed on a sheet, as the whole-file reader gives them: the sheet's `<drawing>` part
// (through the sheet's relationships), each anchor's top-left cell, and the bytes of the picture its
// `<a:blip r:embed>` names (through the drawing's relationships). Only for the sheet kept.
import type { EmbeddedImage } from '../model.ts';
import { parseRelationships, relsPartOf, resolveTarget } from './package-parts.ts';
import { partText, streamXml } from './xlsx-parts.ts';
import { attrOf, type XmlHandler } from './xml-tokens.ts';
import type { ZipEntries } from './zip-entries.ts';

type Anchor = { row: number; col: number; embed?: string };

/** The id of an attribute in the relationships namespace (`r:embed`, `r:id`), whatever its prefix. */
function relAttr(tag: string, local: string): string | undefined {
  const m = new RegExp(`\\s[\\w.-]+:${local}\\s*=\\s*"([^"]*)"`).exec(tag);
  return m?.[1];
}

async function anchorsOf(zip: ZipEntries, drawing: string): Promise<Anchor[]> {
  const anchors: Anchor[] = [];
  let anchor: Anchor | undefined;
  let inFrom = false;
  let field: 'row' | 'col' | undefined;
  let text = '';
  const handler: XmlHandler = {
    capturing: false,
    open(name, tag) {
      if (name === 'oneCellAnchor' || name === 'twoCellAnchor') anchor = { row: 0, col: 0 };
      else if (name === 'from') inFrom = true;
      else if (inFrom && (name === 'row' || name === 'col')) {
        field = name;
        text = '';
        handler.capturing = true;
      } else if (name === 'blip' && anchor) anchor.embed ??= relAttr(tag, 'embed') ?? attrOf(tag, 'r:embed');
    },
    close(name) {
      if (name === 'from') inFrom = false;
      else if (field && name === field && anchor) {
        anchor[field] = Number(text.trim()) || 0;
        field = undefined;
        handler.capturing = false;
      } else if ((name === 'oneCellAnchor' || name === 'twoCellAnchor') && anchor) {
        anchors.push(anchor);
        anchor = undefined;
      }
    },
    text(piece) {
      text += piece;
    },
  };
  await streamXml(zip, drawing, handler);
  return anchors;
}

async function bytesOf(zip: ZipEntries, part: string): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Uint8Array[] = [];
  await zip.stream(part, (bytes) => chunks.push(bytes));
  return new Uint8Array(Buffer.concat(chunks));
}

export async function readSheetImages(
  zip: ZipEntries,
  sheetPart: string,
  drawingId: string | undefined,
): Promise<EmbeddedImage[]> {
  if (drawingId === undefined) return [];
  const sheetRels = parseRelationships((await partText(zip, relsPartOf(sheetPart))) ?? '');
  const target = sheetRels.find((r) => r.id === drawingId && !r.external)?.target;
  const drawing = target === undefined ? undefined : resolveTarget(sheetPart, target);
  if (!drawing || !zip.names.has(drawing)) return [];
  const drawingRels = parseRelationships((await partText(zip, relsPartOf(drawing))) ?? '');
  const media = new Map(
    drawingRels.filter((r) => !r.external).map((r) => [r.id, resolveTarget(drawing, r.target)]),
  );
  const read = new Map<string, Uint8Array<ArrayBuffer>>();
  const images: EmbeddedImage[] = [];
  for (const { row, col, embed } of await anchorsOf(zip, drawing)) {
    const part = embed === undefined ? undefined : media.get(embed);
    const dot = part?.lastIndexOf('.') ?? -1;
    if (!part || !zip.names.has(part) || dot < 0) continue;
    let bytes = read.get(part);
    if (!bytes) read.set(part, (bytes = await bytesOf(zip, part)));
    images.push({ row: row + 1, column: col, extension: part.slice(dot + 1), bytes });
  }
  return images;
}
