import { buildSchema, parse, validate } from 'graphql';
import { listSizeLimit } from '../list-size-limit';

const schema = buildSchema(`
  type Agency { id: ID! boards: [Board!]! }
  type Board { code: ID! agencies: [Agency!]! children: [Child!]! }
  type Child { pseudonym: String! }
  type Edge { node: Board! }
  type Connection { edges: [Edge!]! }
  type Query { agencies: [Agency!]! boards: [Board!]! page(first: Int = 50): Connection! }
`);

const errors = (query: string, max = 100_000) => validate(schema, parse(query), [listSizeLimit(max)]);

describe('listSizeLimit', () => {
  it('accepts ordinary nesting', () => {
    expect(errors('{ boards { agencies { id } } }')).toEqual([]);
    expect(errors('{ page(first: 500) { edges { node { children { pseudonym } } } } }')).toEqual([]);
    expect(errors('{ agencies { boards { agencies { id } } } }')).toEqual([]);
  });

  it('refuses lists nested in lists beyond the limit, through fragments too', () => {
    expect(errors('{ agencies { boards { agencies { boards { agencies { id } } } } } }')).toHaveLength(1);
    expect(errors('{ agencies { ...A } } fragment A on Agency { boards { agencies { boards { agencies { id } } } } }')).toHaveLength(1);
    expect(errors('{ page(first: 500) { edges { node { agencies { boards { code } } } } } }', 10_000)).toHaveLength(1);
  });

  it('counts a page size given as a variable as 100, and clamps literal pages to 500', () => {
    expect(errors('query($n: Int) { page(first: $n) { edges { node { agencies { id } } } } }', 2_000)).toEqual([]);
    expect(errors('query($n: Int) { page(first: $n) { edges { node { agencies { id } } } } }', 1_999)).toHaveLength(1);
    expect(errors('{ page(first: 100000) { edges { node { code } } } }', 500)).toEqual([]);
  });

  it('does not count leaf lists', () => {
    expect(errors('{ page(first: 500) { edges { node { code } } } }', 500)).toEqual([]);
  });
});
