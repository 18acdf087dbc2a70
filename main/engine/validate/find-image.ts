// Matches what a cell says ("VIS-4x40", "photos\VIS-4x40.JPG") with the files of the images folder,
// the way a person would: any folder prefix, any case, extension optional.
const IMAGE_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.tif', '.tiff', '.webp', '.gif', '.psd', '.eps'];

export type ImageFolder = { dir: string; files: string[] };

export function makeImageFinder(folder: ImageFolder): (name: string) => string | undefined {
  const byName = new Map<string, string>();
  const byStem = new Map<string, string>();
  for (const file of folder.files) {
    const lower = file.toLowerCase();
    byName.set(lower, file);
    const dot = lower.lastIndexOf('.');
    if (dot > 0 && IMAGE_EXTENSIONS.includes(lower.slice(dot))) byStem.set(lower.slice(0, dot), file);
  }
  return (name) => {
    const base = name.trim().split(/[\\/]/).pop()!.toLowerCase();
    return byName.get(base) ?? byStem.get(base);
  };
}
