/**
 * The package graph of ARCHITECTURE.md is enforced by ESLint (eslint.config.mjs,
 * run by `pnpm test`): a service that imports another service, or a package
 * that imports a service, fails the lint. Each case lints one line as if it
 * stood in the named file.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const REFUSED: [string, string][] = [
  ['services/agencies/src/boards/x.ts', "import { Review } from '@scr/reviews-service';"],
  ['services/agencies/src/boards/x.ts', "import { Review } from '../../../reviews/src/reviews/review.entity';"],
  ['services/action-plans/src/x.ts', "import { startGateway } from '@scr/gateway';"],
  ['packages/graphql-kit/src/x.ts', "import { startIncidents } from '@scr/incidents-service';"],
  ['packages/db/src/x.ts', "import { x } from '../../../services/reviews/src/x';"],
  ['gateway/src/x.ts', "import { startReviews } from '@scr/reviews-service';"],
];
const ALLOWED: [string, string][] = [
  ['services/agencies/src/boards/x.ts', "import { ask } from '@scr/internal-api';"],
  ['services/reviews/src/publication/x.ts', "import { Review } from '../reviews/review.entity';"],
  ['packages/platform/src/x.ts', "import { startReviews } from '@scr/reviews-service';"],
];

/** Lints every case in one ESLint process (the config is ESM, so it runs outside jest): the rule ids each case broke. */
function lintAll(cases: [string, string][]): string[][] {
  const script = `
    const { ESLint } = require('eslint');
    const cases = JSON.parse(process.argv[1]);
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const out = [];
      for (const [filePath, code] of cases) {
        const [result] = await eslint.lintText(code, { filePath });
        out.push(result.messages.filter((m) => m.severity === 2).map((m) => m.ruleId));
      }
      process.stdout.write(JSON.stringify(out));
    })();`;
  const sources = cases.map(([file, line]) => [file, `${line}\nexport const used = [${line.match(/\{ (\w+)/)![1]}];\n`]);
  const run = spawnSync(process.execPath, ['-e', script, JSON.stringify(sources)], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as string[][];
}

describe('import boundaries', () => {
  const refused = lintAll(REFUSED);
  const allowed = lintAll(ALLOWED);

  it.each(REFUSED.map((c, i) => [...c, i] as const))('refuses in %s: %s', (_file, _line, i) => {
    expect(refused[i]).toEqual(['no-restricted-imports']);
  });

  it.each(ALLOWED.map((c, i) => [...c, i] as const))('allows in %s: %s', (_file, _line, i) => {
    expect(allowed[i]).toEqual([]);
  });
});
