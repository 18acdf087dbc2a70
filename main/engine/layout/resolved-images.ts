// The pictures a layout places, read by the caller before layout (which is pure and reads no file):
// a plain record, so a layout can run in a worker or be asked for over IPC with its pictures along.
import type { CatalogItem, FieldValue } from '../model.ts';
import type { EdgeColour } from './edge-colour.ts';
import type { ImageSource } from './layout-plan.ts';

export type ResolvedImage = {
  source: ImageSource;
  /** As placed: a picture its EXIF turns a quarter has its width and height swapped. */
  pixels: { width: number; height: number };
  /** libvips's colour space ('srgb', 'cmyk', 'b-w'…): preflight tells of RGB pictures in print. */
  space?: string;
  /** Its border's flat colour, read only for a template whose frames take it (`image.background: 'edge'`). */
  edge?: EdgeColour;
};

/**
 * Every picture that could be read, under its `imageKey`. One missing is a picture that cannot be
 * read: layout draws its placeholder and preflight reports it. Pictures met twice (one file named
 * by several products) share one entry object, so the PDF embeds them once.
 */
export type ResolvedImages = Record<string, ResolvedImage>;

/**
 * A picture's key: its file's path, or `embedded:<row>:<index>` for one anchored in the sheet (the
 * product's row and its index in `item.images`). Undefined for a value naming no picture.
 */
export function imageKey(item: CatalogItem, value: FieldValue & { kind: 'image' }): string | undefined {
  if (value.embedded !== undefined) return `embedded:${item.row}:${value.embedded}`;
  return value.path;
}

export function findImage(
  images: ResolvedImages,
  item: CatalogItem,
  value: FieldValue & { kind: 'image' },
): ResolvedImage | undefined {
  const key = imageKey(item, value);
  // Own keys only: a path is the user's text, and must never read `constructor` off the prototype.
  return key !== undefined && Object.hasOwn(images, key) ? images[key] : undefined;
}
