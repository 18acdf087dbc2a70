import { describe, expect, it } from 'vitest';
import { makeImageFinder } from '../../../../main/engine/validate/find-image.ts';

const FILES = ['VIS-4x40.jpg', 'CLOU-60.PNG', 'marteau.tiff', 'photo.final.jpeg', 'notice.pdf', 'LISEZMOI'];
const find = makeImageFinder({ dir: '/projets/tarif/images', files: FILES });

describe('makeImageFinder', () => {
  it.each<[string, string, string | undefined]>([
    ['the exact file name', 'VIS-4x40.jpg', 'VIS-4x40.jpg'],
    ['another case', 'vis-4X40.JPG', 'VIS-4x40.jpg'],
    ['another case of the extension', 'CLOU-60.png', 'CLOU-60.PNG'],
    ['the name without its extension', 'VIS-4x40', 'VIS-4x40.jpg'],
    ['the name without extension, another case', 'clou-60', 'CLOU-60.PNG'],
    ['a name with a dot inside, without extension', 'photo.final', 'photo.final.jpeg'],
    ['surrounding spaces', '  marteau.tiff ', 'marteau.tiff'],
    ['a Windows folder prefix', 'photos\\VIS-4x40.jpg', 'VIS-4x40.jpg'],
    ['a full Windows path', 'C:\\Users\\Anne\\Photos\\CLOU-60', 'CLOU-60.PNG'],
    ['a POSIX folder prefix', 'images/vis-4x40.jpg', 'VIS-4x40.jpg'],
    ['a full POSIX path', '/Users/anne/Photos/marteau', 'marteau.tiff'],
    ['a file missing from the folder', 'VIS-5x50.jpg', undefined],
    ['a name missing from the folder, without extension', 'VIS-5x50', undefined],
    ['a bare stem of a file that is no image', 'notice', undefined],
    // Only pictures are matched: a file without an image extension cannot be placed.
    ['a file without extension, by its exact name', 'LISEZMOI', undefined],
    ['a picture saved in another format than the cell says', 'marteau.png', 'marteau.tiff'],
    ['an empty name', '', undefined],
    ['a folder path alone', 'photos/', undefined],
  ])('finds %s', (_, name, expected) => {
    expect(find(name)).toBe(expected);
  });

  it('returns the name as it is in the folder, not a path', () => {
    expect(find('vis-4x40')).toBe('VIS-4x40.jpg');
  });

  it('finds nothing in an empty folder', () => {
    expect(makeImageFinder({ dir: '/vide', files: [] })('VIS-4x40.jpg')).toBeUndefined();
  });

  it('does not treat a file named only by its extension as an empty stem', () => {
    expect(makeImageFinder({ dir: '/x', files: ['.jpg'] })('')).toBeUndefined();
  });

  // Regression: names are compared code point by code point. macOS (HFS+ volumes,
  // zips made on a Mac) hands out decomposed names (NFD: "e" + U+0300), while Excel stores what was typed
  // (NFC: "è"), so "Crème.jpg" in the sheet never finds the designer's "Crème.jpg" and is reported
  // IMAGE_NOT_FOUND. Fixed by: `.normalize('NFC')` both the folder's names and the cell's name before lowercasing.
  it('matches an accented name whatever its Unicode normalisation', () => {
    const decomposed = 'Cre\u0300me-solaire.jpg';
    const finder = makeImageFinder({ dir: '/x', files: [decomposed] });
    expect(finder('Cr\u00e8me-solaire.jpg')).toBe(decomposed);
  });
});
