import { keyedRequest } from '../idempotency-key.entity';

describe('keyedRequest', () => {
  it('digests the input without its key, so the same input under any key has the same digest', () => {
    const a = keyedRequest('admin', 'k1', { name: 'Health', idempotencyKey: 'k1' });
    const b = keyedRequest('admin', 'k2', { name: 'Health', idempotencyKey: 'k2' });
    expect(a.hash).toBe(b.hash);
    expect(a).toMatchObject({ scope: 'admin', key: 'k1' });
  });
  it('digests other input differently', () => {
    expect(keyedRequest('admin', 'k1', { name: 'Health' }).hash).not.toBe(keyedRequest('admin', 'k1', { name: 'Police' }).hash);
  });
});
