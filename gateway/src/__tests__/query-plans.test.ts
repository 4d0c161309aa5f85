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
