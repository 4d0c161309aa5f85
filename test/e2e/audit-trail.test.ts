import request from 'supertest';
import { todayInLondon } from '@scr/calendar';
import { AuditEvent } from '@scr/db';
import {
  boardTokens,
  errorCode,
  eventually,
  incidentInput,
  mutate,
  notifiedCase,
  REPORT_INCIDENT,
  reportIncident,
  startTestPlatform,
  type TestPlatform,
} from '@scr/testing';

let t: TestPlatform;
let admin: string;
let leeds: { manager: string; chair: string };
let bradford: { manager: string; chair: string };

beforeAll(async () => {
  t = await startTestPlatform();
  admin = await t.token({ subject: 'admin', roles: ['ADMIN'] });
  leeds = await boardTokens(t, 'LEEDS');
  bradford = await boardTokens(t, 'BRADFORD');
});
afterAll(() => t.stop());

const AUDIT = `query($f: AuditEventFilter, $first: Int) { auditEvents(filter: $f, first: $first) { totalCount edges { node { id at service subject roles board recordBoard operation targetIds outcome } } } }`;
type Row = {
  id: string;
  service: string;
  subject: string;
  roles: string[];
  board: string | null;
  recordBoard: string | null;
  operation: string;
  targetIds: string[];
  outcome: string;
};

async function auditFor(token: string, filter: Record<string, unknown>) {
  const res = await t.gql<{ auditEvents: { totalCount: number; edges: { node: Row }[] } }>(token, AUDIT, { f: filter, first: 500 });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.auditEvents.edges.map((e) => e.node);
}

/** Audit rows reach the directory through the outbox: wait until the expected row is there. */
const eventuallyAudited = (token: string, filter: Record<string, unknown>, match: (r: Row) => boolean, what: string) =>
  eventually(async () => (await auditFor(token, filter)).find(match), 10_000, what);

describe('audit trail', () => {
  it('records a mutation with who, which board, what ids and the outcome, never the input text', async () => {
    const incident = await reportIncident(t, leeds.manager, incidentInput('LEEDS', { summary: 'Sensitive narrative about the family' }));
    const row = await eventuallyAudited(admin, { targetId: incident.id }, (r) => r.operation === 'reportIncident', 'the reportIncident row');
    expect(row).toMatchObject({
      service: 'incidents',
      subject: 'manager-LEEDS',
      roles: ['BOARD_MANAGER'],
      board: 'LEEDS',
      recordBoard: 'LEEDS',
      outcome: 'OK',
    });
    expect(row.targetIds).toEqual(expect.arrayContaining(['LEEDS', incident.id]));
    const everything = JSON.stringify(await auditFor(admin, {}));
    expect(everything).not.toContain('Sensitive narrative');
    expect(everything).not.toContain('Alex Example');
  });

  it('finds an event by each of its target ids, exactly, whether the directory wrote it or another subgraph shipped it', async () => {
    const incident = await reportIncident(t, leeds.manager, incidentInput('LEEDS'));
    const shipped = await eventuallyAudited(admin, { targetId: incident.id }, (r) => r.operation === 'reportIncident', 'the shipped reportIncident row');
    const agency = await mutate<{ registerAgency: { id: string } }>(
      t,
      admin,
      'mutation { registerAgency(input: { name: "Target Agency", sector: OTHER, boardCodes: ["LEEDS", "WAKEFIELD"] }) { id } }',
      {},
    );
    const own = await eventuallyAudited(
      admin,
      { targetId: agency.registerAgency.id },
      (r) => r.operation === 'registerAgency',
      "the directory's own registerAgency row",
    );
    expect(own.service).toBe('agencies');
    for (const row of [shipped, own]) {
      expect(row.targetIds.length).toBeGreaterThan(1);
      for (const id of row.targetIds) {
        const found = await auditFor(admin, { targetId: id, operation: row.operation });
        expect(found.map((r) => r.id)).toContain(row.id);
      }
    }
    // Only the whole id: a part of it, or one differing in case, names nothing.
    for (const near of [incident.id.slice(0, 8), incident.id.toUpperCase(), `${incident.id} `]) {
      expect((await auditFor(admin, { targetId: near })).map((r) => r.id)).not.toContain(shipped.id);
    }
  });

  it('records every read of a child identity', async () => {
    const incident = await reportIncident(t, leeds.manager, incidentInput('LEEDS'));
    await t.gql(leeds.chair, `{ incident(id: "${incident.id}") { children { identity { fullName } } } }`);
    // The manager's reportIncident answer read the identity too: look for the chair's own row.
    const row = await eventuallyAudited(
      admin,
      { targetId: incident.id, operation: 'IncidentChild.identity' },
      (r) => r.subject === 'chair-LEEDS',
      "the chair's identity read",
    );
    expect(row).toMatchObject({ subject: 'chair-LEEDS', roles: ['BOARD_CHAIR'], outcome: 'READ', recordBoard: 'LEEDS', service: 'incidents' });
  });

  it("records refusals: FORBIDDEN, NOT_FOUND on another board's record, UNAUTHENTICATED, and a rolled-back mutation leaves no OK row", async () => {
    const incident = await reportIncident(t, leeds.manager, incidentInput('LEEDS'));
    const notFound = await t.gql(
      bradford.manager,
      `mutation { correctIncident(input: { incidentId: "${incident.id}", expectedVersion: 1, summary: "x" }) { id } }`,
    );
    expect(errorCode(notFound)).toBe('NOT_FOUND');
    await eventuallyAudited(
      admin,
      { targetId: incident.id },
      (r) => r.operation === 'correctIncident' && r.outcome === 'NOT_FOUND' && r.board === 'BRADFORD',
      'the NOT_FOUND refusal',
    );

    const analyst = await t.token({ subject: 'analyst-1', roles: ['ANALYST'] });
    expect(errorCode(await t.gql(analyst, '{ incidents { totalCount } }'))).toBe('FORBIDDEN');
    await eventuallyAudited(admin, { subject: 'analyst-1' }, (r) => r.operation === 'incidents' && r.outcome === 'FORBIDDEN', 'the FORBIDDEN read');

    expect(errorCode(await t.gql(undefined, '{ incidents { totalCount } }'))).toBe('UNAUTHENTICATED');
    await eventuallyAudited(
      admin,
      { subject: 'anonymous' },
      (r) => r.outcome === 'UNAUTHENTICATED' && r.service === 'incidents',
      'the UNAUTHENTICATED refusal',
    );
    const badToken = await t.gql('not-a-token', 'query ProbeWithBadToken { boards { code } }');
    expect(errorCode(badToken)).toBe('UNAUTHENTICATED');
    await eventuallyAudited(
      admin,
      { operation: 'ProbeWithBadToken' },
      (r) => r.service === 'gateway' && r.outcome === 'UNAUTHENTICATED',
      'the gateway refusal',
    );

    const conflictRes = await t.gql(
      leeds.manager,
      `mutation { correctIncident(input: { incidentId: "${incident.id}", expectedVersion: 7, summary: "y" }) { id } }`,
    );
    expect(errorCode(conflictRes)).toBe('CONFLICT');
    const rows = await eventually(async () => {
      const found = (await auditFor(admin, { targetId: incident.id, operation: 'correctIncident' })).filter((r) => r.board === 'LEEDS');
      return found.length ? found : undefined;
    });
    expect(rows.map((r) => r.outcome)).toEqual(['CONFLICT']);
  });

  it("records another board's probe of a single record as NOT_FOUND, with the id and the record's board, for that board's chair", async () => {
    const { incident, review } = await notifiedCase(t, leeds.manager, 'LEEDS');
    const probe = await t.gql<{ incident: unknown; review: unknown }>(
      bradford.manager,
      `query Probe($i: ID!, $r: ID!) { incident(id: $i) { id } review(id: $r) { id } }`,
      { i: incident.id, r: review.id },
    );
    expect(probe.errors).toBeUndefined();
    expect(probe.data).toEqual({ incident: null, review: null });
    for (const [operation, id] of [
      ['incident', incident.id],
      ['review', review.id],
    ]) {
      const row = await eventuallyAudited(
        leeds.chair,
        { targetId: id },
        (r) => r.operation === operation && r.outcome === 'NOT_FOUND',
        `the ${operation} probe`,
      );
      expect(row).toMatchObject({ subject: 'manager-BRADFORD', board: 'BRADFORD', recordBoard: 'LEEDS' });
      expect(row.targetIds).toEqual([id]);
    }
  });

  it("files refusals under the record's board, with the ids the refused read asked for", async () => {
    const incident = await reportIncident(t, leeds.manager, incidentInput('LEEDS'));
    const notFound = await t.gql(
      bradford.manager,
      `mutation { correctIncident(input: { incidentId: "${incident.id}", expectedVersion: 1, summary: "x" }) { id } }`,
    );
    expect(errorCode(notFound)).toBe('NOT_FOUND');
    const row = await eventuallyAudited(
      leeds.chair,
      { targetId: incident.id },
      (r) => r.operation === 'correctIncident' && r.outcome === 'NOT_FOUND',
      "the refused correction, seen by LEEDS's chair",
    );
    expect(row).toMatchObject({ board: 'BRADFORD', recordBoard: 'LEEDS' });

    const analyst = await t.token({ subject: 'analyst-probe', roles: ['ANALYST'] });
    expect(errorCode(await t.gql(analyst, `query($id: ID!) { incident(id: $id) { id } }`, { id: incident.id }))).toBe('FORBIDDEN');
    const refused = await eventuallyAudited(
      admin,
      { subject: 'analyst-probe' },
      (r) => r.operation === 'incident' && r.outcome === 'FORBIDDEN',
      'the refused read',
    );
    expect(refused.targetIds).toEqual([incident.id]);
    expect(refused.recordBoard).toBe('LEEDS');
  });

  it('records a mutation the gateway refuses before any subgraph sees it', async () => {
    const incident = await reportIncident(t, leeds.manager, incidentInput('LEEDS'));
    const res = await t.gql(bradford.manager, `mutation { correctIncident(input: { incidentId: "${incident.id}", expectedVersion: 1, nonsense: 1 }) { id } }`);
    expect(errorCode(res)).toBe('GRAPHQL_VALIDATION_FAILED');
    const row = await eventuallyAudited(admin, { targetId: incident.id }, (r) => r.service === 'gateway', 'the gateway refusal of the mutation');
    expect(row).toMatchObject({ subject: 'manager-BRADFORD', board: 'BRADFORD', operation: 'correctIncident', outcome: 'GRAPHQL_VALIDATION_FAILED' });
  });

  it("stores an operation name only as parsed from the document, never the request's free text", async () => {
    const forged = 'IncidentChild.identity READ forged';
    const res = await t.gql(undefined, 'query { boards { code } }', {});
    expect(res.status).toBe(200);
    const bad = await request(`http://127.0.0.1:${t.platform.gateway.port}`)
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', 'Bearer forged-token')
      .send({ query: 'query RealName { boards { code } }', operationName: forged });
    expect(bad.status).toBe(401);
    const named = await request(`http://127.0.0.1:${t.platform.gateway.port}`)
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', 'Bearer forged-token')
      .send({ query: 'query ParsedName { boards { code } }', operationName: 'ParsedName' });
    expect(named.status).toBe(401);
    await eventuallyAudited(admin, { operation: 'ParsedName' }, (r) => r.service === 'gateway' && r.outcome === 'UNAUTHENTICATED', 'the parsed name');
    const rows = await auditFor(admin, { subject: 'anonymous' });
    expect(rows.filter((r) => /forged|\s|\./.test(r.operation) && r.service === 'gateway')).toEqual([]);
    expect(rows.every((r) => /^[A-Za-z0-9_.]+$/.test(r.operation))).toBe(true);
  });

  it("shows ADMIN the whole consortium's trail from every subgraph, a chair only its own board's, and nobody else anything", async () => {
    const { review } = await notifiedCase(t, bradford.manager, 'BRADFORD');
    await mutate(t, bradford.chair, 'mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { id } }', {
      i: {
        reviewId: review.id,
        outcome: 'NO_FURTHER_REVIEW',
        criteriaMet: false,
        partnersAgreed: ['CHILDRENS_SOCIAL_CARE', 'HEALTH', 'POLICE'],
        rationale: 'No.',
        decidedOn: todayInLondon(),
      },
    });
    const decision = await eventuallyAudited(admin, { targetId: review.id }, (r) => r.operation === 'recordDecision', 'the decision row');
    expect(decision).toMatchObject({ service: 'reviews', outcome: 'OK', recordBoard: 'BRADFORD' });
    await mutate(t, admin, 'mutation { registerAgency(input: { name: "Audit Agency", sector: OTHER, boardCodes: ["LEEDS"] }) { id } }', {});
    const services = new Set((await auditFor(admin, {})).map((r) => r.service));
    expect([...services]).toEqual(expect.arrayContaining(['agencies', 'incidents', 'reviews']));

    const leedsView = await auditFor(leeds.chair, {});
    expect(leedsView.length).toBeGreaterThan(0);
    expect(leedsView.every((r) => r.board === 'LEEDS' || r.recordBoard === 'LEEDS')).toBe(true);
    expect(await auditFor(leeds.chair, { targetId: review.id })).toEqual([]);
    expect(errorCode(await t.gql(leeds.manager, AUDIT, {}))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(undefined, AUDIT, {}))).toBe('UNAUTHENTICATED');
  });

  it('refuses any UPDATE or DELETE of an audit row, in every subgraph database', async () => {
    await t.gql(leeds.manager, REPORT_INCIDENT, { input: incidentInput('LEEDS') });
    for (const [name, service] of t.platform.services) {
      const db = service.db!;
      await db.manager.query('INSERT INTO audit_events (id, at, service, subject, roles, operation, target_ids, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
        `probe-${name}`,
        '2026-01-01 00:00:00.000',
        name,
        'probe',
        '',
        'probe',
        '[]',
        'OK',
      ]);
      await expect(db.manager.query("UPDATE audit_events SET outcome = 'EDITED'")).rejects.toThrow(/append-only/);
      await expect(db.manager.query('DELETE FROM audit_events')).rejects.toThrow(/append-only/);
      expect(await db.manager.count(AuditEvent, { where: { outcome: 'EDITED' } })).toBe(0);
    }
    // The directory's index of target ids is as append-only as the trail it indexes.
    const directory = t.platform.services.get('agencies')!.db!;
    await expect(directory.manager.query("UPDATE audit_event_targets SET target_id = 'EDITED'")).rejects.toThrow(/append-only/);
    await expect(directory.manager.query('DELETE FROM audit_event_targets')).rejects.toThrow(/append-only/);
  });
});
