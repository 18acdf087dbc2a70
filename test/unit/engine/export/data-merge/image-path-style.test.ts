import { describe, expect, it } from 'vitest';
import { hfsPath } from '../../../../../main/engine/export/data-merge/image-path-style.ts';

describe('hfsPath', () => {
  it('writes a POSIX path in the colon form of the Mac OS example in Adobe’s guide', () => {
    expect(hfsPath('/Users/léa/Catalogue/VIS-4x40.jpg', 'Macintosh HD')).toBe(
      'Macintosh HD:Users:léa:Catalogue:VIS-4x40.jpg',
    );
    expect(hfsPath('/Volumes/Photos 2026/CAD-40.jpeg', 'Macintosh HD')).toBe('Photos 2026:CAD-40.jpeg');
  });

  it('writes a colon inside a name as the slash Finder shows', () => {
    expect(hfsPath('/Users/léa/a:b.jpg', 'SSD')).toBe('SSD:Users:léa:a/b.jpg');
  });
});
