import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import express, { type Request, type RequestHandler, type Router } from 'express';

/** Where gateway/explorer/bundle.js writes the page's script and styles (`pnpm build`). */
export const EXPLORER_DIST = path.join(__dirname, '..', 'explorer', 'dist');
export const EXPLORER_ASSETS_PATH = '/explorer';

/**
 * Only this gateway: the bundle's script and styles, its own GraphQL endpoint,
 * the fonts GraphiQL's stylesheet embeds as data: URLs. No inline script, no
 * other origin, no framing. The page's nonce admits only the style elements
 * GraphiQL's menus add while open (react-remove-scroll), which carry it.
 */
export function explorerCsp(nonce?: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self'${nonce ? ` 'nonce-${nonce}'` : ''}`,
    "font-src 'self' data:",
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const page = (nonce: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csp-nonce" content="${nonce}">
<title>Explorer: West Yorkshire safeguarding reviews API</title>
<link rel="stylesheet" href="${EXPLORER_ASSETS_PATH}/explorer.css">
</head>
<body>
<div id="explorer"></div>
<noscript>The explorer needs JavaScript. GraphQL itself answers POST requests at this address.</noscript>
<script src="${EXPLORER_ASSETS_PATH}/explorer.js"></script>
</body>
</html>
`;

const NOT_BUILT = 'The explorer is not built yet: run `pnpm build` (or `pnpm start`, which builds what changed), then reload.\n';

/** A browser's page visit: GET, HTML preferred to JSON, and no GraphQL query in the address. */
function isPageVisit(req: Request): boolean {
  return (
    req.method === 'GET' && req.query.query === undefined && req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html'
  );
}

const securityHeaders: RequestHandler = (_req, res, next) => {
  res.set({
    'content-security-policy': explorerCsp(res.locals.cspNonce as string | undefined),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-cache',
  });
  next();
};

/**
 * The GraphiQL explorer for development and demos (outside production only;
 * the caller does not mount it in production): the page at GET /graphql for
 * browsers, its bundled assets under /explorer. Every other request to
 * /graphql passes on to GraphQL.
 */
export function explorer(dist = EXPLORER_DIST): Router {
  const router = express.Router();
  router.get('/graphql', (req, res, next) => {
    if (!isPageVisit(req)) return next();
    const nonce = randomBytes(16).toString('base64');
    res.locals.cspNonce = nonce;
    securityHeaders(req, res, () => {
      if (!fs.existsSync(path.join(dist, 'explorer.js'))) {
        res.status(503).type('text/plain').send(NOT_BUILT);
        return;
      }
      res.type('html').send(page(nonce));
    });
  });
  router.use(EXPLORER_ASSETS_PATH, securityHeaders, express.static(dist, { index: false, redirect: false }));
  return router;
}
