// The keys the cover's pictures go under among a layout's resolved pictures. They cannot be taken
// for a product's: those are file paths or `embedded:` keys.
export const COVER_LOGO = 'cover:logo';
export const COVER_IMAGE = 'cover:image';
