import { GraphQLError, Kind, parseValue, type ValueNode } from 'graphql';
import { DateScalar, DateTimeScalar } from '../scalars';

function expectBadInput(fn: () => unknown): void {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(GraphQLError);
  expect((thrown as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
}

const literal = (source: string): ValueNode => parseValue(source);

describe('DateScalar', () => {
  it('accepts a real calendar date, including 29 February in a leap year', () => {
    expect(DateScalar.parseValue('2026-11-26')).toBe('2026-11-26');
    expect(DateScalar.parseValue('2024-02-29')).toBe('2024-02-29');
  });

  it.each<[string, unknown]>([
    ['an impossible day', '2026-02-30'],
    ['29 February in a common year', '2026-02-29'],
    ['unpadded month and day', '2026-1-1'],
    ['a number', 20260101],
    ['a date-time', '2026-11-26T00:00:00Z'],
    ['null', null],
  ])('refuses %s with BAD_USER_INPUT', (_what, value) => {
    expectBadInput(() => DateScalar.parseValue(value));
  });

  it('parses a string literal in a query', () => {
    const ast = literal('"2024-02-29"');
    expect(ast.kind).toBe(Kind.STRING);
    expect(DateScalar.parseLiteral(ast, undefined)).toBe('2024-02-29');
  });

  it('refuses an impossible string literal and a non-string literal', () => {
    expectBadInput(() => DateScalar.parseLiteral(literal('"2026-02-30"'), undefined));
    expectBadInput(() => DateScalar.parseLiteral(literal('20260101'), undefined));
    expect(literal('20260101').kind).toBe(Kind.INT);
  });

  it('serializes a date string as is and a Date as its UTC calendar date', () => {
    expect(DateScalar.serialize('2026-11-26')).toBe('2026-11-26');
    expect(DateScalar.serialize(new Date('2026-11-26T23:30:00.000Z'))).toBe('2026-11-26');
  });
});

describe('DateTimeScalar', () => {
  it('accepts a UTC instant', () => {
    const value = DateTimeScalar.parseValue('2026-11-26T12:00:00.000Z') as Date;
    expect(value).toBeInstanceOf(Date);
    expect(value.toISOString()).toBe('2026-11-26T12:00:00.000Z');
  });

  it('accepts an offset and reads it as the right instant', () => {
    const value = DateTimeScalar.parseValue('2026-11-26T12:00:00+01:00') as Date;
    expect(value.toISOString()).toBe('2026-11-26T11:00:00.000Z');
  });

  it.each(['2026-11-26', '2026-02-30T00:00:00Z', 'yesterday', '2026-11-26T12:00:00', 1764158400000])('refuses %p with BAD_USER_INPUT', (value) => {
    expectBadInput(() => DateTimeScalar.parseValue(value));
  });

  it('parses a string literal and refuses a non-string one', () => {
    const value = DateTimeScalar.parseLiteral(literal('"2026-11-26T12:00:00+01:00"'), undefined) as Date;
    expect(value.toISOString()).toBe('2026-11-26T11:00:00.000Z');
    expectBadInput(() => DateTimeScalar.parseLiteral(literal('"2026-02-30T00:00:00Z"'), undefined));
    expectBadInput(() => DateTimeScalar.parseLiteral(literal('1764158400000'), undefined));
  });

  it('serializes as an ISO instant in UTC', () => {
    expect(DateTimeScalar.serialize(new Date('2026-11-26T12:00:00+01:00'))).toBe('2026-11-26T11:00:00.000Z');
  });
});
