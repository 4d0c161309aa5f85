/**
 * A part of the platform that is down is "try again", never "you are signed
 * out" or "internal error": SERVICE_UNAVAILABLE, and HTTP 503 with
 * Retry-After when nothing else could be answered.
 */
import request from 'supertest';
import { boardTokens, errorCode, incidentInput, reportIncident, startTestPlatform, type TestPlatform } from '@scr/testing';

let t: TestPlatform;

beforeAll(async () => {
  t = await startTestPlatform();
});
afterAll(() => t.stop());

async function post(token: string, query: string) {
  const res = await request(`http://127.0.0.1:${t.platform.gateway.port}`)
    .post('/graphql')
    .set('content-type', 'application/json')
    .set('authorization', `Bearer ${token}`)
    .send({ query });
  return res;
}

it('answers SERVICE_UNAVAILABLE for the fields of a stopped subgraph (503 with Retry-After when they are all that was asked); the others keep answering', async () => {
  const leeds = await boardTokens(t, 'LEEDS');
  const incident = await reportIncident(t, leeds.manager, incidentInput('LEEDS'));
  await t.platform.stopService('reviews');
  try {
    const alone = await post(leeds.manager, '{ reviews { totalCount } }');
    expect(alone.status).toBe(503);
    expect(Number(alone.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(errorCode(alone.body)).toBe('SERVICE_UNAVAILABLE');
    expect(alone.body.errors[0].message).toMatch(/Try again/);

    // incidents still answers, beside the missing part.
    const mixed = await post(leeds.manager, `{ incidents { totalCount } review(id: "${incident.id}") { id } }`);
    expect(mixed.status).toBe(200);
    expect(mixed.body.data.incidents.totalCount).toBe(1);
    expect(mixed.body.data.review).toBeNull();
    expect(mixed.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['SERVICE_UNAVAILABLE']);

    const other = await t.gql<{ incident: { reference: string } }>(leeds.manager, `{ incident(id: "${incident.id}") { reference } }`);
    expect(other.errors).toBeUndefined();
    expect(other.data!.incident.reference).toBe(incident.reference);
  } finally {
    await t.platform.startService('reviews');
  }
  const back = await t.gql<{ reviews: { totalCount: number } }>(leeds.manager, '{ reviews { totalCount } }');
  expect(back.errors).toBeUndefined();
});

it('answers SERVICE_UNAVAILABLE, never UNAUTHENTICATED, when the directory cannot check the token', async () => {
  // A board no earlier request named, so no cached "yes" from the directory answers for it.
  const wakefield = await boardTokens(t, 'WAKEFIELD');
  await t.platform.stopService('agencies');
  try {
    const res = await post(wakefield.manager, '{ incidents { totalCount } }');
    expect(errorCode(res.body)).toBe('SERVICE_UNAVAILABLE');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBeDefined();
    expect(JSON.stringify(res.body)).not.toContain('UNAUTHENTICATED');
  } finally {
    await t.platform.startService('agencies');
  }
  const back = await t.gql<{ incidents: { totalCount: number } }>(wakefield.manager, '{ incidents { totalCount } }');
  expect(back.errors).toBeUndefined();
  expect(back.data!.incidents.totalCount).toBe(0);
});
