import { panelSignature } from '@scr/outbox';
import { verifyPanelSignature } from '../panel-signature';

const SECRET = 'panel-shared-secret';
const BODY = JSON.stringify({
  id: 'evt-1',
  type: 'incident.notified',
  version: 1,
  occurredAt: '2026-03-02T09:00:00.000Z',
  data: { reference: 'LDS-2026-0001' },
});
const NOW = 1_780_000_000;

describe('verifyPanelSignature', () => {
  it('accepts what the platform signs (the outbox signer), for a string body or its raw bytes', () => {
    const header = panelSignature(SECRET, BODY, NOW);
    expect(verifyPanelSignature(BODY, header, SECRET, 300, NOW)).toBe(true);
    expect(verifyPanelSignature(Buffer.from(BODY), header, SECRET, 300, NOW)).toBe(true);
  });

  it('accepts a body with characters outside ASCII, hashed as the UTF-8 bytes sent', () => {
    const body = JSON.stringify({ data: { summary: 'Café — naïve' } });
    expect(verifyPanelSignature(Buffer.from(body, 'utf8'), panelSignature(SECRET, body, NOW), SECRET, 300, NOW)).toBe(true);
  });

  it('refuses a body changed after signing, even by one character or by re-serialising it', () => {
    const header = panelSignature(SECRET, BODY, NOW);
    expect(verifyPanelSignature(BODY.replace('0001', '0002'), header, SECRET, 300, NOW)).toBe(false);
    expect(verifyPanelSignature(JSON.stringify(JSON.parse(BODY), null, 2), header, SECRET, 300, NOW)).toBe(false);
  });

  it('refuses another secret', () => {
    expect(verifyPanelSignature(BODY, panelSignature('someone-else', BODY, NOW), SECRET, 300, NOW)).toBe(false);
  });

  it('refuses a signature older or newer than the tolerance, and accepts one at its edge', () => {
    const signedAt = NOW - 300;
    const header = panelSignature(SECRET, BODY, signedAt);
    expect(verifyPanelSignature(BODY, header, SECRET, 300, NOW)).toBe(true);
    expect(verifyPanelSignature(BODY, header, SECRET, 299, NOW)).toBe(false);
    expect(verifyPanelSignature(BODY, panelSignature(SECRET, BODY, NOW + 301), SECRET, 300, NOW)).toBe(false);
  });

  it('refuses a replayed signature whose timestamp was rewritten to look fresh', () => {
    const old = panelSignature(SECRET, BODY, NOW - 3600);
    const forged = old.replace(`t=${NOW - 3600}`, `t=${NOW}`);
    expect(verifyPanelSignature(BODY, forged, SECRET, 300, NOW)).toBe(false);
  });

  it.each([
    ['no header', undefined],
    ['an empty header', ''],
    ['no timestamp', `v1=${'a'.repeat(64)}`],
    ['no v1', `t=${NOW}`],
    ['two timestamps', `t=${NOW},t=${NOW},v1=${'a'.repeat(64)}`],
    ['a short digest', `t=${NOW},v1=abcd`],
    ['a digest that is not hex', `t=${NOW},v1=${'z'.repeat(64)}`],
    ['a timestamp that is not a number', `t=now,v1=${'a'.repeat(64)}`],
  ])('refuses %s without throwing', (_name, header) => {
    expect(verifyPanelSignature(BODY, header, SECRET, 300, NOW)).toBe(false);
  });

  it('accepts when any of several v1 signatures matches (a secret being rotated)', () => {
    const good = panelSignature(SECRET, BODY, NOW).split(',')[1];
    expect(verifyPanelSignature(BODY, `t=${NOW},v1=${'0'.repeat(64)},${good}`, SECRET, 300, NOW)).toBe(true);
  });

  it('refuses everything when the secret is empty', () => {
    expect(verifyPanelSignature(BODY, panelSignature('', BODY, NOW), '', 300, NOW)).toBe(false);
  });

  it('checks against the clock when no time is given', () => {
    const now = Math.floor(Date.now() / 1000);
    expect(verifyPanelSignature(BODY, panelSignature(SECRET, BODY, now), SECRET, 300)).toBe(true);
    expect(verifyPanelSignature(BODY, panelSignature(SECRET, BODY, now - 3600), SECRET, 300)).toBe(false);
  });
});
