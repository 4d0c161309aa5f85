import { requestHash } from '../request-hash';

describe('requestHash', () => {
  const input = {
    boardCode: 'LEEDS',
    criterion: 'CHILD_DIED',
    awareOn: '2026-11-20',
    children: [{ pseudonym: 'Child A', sex: 'FEMALE' }],
  };

  it('is a sha-256 hex digest', () => {
    expect(requestHash(input)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is the same whatever the key order, nested objects included', () => {
    const reordered = {
      children: [{ sex: 'FEMALE', pseudonym: 'Child A' }],
      awareOn: '2026-11-20',
      criterion: 'CHILD_DIED',
      boardCode: 'LEEDS',
    };
    expect(requestHash(reordered)).toBe(requestHash(input));
  });

  it('differs when a value differs', () => {
    expect(requestHash({ ...input, awareOn: '2026-11-21' })).not.toBe(requestHash(input));
    expect(requestHash({ ...input, children: [{ pseudonym: 'Child B', sex: 'FEMALE' }] })).not.toBe(requestHash(input));
  });

  it('differs when a key is added or renamed with the same value', () => {
    expect(requestHash({ ...input, summary: 'x' })).not.toBe(requestHash(input));
    expect(requestHash({ a: 1 })).not.toBe(requestHash({ b: 1 }));
  });

  it('distinguishes a string from a number with the same text', () => {
    expect(requestHash({ a: '1' })).not.toBe(requestHash({ a: 1 }));
  });

  it('ignores keys whose value is undefined (e.g. the idempotency key itself)', () => {
    expect(requestHash({ ...input, idempotencyKey: undefined })).toBe(requestHash(input));
  });

  it('is order-sensitive for arrays', () => {
    expect(requestHash({ abuseTypes: ['PHYSICAL', 'NEGLECT'] })).not.toBe(requestHash({ abuseTypes: ['NEGLECT', 'PHYSICAL'] }));
  });
});
