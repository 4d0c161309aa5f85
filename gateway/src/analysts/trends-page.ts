import fs from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';

/** Where scripts/build-web.js puts the bundled page (the same place from src/ and from dist/). */
export const TRENDS_DIR = path.join(__dirname, '..', '..', 'dist', 'web', 'trends');

/**
 * The page loads only what this gateway serves (its bundle, its stylesheet)
 * and talks only to this gateway's /graphql and /exports: nothing from a CDN,
 * no inline script or style.
 */
export const TRENDS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * `/trends`: a static page, served in production too. It holds no data: the
 * analyst or board pastes a token and the page asks the API as them, so the
 * API's rules (who may read statistics, suppression, rounding) decide what it shows.
 */
export function trendsPage(): Router {
  const router = express.Router();
  router.use((_req, res, next) => {
    res.set({ 'content-security-policy': TRENDS_CSP, 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' });
    next();
  });
  router.get('/', (_req, res) => {
    const index = path.join(TRENDS_DIR, 'index.html');
    if (!fs.existsSync(index)) {
      res.status(503).type('text/plain').send('The trends page has not been built: run pnpm build.');
      return;
    }
    res.sendFile(index);
  });
  router.use(express.static(TRENDS_DIR, { index: false, fallthrough: true }));
  return router;
}
