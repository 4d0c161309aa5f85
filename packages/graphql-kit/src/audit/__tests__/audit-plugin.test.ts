import { buildSchema } from 'graphql';
import { RETRY_AFTER_SECONDS } from '../../request-deadline';
import { auditedField, auditPlugin } from '../audit-plugin';

const schema = buildSchema(`
  type Board { code: ID! incidentStats: Int actionProgress: Int }
  type AnnualReport { financialYear: String actionProgress: Int }
  type Incident { id: ID! reviews: [Int] }
  union _Entity = AnnualReport | Board | Incident
  type Query { incidents: Int _entities: [_Entity] }
`);

describe('auditedField', () => {
  it('names a root or nested field by its path', () => {
    expect(auditedField(schema, ['incidents'])).toBe('incidents');
    expect(auditedField(schema, ['incidents', 'edges', 0, 'node', 'children'])).toBe('incidents.edges.node.children');
  });

  it('names a field fetched through _entities by its entity type', () => {
    expect(auditedField(schema, ['_entities', 0, 'incidentStats'])).toBe('Board.incidentStats');
    expect(auditedField(schema, ['_entities', 3, 'reviews', 1, 'x'])).toBe('Incident.reviews.x');
  });

  it("names a field two entity types share by the representation's __typename", () => {
    const representations = [
      { __typename: 'AnnualReport', boardCode: 'LEEDS', financialYear: '2025-26' },
      { __typename: 'Board', code: 'LEEDS' },
    ];
    expect(auditedField(schema, ['_entities', 1, 'actionProgress'], representations)).toBe('Board.actionProgress');
    expect(auditedField(schema, ['_entities', 0, 'actionProgress'], representations)).toBe('AnnualReport.actionProgress');
  });

  it('answers undefined without a path', () => {
    expect(auditedField(schema, undefined)).toBeUndefined();
    expect(auditedField(schema, [0])).toBeUndefined();
  });
});

describe('auditPlugin when the trail cannot be written', () => {
  /** Runs the plugin's willSendResponse over an answer with data, with an auditor whose writes fail with `failure`. */
  async function answerWhenAuditFails(failure: Error) {
    const auditor = { standaloneAll: jest.fn(async () => undefined), flushIdentityReads: jest.fn(async () => Promise.reject(failure)) };
    const response = {
      body: { kind: 'single', singleResult: { data: { incidents: 3 } } } as Record<string, unknown>,
      http: { status: undefined as number | undefined, headers: new Map<string, string>() },
    };
    const listener = await auditPlugin().requestDidStart!({} as never);
    const run = listener!.willSendResponse!({
      contextValue: { auditor },
      operation: undefined,
      document: undefined,
      errors: undefined,
      schema,
      request: {},
      response,
    } as never);
    return { run, response };
  }

  it('withholds the answer and says "retry" (503 SERVICE_UNAVAILABLE, Retry-After) when the database is away', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const { run, response } = await answerWhenAuditFails(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    await run;
    expect(response.http.status).toBe(503);
    expect(response.http.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS));
    expect(JSON.stringify(response.body)).not.toContain('incidents');
    expect(response.body).toEqual({
      kind: 'single',
      singleResult: { errors: [{ message: expect.stringMatching(/Try again/), extensions: { code: 'SERVICE_UNAVAILABLE' } }] },
    });
  });

  it('lets any other failure through as the bug it is', async () => {
    const { run } = await answerWhenAuditFails(new TypeError('x is undefined'));
    await expect(run).rejects.toThrow('x is undefined');
  });
});
