#!/usr/bin/env node
/**
 * `pnpm build`: compiles every workspace package's src/ to dist/ with swc,
 * the same transform (decorator metadata included) jest runs the tests with,
 * so production runs what the tests ran. Types are checked by `pnpm typecheck`,
 * not here: swc compiles file by file in seconds where tsc would take a minute
 * on two cores. `--if-needed` rebuilds only packages whose src/ changed since
 * their last build (used by `pnpm start`). It also bundles the gateway's
 * explorer page (gateway/explorer/bundle.js: GraphiQL with esbuild).
 *
 * Plain JavaScript on purpose: it must run on a fresh clone before anything
 * is compiled.
 */
const fs = require('node:fs');
const path = require('node:path');
const { transformFile } = require('@swc/core');

const root = path.join(__dirname, '..');
const STAMP = '.built';
const SKIP = new Set(['__tests__', '__integration__']);

const swcOptions = { ...require('./swc-options'), sourceMaps: true };
const { bundleWeb, webSources } = require('./build-web');

function packages() {
  const dirs = ['gateway'];
  for (const parent of ['packages', 'services']) {
    for (const name of fs.readdirSync(path.join(root, parent))) dirs.push(path.join(parent, name));
  }
  return dirs.filter((dir) => fs.existsSync(path.join(root, dir, 'package.json')) && fs.existsSync(path.join(root, dir, 'src')));
}

function sources(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP.has(entry.name)) out.push(...sources(path.join(dir, entry.name)));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
      out.push(path.join(dir, entry.name));
    }
  }
  return out;
}

function newestMtime(files) {
  return files.reduce((newest, file) => Math.max(newest, fs.statSync(file).mtimeMs), 0);
}

async function buildPackage(dir, files, after = async () => {}) {
  const src = path.join(root, dir, 'src');
  const dist = path.join(root, dir, 'dist');
  fs.rmSync(dist, { recursive: true, force: true });
  await Promise.all(
    files.map(async (file) => {
      const target = path.join(dist, path.relative(src, file)).replace(/\.ts$/, '.js');
      const { code, map } = await transformFile(file, { ...swcOptions, sourceFileName: path.relative(path.dirname(target), file) });
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, `${code}\n//# sourceMappingURL=${path.basename(target)}.map\n`);
      if (map) fs.writeFileSync(`${target}.map`, map);
    }),
  );
  await after();
  fs.writeFileSync(path.join(dist, STAMP), new Date().toISOString());
}

async function main() {
  const ifNeeded = process.argv.includes('--if-needed');
  const started = Date.now();
  let built = 0;
  for (const dir of packages()) {
    const files = sources(path.join(root, dir, 'src'));
    const stamp = path.join(root, dir, 'dist', STAMP);
    // The gateway's browser pages are bundled into its dist/ too (scripts/build-web.js).
    const pages = dir === 'gateway' ? webSources() : [];
    const fresh = fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs >= newestMtime([...files, ...pages, path.join(root, dir, 'package.json')]);
    if (ifNeeded && fresh) continue;
    await buildPackage(dir, files, pages.length ? bundleWeb : undefined);
    built += 1;
  }
  if (built > 0 || !ifNeeded) console.log(`build: compiled ${built} package(s) to dist/ in ${Date.now() - started} ms`);
  const bundleStarted = Date.now();
  if (await require('../gateway/explorer/bundle').bundleExplorer({ ifNeeded })) {
    console.log(`build: bundled the explorer to gateway/explorer/dist/ in ${Date.now() - bundleStarted} ms`);
  }
}

main().catch((error) => {
  console.error(`build failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
