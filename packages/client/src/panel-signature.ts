import { createHmac, timingSafeEqual } from 'node:crypto';

/** Five minutes either way, as webhook senders commonly allow for clock drift and retries in flight. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/**
 * Checks a national panel webhook's `X-Panel-Signature` header,
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" with the shared secret>`
 * (DOMAIN.md, Integrations): true only when a `v1` matches the raw body as
 * received (before any JSON parsing) and `t` is within `toleranceSeconds` of
 * now, so a captured delivery cannot be replayed later. Every attempt of a
 * delivery is signed afresh; deduplicate on `X-Panel-Event-Id`.
 */
export function verifyPanelSignature(
  rawBody: string | Uint8Array,
  header: string | string[] | null | undefined,
  secret: string,
  toleranceSeconds: number = DEFAULT_TOLERANCE_SECONDS,
  nowSeconds: number = Math.floor(Date.now() / 1000),
): boolean {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value || !secret) return false;
  const parts = value.split(',').map((part) => part.trim().split('='));
  const timestamps = parts.filter(([key]) => key === 't').map(([, v]) => v);
  if (timestamps.length !== 1 || !/^\d{1,12}$/.test(timestamps[0] ?? '')) return false;
  const t = Number(timestamps[0]);
  if (Math.abs(nowSeconds - t) > toleranceSeconds) return false;

  const expected = createHmac('sha256', secret)
    .update(`${t}.`)
    .update(typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody)
    .digest();
  return parts
    .filter(([key, v]) => key === 'v1' && v !== undefined && /^[0-9a-f]{64}$/i.test(v))
    .some(([, v]) => timingSafeEqual(expected, Buffer.from(v!, 'hex')));
}
