/**
 * Content-Security-Policy for every page, delivered as a <meta> tag (a static host sends no
 * headers of ours). Only the site's own scripts and styles, plus the WebAssembly Pagefind needs.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
