import { loadConfig } from '@scr/config';
import { seedDemoData, startPlatform } from '@scr/gateway';

/** `pnpm start`: the four subgraphs and the gateway, with demo data on an empty platform unless SEED_DEMO=0. */
async function main() {
  const config = loadConfig();
  const platform = await startPlatform(config);
  const where = config.databaseUrl ? `MySQL (${new URL(config.databaseUrl).host})` : `embedded SQLite in ${config.dataDir}/`;
  console.log(`Database: ${where}`);
  if (config.seedDemo && (await seedDemoData(config, platform.gateway.url))) console.log('Loaded demo data.');
  console.log(`Gateway ready: http://localhost:${platform.gateway.port}/graphql`);
  console.log('Get a token with: pnpm token --role BOARD_MANAGER --board LEEDS');
  const shutdown = async () => {
    await platform.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
