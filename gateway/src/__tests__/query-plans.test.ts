import { readFileSync } from 'node:fs';
import path from 'node:path';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { QueryPlanner, type PlanNode, type QueryPlan } from '@apollo/query-planner';
import { parse } from 'graphql';

const supergraph = Supergraph.build(readFileSync(path.join(__dirname, '../../supergraph.graphql'), 'utf8'));
const planner = new QueryPlanner(supergraph);

/** The subgraphs the committed supergraph's plan calls for one operation, one entry per fetch. */
function fetches(query: string): string[] {
  const plan: QueryPlan = planner.buildQueryPlan(operationFromDocument(supergraph.schema, parse(query)));
  const services: string[] = [];
  const walk = (node: PlanNode | undefined): void => {
    if (!node) return;
    if (node.kind === 'Fetch') services.push(node.serviceName);
    else if (node.kind === 'Flatten') walk(node.node);
    else if (node.kind === 'Sequence' || node.kind === 'Parallel') node.nodes.forEach(walk);
    else if (node.kind === 'Condition') [node.ifClause, node.elseClause].forEach(walk);
    else if (node.kind === 'Defer') [node.primary.node, ...node.deferred.map((d) => d.node)].forEach(walk);
  };
  if (plan.node?.kind === 'Subscription') throw new Error('These pages are queries, not subscriptions.');
  walk(plan.node);
  return services.sort();
}

// Board and agency names are shown from each subgraph's copy of the directory (DirectoryCopy), so the
// pages that show them beside other records cost no round trip to the directory.
describe('query plans: names come from the subgraph that holds the record', () => {
  it('a page of incidents with board names, children and reviews asks incidents and reviews only', () => {
    expect(
      fetches(`{ incidents(first: 50) { edges { node { id reference board { name } children { pseudonym ageBand } reviews { stage kind } } } } }`),
    ).toEqual(['incidents', 'reviews']);
  });

  it('a review page with its board, involved agencies and action owners does not ask the directory', () => {
    const plan = fetches(`query($id: ID!) { review(id: $id) {
      id board { code name } involvedAgencies { id name sector } appointments { reviewer { id name } }
      incident { reference } actionPlan { actions { ownerAgency { id name sector } } board { name } }
    } }`);
    expect(plan).toEqual(['action-plans', 'incidents', 'reviews']);
  });

  it('fields only the directory holds still go to it', () => {
    expect(fetches(`{ incidents(first: 5) { edges { node { board { name kind } } } } }`)).toEqual(['agencies', 'incidents']);
  });
});

// The boards list is answered by every subgraph from its copy of the directory (boardsQueryResolver), so a
// question about one subgraph's board fields goes to that subgraph alone.
describe('query plans: the boards list comes from the subgraph whose fields are asked for', () => {
  const STATS = 'incidentStats(from: "2015-01-01", to: "2026-12-31", interval: YEAR, by: AGE_BAND) { period key count suppressed }';

  it("all five boards' incident statistics ask incidents only", () => {
    expect(fetches(`{ boards { code name ${STATS} } }`)).toEqual(['incidents']);
  });

  it("one board's statistics ask incidents only", () => {
    expect(fetches(`{ board(code: "LEEDS") { name ${STATS} } }`)).toEqual(['incidents']);
  });

  it("a plain list of boards, or one board, stays the directory's alone (the planner's tie-break), so another part being down does not fail it", () => {
    expect(fetches(`{ boards { code } }`)).toEqual(['agencies']);
    expect(fetches(`{ boards { code name } }`)).toEqual(['agencies']);
    expect(fetches(`{ board(code: "LEEDS") { code name } }`)).toEqual(['agencies']);
  });

  it('the directory still answers what only it holds, in one fetch', () => {
    expect(fetches(`{ boards { code name kind } }`)).toEqual(['agencies']);
    expect(fetches(`{ board(code: "LEEDS") { kind partnershipArrangementsFrom } }`)).toEqual(['agencies']);
  });

  it('statistics of several subgraphs ask each of them once, and not the directory', () => {
    expect(fetches(`{ boards { code ${STATS} themeStats(from: "2020-01-01", to: "2026-12-31") { key count } } }`)).toEqual(['incidents', 'reviews']);
    expect(fetches(`{ boards { code themeStats(from: "2020-01-01", to: "2026-12-31") { key count } } }`)).toEqual(['reviews']);
  });

  it('action progress, whose subgraph keeps no boards list, is asked after the directory', () => {
    expect(fetches(`{ boards { code actionProgress { total } } }`)).toEqual(['action-plans', 'agencies']);
  });
});
