/**
 * The gateway's browser pages (gateway/web/<page>/): each page's <page>.ts is
 * bundled with esbuild, its npm imports (Chart.js) included, so the page
 * loads nothing from outside the gateway; its .html and .css are copied.
 * Output: gateway/dist/web/<page>/. Called by scripts/build.js whenever the
 * gateway is compiled, and by the browser tests before they open a page.
 *
 * Plain JavaScript, like build.js.
 */
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const WEB = path.join(root, 'gateway', 'web');
const OUT = path.join(root, 'gateway', 'dist', 'web');

/** Every source file of the pages, for build.js's "changed since the last build" check. */
function webSources() {
  const out = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === '__tests__') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(full);
    }
  };
  if (fs.existsSync(WEB)) walk(WEB);
  return out;
}

async function bundleWeb() {
  const esbuild = require('esbuild');
  const pages = fs.readdirSync(WEB, { withFileTypes: true }).filter((e) => e.isDirectory());
  for (const page of pages) {
    const src = path.join(WEB, page.name);
    const out = path.join(OUT, page.name);
    fs.mkdirSync(out, { recursive: true });
    await esbuild.build({
      entryPoints: [path.join(src, `${page.name}.ts`)],
      outfile: path.join(out, `${page.name}.js`),
      bundle: true,
      minify: true,
      format: 'iife',
      target: 'es2020',
      platform: 'browser',
      legalComments: 'linked',
      logLevel: 'warning',
    });
    for (const file of fs.readdirSync(src)) {
      if (/\.(html|css)$/.test(file)) fs.copyFileSync(path.join(src, file), path.join(out, file));
    }
  }
}

module.exports = { bundleWeb, webSources, WEB_OUT: OUT };

if (require.main === module) {
  bundleWeb().catch((error) => {
    console.error(`web build failed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
}
