import fs from 'node:fs';
import path from 'node:path';
import { composeSupergraph } from '../src/compose';

const GATEWAY_DIR = path.join(__dirname, '..', '..', '..', 'gateway');

/**
 * Writes gateway/supergraph.graphql and gateway/schema.graphql (the public
 * API). With --check, writes nothing and fails when the committed files
 * differ from what the subgraphs compose to.
 */
async function main() {
  const check = process.argv.includes('--check');
  const { supergraphSdl, apiSchemaSdl } = await composeSupergraph();
  const files = [
    { file: path.join(GATEWAY_DIR, 'supergraph.graphql'), content: supergraphSdl },
    { file: path.join(GATEWAY_DIR, 'schema.graphql'), content: apiSchemaSdl },
  ];
  let drift = false;
  for (const { file, content } of files) {
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (current === content) continue;
    if (check) {
      console.error(`${path.relative(process.cwd(), file)} differs from what the subgraphs compose to: run \`pnpm compose\` and commit it.`);
      drift = true;
    } else {
      fs.writeFileSync(file, content);
      console.log(`wrote ${path.relative(process.cwd(), file)}`);
    }
  }
  if (drift) process.exit(1);
  if (check) console.log('supergraph: committed files match the subgraphs');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
