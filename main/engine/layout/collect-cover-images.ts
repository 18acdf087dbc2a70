// The cover's logo and picture, read before layout as the products' pictures are (layout is pure).
// A picture that cannot be read is left out: the cover then shows its accent colour, or no logo.
import { isAbsolute, resolve } from 'node:path';
import { loadSharp } from '../common/lazy-modules.ts';
import type { Layout } from '../templates/layout-schema.ts';
import { COVER_IMAGE, COVER_LOGO } from './cover-keys.ts';
import type { ResolvedImage, ResolvedImages } from './resolved-images.ts';

export async function collectCoverImages(cover: Layout['cover']): Promise<ResolvedImages> {
  const images: ResolvedImages = {};
  for (const [key, path] of [
    [COVER_LOGO, cover?.logo],
    [COVER_IMAGE, cover?.image],
  ] as const) {
    const read = path ? await readPicture(path) : undefined;
    if (read) images[key] = read;
  }
  return images;
}

async function readPicture(path: string): Promise<ResolvedImage | undefined> {
  try {
    const sharp = await loadSharp();
    const meta = await sharp(path).metadata();
    if (!meta.width || !meta.height) return undefined;
    const turned = (meta.orientation ?? 1) >= 5;
    return {
      source: { path },
      pixels: turned
        ? { width: meta.height, height: meta.width }
        : { width: meta.width, height: meta.height },
      space: meta.space ?? 'srgb',
    };
  } catch {
    return undefined;
  }
}

/** The cover's picture paths made absolute from the folder of the template (or project) naming them. */
export function coverPathsFrom<L extends { cover?: Layout['cover'] } | undefined>(layout: L, dir: string): L {
  const cover = layout?.cover;
  if (!layout || !cover || (!cover.logo && !cover.image)) return layout;
  const from = (p: string | undefined) => (p === undefined || isAbsolute(p) ? p : resolve(dir, p));
  const logo = from(cover.logo);
  const image = from(cover.image);
  return {
    ...layout,
    cover: { ...cover, ...(logo ? { logo } : {}), ...(image ? { image } : {}) },
  };
}
