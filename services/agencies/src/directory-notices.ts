import { SERVICE_NAMES } from '@scr/config';
import { ask, directoryChanged, type InternalTransport } from '@scr/internal-api';
import { logger } from '@scr/observability';

/**
 * Tells every other subgraph that a board's name changed or an agency was
 * added, once the change is committed, so their copies of the names
 * (DirectoryCopy) are read again before they next show one. Awaited, so the
 * caller's next request sees the new name; a subgraph that does not answer
 * is logged and catches up within the copy's freshness limit, while the
 * change itself stands.
 */
export async function announceDirectoryChange(client: InternalTransport): Promise<void> {
  const others = SERVICE_NAMES.filter((name) => name !== 'agencies');
  const results = await Promise.allSettled(others.map((name) => ask(client, directoryChanged(name), {})));
  results.forEach((result, i) => {
    if (result.status === 'rejected') {
      const reason = result.reason instanceof Error ? result.reason.message : String(result.reason);
      logger.warn({ part: 'agencies', to: others[i] }, `directory change notice not delivered (its copy catches up within 30 s): ${reason}`);
    }
  });
}
