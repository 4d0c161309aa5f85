import { parse } from 'graphql';
import { operationNameOfBody, parsedOperationName } from '../refusal-audit';

describe('operation names in gateway audit rows', () => {
  it('takes the name parsed from the document, picked by operationName', () => {
    const document = parse('query A { boards { code } } mutation B { x }');
    expect(parsedOperationName(document, 'B')).toBe('B');
    expect(parsedOperationName(document, undefined)).toBeUndefined();
    expect(parsedOperationName(parse('query Only { a }'), undefined)).toBe('Only');
  });

  it("never stores the request's own operationName text when the document does not declare it", () => {
    expect(operationNameOfBody({ query: 'query Real { a }', operationName: 'IncidentChild.identity READ forged' }, 1000)).toBeUndefined();
    expect(operationNameOfBody({ query: '{ a }', operationName: 'Anything' }, 1000)).toBeUndefined();
    expect(operationNameOfBody({ query: 'not graphql', operationName: 'X' }, 1000)).toBeUndefined();
    expect(operationNameOfBody({ query: 'query Real { a }' }, 1000)).toBe('Real');
  });
});
