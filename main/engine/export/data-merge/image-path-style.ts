// How a picture's path is written for InDesign. Adobe: paths "must follow the naming conventions of
// the operating system in which they're stored" — C:\Photos\dog.psd on Windows; the user guide's
// Mac OS example uses the classic colon form (Mac HD:Photos:dog.psd). Whether current InDesign on
// macOS also reads POSIX paths (/Users/…) could not be confirmed from Adobe's text, so the default
// stays the system's own form and the colon form is an option.

/** `native`: the path as this system writes it (POSIX or Windows); `hfs`: Volume:folder:file. */
export type ImagePathStyle = 'native' | 'hfs';

/**
 * A POSIX absolute path in the colon (HFS) form: `/Users/a/b.jpg` → `Macintosh HD:Users:a:b.jpg`,
 * `/Volumes/Photos/b.jpg` → `Photos:b.jpg`. A `:` inside a POSIX name is what Finder shows as `/`,
 * and is written back as `/`.
 */
export function hfsPath(posixPath: string, bootVolume: string): string {
  const parts = posixPath.split('/').filter(Boolean);
  const onOtherVolume = parts[0] === 'Volumes' && parts.length > 1;
  const [volume, ...rest] = onOtherVolume ? parts.slice(1) : [bootVolume, ...parts];
  return [volume, ...rest.map((name) => name.replace(/:/g, '/'))].join(':');
}
