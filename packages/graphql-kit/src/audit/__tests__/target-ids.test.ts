import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { argumentIds, idsIn, pathTargetIds, resultFacts, rootFields } from '../target-ids';

describe('idsIn', () => {
  it('keeps ids and codes from any depth and drops every other text', () => {
    const args = {
      input: {
        incidentId: 'inc-1',
        boardCode: 'LEEDS',
        summary: 'A child was harmed',
        children: [{ pseudonym: 'Child A', fullName: 'Alex Example' }],
        affiliatedAgencyIds: ['ag-1', 'ag-2'],
        nested: { id: 'x-9', note: 'free text' },
      },
      reviewId: 'rev-1',
      code: 'WAKEFIELD',
    };
    expect(idsIn(args).sort()).toEqual(['LEEDS', 'WAKEFIELD', 'ag-1', 'ag-2', 'inc-1', 'rev-1', 'x-9']);
  });

  it('ignores numbers, booleans, dates and nulls even under id-like names', () => {
    expect(idsIn({ expectedVersion: 3, someId: null, lead: true, boardCodes: [], decidedOnId: new Date() })).toEqual([]);
  });

  it('truncates very long values', () => {
    expect(idsIn({ id: 'x'.repeat(500) })[0]).toHaveLength(100);
  });
});

describe('resultFacts', () => {
  it('takes the id (or a board code) and the owning board of a result', () => {
    expect(resultFacts({ id: 'i-1', boardCode: 'LEEDS', summary: 's' })).toEqual({ id: 'i-1', board: 'LEEDS' });
    expect(resultFacts({ code: 'LEEDS' })).toEqual({ id: 'LEEDS', board: undefined });
    expect(resultFacts(true)).toEqual({});
  });
});

describe('rootFields, argumentIds and pathTargetIds', () => {
  const document = parse(`query($id: ID!, $representations: [_Any!]!) {
    mine: incident(id: $id) { id }
    ... on Query { review(id: "r-1") { id } }
    ...More
    _entities(representations: $representations) { __typename }
  }
  fragment More on Query { actionPlan(id: "p-1") { id } }`);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const variables = {
    id: 'i-1',
    representations: [
      { __typename: 'Review', id: 'r-9' },
      { __typename: 'Review', id: 'r-10' },
    ],
  };
  const fields = rootFields(operation, document);

  it('finds root fields by response key, through inline fragments and fragment spreads', () => {
    expect([...fields.keys()]).toEqual(['mine', 'review', 'actionPlan', '_entities']);
  });

  it('reads ids from literals and variables', () => {
    expect(argumentIds(fields.get('mine')!, variables)).toEqual(['i-1']);
    expect(argumentIds(fields.get('review')!, variables)).toEqual(['r-1']);
  });

  it("names the record an error's path is about, including an _entities representation", () => {
    expect(pathTargetIds(['mine', 'children'], fields, variables)).toEqual(['i-1']);
    expect(pathTargetIds(['_entities', 1, 'decision'], fields, variables)).toEqual(['r-10']);
    expect(pathTargetIds(['unknown'], fields, variables)).toEqual([]);
    expect(pathTargetIds(undefined, fields, variables)).toEqual([]);
  });
});
