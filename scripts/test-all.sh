#!/usr/bin/env bash
# Every check and test: types, lint, formatting, the build, supergraph drift, the contract, the
# typed client's generated code, unit,
# integration and end-to-end tests on MySQL, then end to end again on the
# embedded SQLite default, then the browser tests (chromium at /usr/bin/chromium
# or CHROMIUM_PATH). Needs a MySQL-compatible server at
# TEST_DATABASE_URL (default mysql://root@127.0.0.1:3306).
set -euo pipefail
cd "$(dirname "$0")/.."
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

step() { echo; echo "== $*"; }

step "type check"; pnpm -s typecheck
step "lint (house rules, import boundaries)"; pnpm -s lint
step "format (Prettier)"; pnpm -s format:check
step "build (the multi-process end-to-end test runs dist/)"; pnpm -s build
step "supergraph drift"; pnpm -s compose:check
step "contract"; pnpm -s contract:check
step "client code generation drift"; pnpm -s client:check
step "unit tests"; pnpm -s exec jest --selectProjects unit --json --outputFile="$results/unit.json"
step "integration tests (MySQL)"; pnpm -s exec jest --selectProjects integration --json --outputFile="$results/integration.json"
step "end-to-end tests (MySQL)"; E2E_DB=mysql pnpm -s exec jest --selectProjects e2e --json --outputFile="$results/e2e-mysql.json"
step "end-to-end tests (embedded SQLite)"; E2E_DB=sqlite pnpm -s exec jest --selectProjects e2e --json --outputFile="$results/e2e-sqlite.json"
step "browser tests (Debian's chromium; screenshots in test-output/browser/)"; E2E_DB=sqlite pnpm -s exec jest --selectProjects browser --json --outputFile="$results/browser.json"

node -e '
  const fs = require("fs"); let passed = 0, failed = 0;
  for (const f of fs.readdirSync(process.argv[1])) {
    const r = JSON.parse(fs.readFileSync(process.argv[1] + "/" + f, "utf8"));
    passed += r.numPassedTests; failed += r.numFailedTests;
  }
  console.log(`\n${passed} passed, ${failed} failed`);
' "$results"
