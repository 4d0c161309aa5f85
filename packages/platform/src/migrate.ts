import { loadConfig, SERVICE_NAMES, type Config, type ServiceName } from '@scr/config';
import type { Database } from '@scr/db';
import { logger, setLogPart } from '@scr/observability';
import { openDatabase as agencies } from '@scr/agencies-service';
import { openDatabase as incidents } from '@scr/incidents-service';
import { openDatabase as reviews } from '@scr/reviews-service';
import { openDatabase as actionPlans } from '@scr/action-plans-service';

const OPEN: Record<ServiceName, (config: Config) => Promise<Database>> = {
  agencies,
  incidents,
  reviews,
  'action-plans': actionPlans,
};

/**
 * `pnpm migrate [part...]`: applies every pending migration of the named
 * subgraphs (default: all four) and exits, for a Kubernetes Job or a compose
 * one-shot service; the parts then start with MIGRATE_ON_START=0. Replicas and
 * this job never race: each migration run holds the database's lock.
 */
async function main() {
  setLogPart('migrate');
  const config = loadConfig({ ...process.env, MIGRATE_ON_START: '1' });
  const asked = process.argv.slice(2);
  const unknown = asked.filter((name) => !SERVICE_NAMES.includes(name as ServiceName));
  if (unknown.length) throw new Error(`unknown part(s): ${unknown.join(', ')}; choose from ${SERVICE_NAMES.join(', ')}`);
  for (const name of asked.length ? (asked as ServiceName[]) : SERVICE_NAMES) {
    const db = await OPEN[name](config);
    await db.close();
    logger.info(`migrate: ${name} is up to date`);
  }
}

main().catch((error: unknown) => {
  logger.fatal(`migrate failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
