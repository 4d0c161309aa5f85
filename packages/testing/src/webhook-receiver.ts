import http from 'node:http';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { freePort } from './free-port';

export interface ReceivedDelivery {
  eventId: string;
  signature: string;
  body: string;
  json: { id: string; type: string; version: number; occurredAt: string; data: Record<string, unknown> };
  accepted: boolean;
}

/**
 * A stand-in for the national panel's webhook endpoint on loopback. Tests
 * decide per delivery whether it is accepted, and can take it down and up.
 */
export class WebhookReceiver {
  readonly received: ReceivedDelivery[] = [];
  /** Answers true to accept (204), false to refuse (503). */
  decide: (delivery: Omit<ReceivedDelivery, 'accepted'>) => boolean = () => true;
  private server?: http.Server;

  private constructor(readonly port: number) {}

  static async start(): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver(await freePort());
    await receiver.up();
    return receiver;
  }

  get url() {
    return `http://127.0.0.1:${this.port}/panel/webhook`;
  }

  async up(): Promise<void> {
    if (this.server) return;
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const delivery = {
          eventId: String(req.headers['x-panel-event-id'] ?? ''),
          signature: String(req.headers['x-panel-signature'] ?? ''),
          body,
          json: JSON.parse(body),
        };
        const accepted = this.decide(delivery);
        this.received.push({ ...delivery, accepted });
        res.writeHead(accepted ? 204 : 503).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', () => resolve()));
  }

  /** Stops listening: deliveries now fail to connect, as when the receiver is down. */
  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  acceptedIds(): string[] {
    return [...new Set(this.received.filter((r) => r.accepted).map((r) => r.eventId))];
  }
}

/** Checks `t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">` as the panel would. */
export function verifyPanelSignature(secret: string, header: string, body: string): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!match) return false;
  const expected = createHmac('sha256', secret).update(`${match[1]}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(match[2]!, 'hex'));
}
