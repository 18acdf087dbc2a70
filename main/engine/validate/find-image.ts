// Matches what a cell says ("VIS-4x40", "photos\\VIS-4x40.JPG", "laiton/bouchon.png") with the
// files of the images folder, the way a person would: the cell's subfolders when the folder has
// them, else the file's name anywhere in it; any case, any Unicode normalisation, extension
// optional. And, with no cell to read, a picture named after the product's reference or EAN.
const IMAGE_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.tif', '.tiff', '.webp', '.gif', '.psd', '.eps'];

/**
 * An images folder and its pictures, as paths relative to `dir` with `/` between folders
 * (`laiton/bouchon.png`); the caller lists subfolders too, shallow ones first.
 */
export type ImageFolder = { dir: string; files: string[] };

// macOS hands out decomposed names (e + U+0300) where Excel keeps what was typed (è).
const key = (name: string) => name.normalize('NFC').toLowerCase();

function split(name: string): { stem: string; extension: string } {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? { stem: name.slice(0, dot), extension: name.slice(dot) } : { stem: name, extension: '' };
}

/** Whether a file name has a picture's extension: the listing needs nothing else. */
export const isImageFile = (name: string): boolean => IMAGE_EXTENSIONS.includes(split(key(name)).extension);

const segments = (path: string): string[] =>
  path.split(/[\\/]+/).filter((part) => part !== '' && part !== '.');

/** The folder's pictures, shallow ones first so "bouchon.png" beside the workbook's photos wins. */
function pictures(folder: ImageFolder): { file: string; parts: string[] }[] {
  return folder.files
    .map((file) => ({ file, parts: segments(key(file)) }))
    .filter(({ parts }) => parts.length > 0 && IMAGE_EXTENSIONS.includes(split(parts.at(-1)!).extension))
    .map((entry, order) => ({ ...entry, order }))
    .sort((a, b) => a.parts.length - b.parts.length || a.order - b.order);
}

const setFirst = (map: Map<string, string>, name: string, file: string) => {
  if (!map.has(name)) map.set(name, file);
};

export function makeImageFinder(folder: ImageFolder): (name: string) => string | undefined {
  // Relative paths and their stems ("laiton/bouchon"), then bare names and stems, anywhere.
  const byPath = new Map<string, string>();
  const byPathStem = new Map<string, string>();
  const byName = new Map<string, string>();
  const byStem = new Map<string, string>();
  for (const { file, parts } of pictures(folder)) {
    const path = parts.join('/');
    const base = parts.at(-1)!;
    setFirst(byPath, path, file);
    setFirst(byPathStem, split(path).stem, file);
    setFirst(byName, base, file);
    setFirst(byStem, split(base).stem, file);
  }
  const lookUp = (path: string, names: Map<string, string>, stems: Map<string, string>) => {
    const { stem, extension } = split(path);
    // "VIS.jpg" when the designer saved "VIS.png": the same picture, another format.
    return (
      names.get(path) ??
      stems.get(path) ??
      (IMAGE_EXTENSIONS.includes(extension) ? stems.get(stem) : undefined)
    );
  };
  return (name) => {
    let text = name.trim();
    // A web address names its file before "?" or "#".
    if (/^[a-z][a-z\d+.-]*:\/\//i.test(text)) text = text.replace(/[?#].*$/, '');
    const parts = segments(key(text));
    // "photos/" names a folder, not a picture.
    if (parts.length === 0 || /[\\/]$/.test(text)) return undefined;
    // The cell's own subfolders first, dropping leading folders the images folder does not have
    // ("C:\Users\Anne\images\laiton\bouchon.png" → "laiton/bouchon.png"); then the name anywhere.
    for (let from = 0; from < parts.length - 1; from++) {
      const found = lookUp(parts.slice(from).join('/'), byPath, byPathStem);
      if (found) return found;
    }
    return lookUp(parts.at(-1)!, byName, byStem);
  };
}

/** Characters a file name cannot hold: a reference "CLE/13" is saved as "CLE-13" or "CLE_13". */
const UNSAFE = /[\\/:*?"<>|]/g;
/** A second shot of the same product: "CLE-13_1.jpg", "CLE-13_02.jpg", "CLE-13 (1).jpg". */
const NUMBERED = /^(.+?)(?:_(\d{1,3})| \((\d{1,3})\))$/;
/** An EAN or GTIN written as a file name, with or without the GTIN-14 leading zeros. */
const DIGITS = /^\d{8,14}$/;

export type KeyFinder = {
  /** The picture named after a reference, case-insensitive, any image extension. */
  byReference(reference: string): string | undefined;
  /** The picture named after an EAN/GTIN (`3760123450012.png`). */
  byEan(ean: string): string | undefined;
};

/**
 * Pictures found by the product's identity, for a sheet with no picture column (or an empty
 * cell): "CLE-13.jpg", "cle-13.JPG", "CLE-13_1.jpg", "3760123450012.png", in any subfolder.
 * Suffixes are underscores or "(n)" only: "CLE-13-1" may well be another product's reference.
 */
export function makeKeyFinder(folder: ImageFolder): KeyFinder {
  const exact = new Map<string, string>();
  const numbered = new Map<string, { file: string; n: number }>();
  const digits = new Map<string, string>();
  for (const { file, parts } of pictures(folder)) {
    const { stem } = split(parts.at(-1)!);
    setFirst(exact, stem, file);
    if (DIGITS.test(stem)) setFirst(digits, stem.replace(/^0+/, ''), file);
    const match = NUMBERED.exec(stem);
    if (match) {
      const n = Number(match[2] ?? match[3]);
      const known = numbered.get(match[1]!);
      if (!known || n < known.n) numbered.set(match[1]!, { file, n });
    }
  }
  const find = (stem: string) => exact.get(stem) ?? numbered.get(stem)?.file;
  return {
    byReference(reference) {
      const stem = key(reference.trim());
      if (stem === '') return undefined;
      return find(stem) ?? find(stem.replace(UNSAFE, '-')) ?? find(stem.replace(UNSAFE, '_'));
    },
    byEan(ean) {
      const code = ean.trim();
      return DIGITS.test(code) ? digits.get(code.replace(/^0+/, '')) : undefined;
    },
  };
}
