import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isValidIsoDate } from '@scr/calendar';

function scalarInputError(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isValidIsoDate(value)) {
    throw scalarInputError(`"${String(value).slice(0, 40)}" is not a calendar date: use YYYY-MM-DD, e.g. "2026-11-26".`);
  }
  return value;
}

/** ISO-8601 calendar date, kept as the string "YYYY-MM-DD" end to end. */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'ISO-8601 calendar date, "2026-11-26"',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

function parseDateTime(value: unknown): Date {
  if (typeof value === 'string' && INSTANT.test(value) && isValidIsoDate(value.slice(0, 10))) {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) return date;
  }
  throw scalarInputError(`"${String(value).slice(0, 40)}" is not an instant: use ISO-8601 with a zone, e.g. "2026-11-26T12:00:00.000Z".`);
}

/** ISO-8601 instant in UTC. */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'ISO-8601 instant in UTC, "2026-11-26T12:00:00.000Z"',
  serialize: (value) => (value instanceof Date ? value : new Date(String(value))).toISOString(),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});
