/**
 * Bundles the explorer (GraphiQL, React and the saved walk) into
 * gateway/explorer/dist/{explorer.js,explorer.css} with esbuild, for the
 * gateway to serve outside production with no CDN. Run by `pnpm build`;
 * `ifNeeded` skips it when the bundle is newer than its sources.
 *
 * Plain JavaScript: scripts/build.js runs it before anything is compiled.
 */
const fs = require('node:fs');
const path = require('node:path');

const here = __dirname;
const outdir = path.join(here, 'dist');
const OUTPUTS = ['explorer.js', 'explorer.css'];
const SOURCES = [here, path.join(here, '..', '..', 'packages', 'client', 'src', 'operations')];

function newestSource() {
  let newest = 0;
  for (const dir of SOURCES) {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(dir, entry.name)).mtimeMs);
    }
  }
  return newest;
}

function isFresh() {
  const outputs = OUTPUTS.map((name) => path.join(outdir, name));
  if (!outputs.every((file) => fs.existsSync(file))) return false;
  const oldest = Math.min(...outputs.map((file) => fs.statSync(file).mtimeMs));
  return oldest >= newestSource();
}

/** Answers true when it bundled, false when the bundle was already fresh. */
async function bundleExplorer({ ifNeeded = false } = {}) {
  if (ifNeeded && isFresh()) return false;
  const esbuild = require('esbuild');
  await esbuild.build({
    entryPoints: { explorer: path.join(here, 'explorer.tsx') },
    outdir,
    bundle: true,
    minify: true,
    sourcemap: false,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    jsx: 'automatic',
    loader: { '.graphql': 'text' },
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    logLevel: 'warning',
  });
  return true;
}

module.exports = { bundleExplorer, EXPLORER_DIST: outdir };

if (require.main === module) {
  bundleExplorer().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
