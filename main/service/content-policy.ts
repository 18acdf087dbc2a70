// The Content-Security-Policy of the app's page, the same in the desktop window (app://) and in
// browser mode: only our own scripts run (no inline script, no eval); styles may be inline (React's
// style props); images and pdf.js's worker may come from blobs it makes; fonts from data URLs
// (pdf.js may load a PDF's embedded fonts that way); nothing is fetched from elsewhere, framed,
// or posted away, and there is no plugin and no <base>.
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
