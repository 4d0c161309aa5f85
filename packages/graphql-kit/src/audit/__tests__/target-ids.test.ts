import { idsIn, resultFacts } from '../target-ids';

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
