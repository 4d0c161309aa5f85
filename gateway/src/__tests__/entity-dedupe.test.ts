import { dedupeRepresentations, expandEntities } from '../entity-dedupe';

const leeds = { __typename: 'Board', code: 'LEEDS' };
const bradford = { __typename: 'Board', code: 'BRADFORD' };

describe('dedupeRepresentations', () => {
  it('sends each distinct representation once and remembers which answer each row gets', () => {
    const deduped = dedupeRepresentations({ representations: [leeds, bradford, { ...leeds }, leeds], other: 1 });
    expect(deduped).toEqual({ unique: [leeds, bradford], positions: [0, 1, 0, 0] });
  });

  it('leaves a fetch alone when nothing repeats, or when it is no entity fetch', () => {
    expect(dedupeRepresentations({ representations: [leeds, bradford] })).toBeUndefined();
    expect(dedupeRepresentations({ first: 50 })).toBeUndefined();
    expect(dedupeRepresentations(undefined)).toBeUndefined();
  });

  it('tells apart representations that differ in any key field', () => {
    const a = { __typename: 'Incident', id: '1' };
    const b = { __typename: 'Incident', id: '2' };
    expect(dedupeRepresentations({ representations: [a, b, a] })?.unique).toEqual([a, b]);
  });
});

describe('expandEntities', () => {
  it('gives every row its answer, as separate objects, in the order asked', () => {
    const response = { data: { _entities: [{ name: 'Leeds' }, { name: 'Bradford' }] } };
    const expanded = expandEntities(response, [0, 1, 0, 0]);
    expect(expanded.data._entities).toEqual([{ name: 'Leeds' }, { name: 'Bradford' }, { name: 'Leeds' }, { name: 'Leeds' }]);
    const rows = expanded.data._entities as object[];
    // The gateway merges later fetches into each row's entity: one row's merge must not show in another's.
    expect(rows[2]).not.toBe(rows[0]);
    expect(rows[3]).not.toBe(rows[2]);
  });

  it("reports an error at an entity at every row that asked for it, with that row's path", () => {
    const response = {
      data: { _entities: [null, { name: 'Bradford' }] },
      errors: [
        { message: 'You may not see this board.', path: ['_entities', 0, 'name'], extensions: { code: 'FORBIDDEN' } },
        { message: 'Something about the whole fetch.' },
      ],
    };
    const expanded = expandEntities(response, [0, 1, 0]);
    expect(expanded.data._entities).toEqual([null, { name: 'Bradford' }, null]);
    expect(expanded.errors).toEqual([
      { message: 'You may not see this board.', path: ['_entities', 0, 'name'], extensions: { code: 'FORBIDDEN' } },
      { message: 'You may not see this board.', path: ['_entities', 2, 'name'], extensions: { code: 'FORBIDDEN' } },
      { message: 'Something about the whole fetch.' },
    ]);
  });

  it('passes through a fetch that failed as a whole (no data)', () => {
    const response = { data: null, errors: [{ message: 'down', path: ['_entities'] }] };
    expect(expandEntities(response, [0, 0])).toEqual(response);
  });
});
