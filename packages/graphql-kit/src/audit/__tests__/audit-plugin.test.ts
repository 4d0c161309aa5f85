import { buildSchema } from 'graphql';
import { auditedField } from '../audit-plugin';

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
    const representations = [{ __typename: 'AnnualReport', boardCode: 'LEEDS', financialYear: '2025-26' }, { __typename: 'Board', code: 'LEEDS' }];
    expect(auditedField(schema, ['_entities', 1, 'actionProgress'], representations)).toBe('Board.actionProgress');
    expect(auditedField(schema, ['_entities', 0, 'actionProgress'], representations)).toBe('AnnualReport.actionProgress');
  });

  it('answers undefined without a path', () => {
    expect(auditedField(schema, undefined)).toBeUndefined();
    expect(auditedField(schema, [0])).toBeUndefined();
  });
});
