import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { loadConfig } from '@scr/config';
import { queryLimits } from '../limits';
import { PERIOD_COST, STATEMENT_COST } from '../statistics-cost';

const schema = buildSchema(`
  enum Interval { MONTH QUARTER YEAR FINANCIAL_YEAR }
  type StatCell { period: String! key: String! count: Int suppressed: Boolean! }
  type Timeliness { decisions: Int! }
  type Board {
    code: ID!
    name: String!
    incidentStats(from: String!, to: String!, interval: Interval = QUARTER): [StatCell!]!
    themeStats(from: String!, to: String!, interval: Interval = QUARTER): [StatCell!]!
    reviewTimeliness(from: String!, to: String!): Timeliness!
  }
  type Query { board(code: ID!): Board boards: [Board!]! }
`);

function errors(query: string, env: Record<string, string> = {}) {
  const { validationRules, parseOptions } = queryLimits(loadConfig(env));
  return validate(schema, parse(query, parseOptions), [...specifiedRules, ...validationRules]).map((e) => ({ message: e.message, code: e.extensions.code }));
}

const CELLS = '{ period key count suppressed }';
const aliased = (n: number, args: string) =>
  `{ board(code: "LEEDS") { ${Array.from({ length: n }, (_, i) => `s${i}: incidentStats(${args}) ${CELLS}`).join(' ')} } }`;
const WIDE = 'from: "2016-01-01", to: "2025-12-31", interval: MONTH'; // 120 months

describe('statistics in the cost limit', () => {
  it("refuses incidentStats aliased 15 times over a wide window, with the cost limit's code", () => {
    expect(errors(aliased(15, WIDE))).toEqual([
      { message: expect.stringMatching(/^The query asks for too much at once \(its estimated cost is over 300000\)/), code: 'GRAPHQL_VALIDATION_FAILED' },
    ]);
    // The issue's own window (0001-9999 by month) is priced at the most a window may span.
    expect(errors(aliased(15, 'from: "0001-01-01", to: "9999-12-31", interval: MONTH'))).toHaveLength(1);
  });

  it('still answers one wide window, and a few together', () => {
    expect(errors(aliased(1, WIDE))).toEqual([]);
    expect(errors(aliased(9, WIDE))).toEqual([]); // 9 x 31,000 plus armor's own estimate
    expect(errors(aliased(10, WIDE))).toHaveLength(1);
  });

  it('prices a window by its periods: narrow windows cost little', () => {
    // One quarter: a statement and one period each; fifteen fit easily.
    expect(errors(aliased(15, 'from: "2025-01-01", to: "2025-03-31"'))).toEqual([]);
    // Limit set just under one wide field's weight: it alone is refused, a one-year window by month is not.
    const justUnder = { GRAPHQL_MAX_COST: String(STATEMENT_COST + 120 * PERIOD_COST - 1) };
    expect(errors(aliased(1, WIDE), justUnder)).toHaveLength(1);
    expect(errors(aliased(1, 'from: "2025-01-01", to: "2025-12-31", interval: MONTH'), justUnder)).toEqual([]);
  });

  it('prices a window given in variables at the most a window may span', () => {
    const justUnder = { GRAPHQL_MAX_COST: String(STATEMENT_COST + 120 * PERIOD_COST - 1) };
    const withVariables = `query($from: String!, $to: String!) { board(code: "LEEDS") { incidentStats(from: $from, to: $to) ${CELLS} } }`;
    expect(errors(withVariables, justUnder)).toHaveLength(1);
    const intervalVariable = `query($i: Interval) { board(code: "LEEDS") { incidentStats(from: "2025-01-01", to: "2025-12-31", interval: $i) ${CELLS} } }`;
    expect(errors(intervalVariable, justUnder)).toHaveLength(1);
  });

  it('counts statistics however the operation is written: fragments, inline fragments, lists, @include', () => {
    const spread = `{ board(code: "LEEDS") { ...S ...S2 } boards { ... on Board { t: themeStats(${WIDE}) ${CELLS} } } }
      fragment S on Board { ${Array.from({ length: 5 }, (_, i) => `a${i}: incidentStats(${WIDE}) @include(if: true) ${CELLS}`).join(' ')} }
      fragment S2 on Board { ${Array.from({ length: 5 }, (_, i) => `b${i}: themeStats(${WIDE}) ${CELLS}`).join(' ')} }`;
    expect(errors(spread)).toEqual([{ message: expect.stringMatching(/too much at once/), code: 'GRAPHQL_VALIDATION_FAILED' }]);
  });

  it('does not refuse twice what armor already refused, and weighs nothing on other fields', () => {
    // Armor alone prices this over 10: one refusal, not two.
    expect(errors(aliased(15, WIDE), { GRAPHQL_MAX_COST: '10' })).toHaveLength(1);
    // { boards { code name } } is 2 + 1.5 x (1 + 1) = 5 by armor's count, statistics add nothing.
    expect(errors('{ boards { code name } }', { GRAPHQL_MAX_COST: '4' })).toHaveLength(1);
    expect(errors('{ boards { code name } }', { GRAPHQL_MAX_COST: '5' })).toEqual([]);
  });
});
