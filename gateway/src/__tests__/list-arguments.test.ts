import { buildSchema, parse, type GraphQLInputType } from 'graphql';
import { MAX_LIST_ITEMS, tooLongLiteral, tooLongValue } from '../list-arguments';

const schema = buildSchema(`
  input Inner { codes: [ID!] }
  input Outer { name: String, items: [Inner!], tags: [[String!]] }
  type Query { q(codes: [ID!], input: Outer): Int }
`);
const outer = schema.getType('Outer') as GraphQLInputType;
const list = (n: number) => Array.from({ length: n }, (_, i) => `x${i}`);

describe('tooLongLiteral', () => {
  it('accepts lists of up to 100 items anywhere in the document', () => {
    expect(tooLongLiteral(parse(`{ q(codes: ${JSON.stringify(list(MAX_LIST_ITEMS))}) }`))).toBeUndefined();
  });

  it('finds a longer list in an argument, inside an input object, and in a variable default', () => {
    expect(tooLongLiteral(parse(`{ q(codes: ${JSON.stringify(list(101))}) }`))).toEqual({ field: 'codes', length: 101 });
    expect(tooLongLiteral(parse(`{ q(input: { items: [{ codes: ${JSON.stringify(list(150))} }] }) }`))).toEqual({ field: 'input.items.codes', length: 150 });
    expect(tooLongLiteral(parse(`query($c: [ID!] = ${JSON.stringify(list(101))}) { q(codes: $c) }`))).toEqual({ field: '$c', length: 101 });
  });
});

describe('tooLongValue', () => {
  it('follows the declared type into input objects and nested lists', () => {
    expect(tooLongValue(outer, { items: [{ codes: list(100) }], tags: [list(100)] }, '$i')).toBeUndefined();
    expect(tooLongValue(outer, { items: [{ codes: list(101) }] }, '$i')).toEqual({ field: '$i.items.codes', length: 101 });
    expect(tooLongValue(outer, { tags: [list(3), list(200)] }, '$i')).toEqual({ field: '$i.tags', length: 200 });
    expect(tooLongValue(outer, { items: list(101).map(() => ({})) }, '$i')).toEqual({ field: '$i.items', length: 101 });
  });

  it('ignores nulls, single values coerced to lists and unknown fields', () => {
    expect(tooLongValue(outer, null, '$i')).toBeUndefined();
    expect(tooLongValue(outer, { items: { codes: ['a'] } }, '$i')).toBeUndefined();
    expect(tooLongValue(outer, { other: list(500) }, '$i')).toBeUndefined();
  });
});
