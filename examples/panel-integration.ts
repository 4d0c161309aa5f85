/**
 * The national panel's side of the integration, with @scr/client:
 *  - pulls `panelNotifications` from the cursor it saved last time, saving
 *    the new cursor after each page is handled (so a crash re-reads at most
 *    one page: handle entries idempotently, keyed by their id);
 *  - receives the webhooks, checks `X-Panel-Signature` on the raw body,
 *    drops repeats by `X-Panel-Event-Id` (deliveries are at least once).
 *
 *   API_URL=http://localhost:4000/graphql PANEL_TOKEN=$(pnpm -s token --role PANEL) \
 *   PANEL_WEBHOOK_SECRET=... pnpm example:panel
 *
 * and start the platform with PANEL_WEBHOOK_URL=http://127.0.0.1:4999/panel/webhook
 * and the same PANEL_WEBHOOK_SECRET.
 */
import fs from 'node:fs';
import http from 'node:http';
import { createClient, pages, PanelNotificationsDocument, verifyPanelSignature, type Client, type PanelNotificationsQuery } from '@scr/client';

export type FeedEntry = PanelNotificationsQuery['panelNotifications']['edges'][number]['node'];

/** Reads the feed from `cursor` to its end; answers the entries and the cursor to start from next time. */
export async function pullFeed(
  client: Client,
  cursor: string | null,
  handle: (entry: FeedEntry) => void | Promise<void>,
  saveCursor: (cursor: string | null) => void = () => {},
) {
  let count = 0;
  for await (const page of pages(client, PanelNotificationsDocument, { first: 100, after: cursor }, (data) => data.panelNotifications)) {
    for (const entry of page.nodes) await handle(entry);
    count += page.nodes.length;
    cursor = page.cursor;
    saveCursor(cursor);
  }
  return { count, cursor };
}

export interface PanelEvent {
  id: string;
  type: 'incident.notified' | 'incident.corrected' | 'review.decision_recorded' | 'review.published';
  version: 1;
  occurredAt: string;
  data: Record<string, unknown>;
}

/** A webhook receiver: 204 for a good delivery (new or repeated), 401 for a bad signature. */
export function webhookReceiver(secret: string, onEvent: (event: PanelEvent) => void | Promise<void>, toleranceSeconds = 300): http.Server {
  const seen = new Set<string>(); // a real receiver keeps these in its database
  return http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const raw = Buffer.concat(chunks); // verify the bytes as sent, before parsing
      if (req.method !== 'POST' || !verifyPanelSignature(raw, req.headers['x-panel-signature'], secret, toleranceSeconds)) {
        res.writeHead(401).end();
        return;
      }
      const eventId = String(req.headers['x-panel-event-id'] ?? '');
      try {
        if (!seen.has(eventId)) {
          await onEvent(JSON.parse(raw.toString('utf8')) as PanelEvent);
          seen.add(eventId);
        }
        res.writeHead(204).end();
      } catch (error) {
        console.error('could not handle the event; the platform will retry it', error);
        res.writeHead(500).end();
      }
    });
  });
}

async function main() {
  const env = (name: string, fallback?: string) => {
    const value = process.env[name] ?? fallback;
    if (value === undefined) throw new Error(`set ${name}`);
    return value;
  };
  const cursorFile = env('CURSOR_FILE', '.panel-cursor');
  const client = createClient({ url: env('API_URL', 'http://localhost:4000/graphql'), token: env('PANEL_TOKEN') });
  const saved = fs.existsSync(cursorFile) ? fs.readFileSync(cursorFile, 'utf8').trim() || null : null;
  const { count, cursor } = await pullFeed(
    client,
    saved,
    (entry) => console.log(`feed: ${entry.incidentReference} (${entry.boardCode}) ${entry.criterion}, notified ${entry.notifiedOn}`),
    (next) => fs.writeFileSync(cursorFile, next ?? ''),
  );
  console.log(`feed: ${count} new entr${count === 1 ? 'y' : 'ies'}; next time from ${cursor ?? 'the start'}`);

  const port = Number(env('PORT', '4999'));
  webhookReceiver(env('PANEL_WEBHOOK_SECRET'), (event) => console.log(`webhook: ${event.type} ${JSON.stringify(event.data)}`)).listen(port, '127.0.0.1', () =>
    console.log(`webhooks: listening on http://127.0.0.1:${port}/panel/webhook`),
  );
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
    process.exit(1);
  });
}
