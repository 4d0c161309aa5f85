import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, findBreakingChanges } from 'graphql';

/**
 * Fails on any breaking change between the public contract and the composed
 * API schema (gateway/schema.graphql) that is not listed in
 * test/contract-pending.txt, the parts later issues still have to build.
 * It also fails when a listed part has been built, so the list only shrinks.
 */
const root = path.join(__dirname, '..');
const contractPath = process.env.CONTRACT_PATH || path.join(root, '..', 'shared', 'spec', 'contract.graphql');
const pendingPath = path.join(root, 'test', 'contract-pending.txt');

function main() {
  if (!fs.existsSync(contractPath)) {
    console.error(`contract: ${contractPath} not found (set CONTRACT_PATH)`);
    process.exit(2);
  }
  const contract = buildSchema(fs.readFileSync(contractPath, 'utf8'));
  const served = buildSchema(fs.readFileSync(path.join(root, 'gateway', 'schema.graphql'), 'utf8'));
  const breaking = findBreakingChanges(contract, served).map((c) => `${c.type}: ${c.description}`);
  const pending = fs
    .readFileSync(pendingPath, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const unexpected = breaking.filter((b) => !pending.includes(b));
  const built = pending.filter((p) => !breaking.includes(p));
  for (const b of unexpected) console.error(`breaking: ${b}`);
  for (const p of built) console.error(`now built, remove from test/contract-pending.txt: ${p}`);
  console.log(`contract: ${breaking.length} parts still pending, ${unexpected.length} unexpected breaking changes`);
  if (unexpected.length || built.length) process.exit(1);
}

main();
