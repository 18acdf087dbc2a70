import { describe, expect, it } from 'vitest';
import { makeImageFinder, makeKeyFinder } from '../../../../main/engine/validate/find-image.ts';

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

describe('makeImageFinder with subfolders', () => {
  // As the CLI lists a folder: relative paths, "/" between folders.
  const finder = makeImageFinder({
    dir: '/projets/tarif/images',
    files: [
      'laiton/bouchon.png',
      'inox/bouchon.png',
      'laiton/raccords/coude-90.JPG',
      'cle-13.jpg',
      'archives/cle-13.jpg',
      'inox/notice.pdf',
    ],
  });

  it.each<[string, string, string | undefined]>([
    ['a path with its subfolder', 'laiton/bouchon.png', 'laiton/bouchon.png'],
    ['the other subfolder', 'inox/bouchon.png', 'inox/bouchon.png'],
    ['Windows backslashes', 'laiton\\bouchon.png', 'laiton/bouchon.png'],
    ['another case and no extension', 'INOX\\Bouchon', 'inox/bouchon.png'],
    ['two levels deep', 'laiton/raccords/coude-90.jpg', 'laiton/raccords/coude-90.JPG'],
    ['the images folder named in the cell', 'images/laiton/bouchon.png', 'laiton/bouchon.png'],
    ['a full Windows path', 'C:\\Users\\Anne\\images\\inox\\bouchon.png', 'inox/bouchon.png'],
    ['a web address with a query', 'https://cdn.example.com/laiton/bouchon.png?v=2', 'laiton/bouchon.png'],
    [
      'a subfolder that does not exist, by the base name',
      'cuivre/coude-90.jpg',
      'laiton/raccords/coude-90.JPG',
    ],
    ['a bare name, the shallowest first', 'cle-13.jpg', 'cle-13.jpg'],
    ['a bare name found in a subfolder', 'coude-90', 'laiton/raccords/coude-90.JPG'],
    ['a file that is no picture', 'inox/notice.pdf', undefined],
    ['a name in no folder', 'laiton/robinet.png', undefined],
  ])('finds %s', (_, name, expected) => {
    expect(finder(name)).toBe(expected);
  });
});

describe('makeKeyFinder', () => {
  const finder = makeKeyFinder({
    dir: '/images',
    files: [
      'CLE-13.jpg',
      'cle-14.JPG',
      'CLE-15_2.jpg',
      'CLE-15_1.jpg',
      'CLE-16 (1).png',
      'laiton/BOU-8.webp',
      '3760123450010.png',
      '03760123450027.jpg',
      'CLE-17-1.jpg',
      'CHE-6.pdf',
      'VIS-M6.jpg',
    ],
  });

  it.each<[string, string | undefined]>([
    ['CLE-13', 'CLE-13.jpg'],
    ['cle-13', 'CLE-13.jpg'],
    [' CLE-14 ', 'cle-14.JPG'],
    ['CLE-15', 'CLE-15_1.jpg'],
    ['CLE-16', 'CLE-16 (1).png'],
    ['BOU-8', 'laiton/BOU-8.webp'],
    // "CLE-17-1" may be another product's reference: a dash suffix is not a second shot.
    ['CLE-17', undefined],
    ['CHE-6', undefined],
    ['VIS/M6', 'VIS-M6.jpg'],
    ['', undefined],
  ])('finds the picture of reference %j', (reference, expected) => {
    expect(finder.byReference(reference)).toBe(expected);
  });

  it('finds pictures named after the EAN, with or without the GTIN-14 zero', () => {
    expect(finder.byEan('3760123450010')).toBe('3760123450010.png');
    expect(finder.byEan('3760123450027')).toBe('03760123450027.jpg');
    expect(finder.byEan('03760123450010')).toBe('3760123450010.png');
    expect(finder.byEan('3760123450034')).toBeUndefined();
    expect(finder.byEan('CLE-13')).toBeUndefined();
  });
});
