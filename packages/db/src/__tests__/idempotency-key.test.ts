import { keyedRequest } from '../idempotency-key.entity';

type Input = { name: string; idempotencyKey?: string | null };
const input = (name: string, idempotencyKey?: string): Input => ({ name, idempotencyKey });

describe('keyedRequest', () => {
  it('digests the input without its key, so the same input under any key has the same digest', () => {
    const a = keyedRequest('admin', 'k1', input('Health', 'k1'));
    const b = keyedRequest('admin', 'k2', input('Health', 'k2'));
    expect(a.hash).toBe(b.hash);
    expect(a).toMatchObject({ scope: 'admin', key: 'k1' });
  });
  it('digests other input differently', () => {
    expect(keyedRequest('admin', 'k1', input('Health')).hash).not.toBe(keyedRequest('admin', 'k1', input('Police')).hash);
  });
});
