// Matches what a cell says ("VIS-4x40", "photos\\VIS-4x40.JPG") with the files of the images folder,
// the way a person would: any folder prefix, any case, any Unicode normalisation, extension optional.
const IMAGE_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.tif', '.tiff', '.webp', '.gif', '.psd', '.eps'];

export type ImageFolder = { dir: string; files: string[] };

// macOS hands out decomposed names (e + U+0300) where Excel keeps what was typed (è).
const key = (name: string) => name.normalize('NFC').toLowerCase();

function split(name: string): { stem: string; extension: string } {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? { stem: name.slice(0, dot), extension: name.slice(dot) } : { stem: name, extension: '' };
}

export function makeImageFinder(folder: ImageFolder): (name: string) => string | undefined {
  const byName = new Map<string, string>();
  const byStem = new Map<string, string>();
  for (const file of folder.files) {
    const lower = key(file);
    const { stem, extension } = split(lower);
    // Only pictures: a cell naming "notice.pdf" has no image to show.
    if (!IMAGE_EXTENSIONS.includes(extension)) continue;
    byName.set(lower, file);
    if (!byStem.has(stem)) byStem.set(stem, file);
  }
  return (name) => {
    const base = key(name.trim().split(/[\\/]/).pop()!);
    const { stem, extension } = split(base);
    // "VIS.jpg" when the designer saved "VIS.png": the same picture, another format.
    return (
      byName.get(base) ??
      byStem.get(base) ??
      (IMAGE_EXTENSIONS.includes(extension) ? byStem.get(stem) : undefined)
    );
  };
}
