import { GraphQLError } from 'graphql';
import { MAX_TEXT_LENGTH, optionalText, requiredText } from '../text';

function badInputOf(fn: () => unknown): GraphQLError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
    return error as GraphQLError;
  }
  throw new Error('expected a BAD_USER_INPUT error, nothing was thrown');
}

describe('requiredText', () => {
  it('trims surrounding whitespace', () => {
    expect(requiredText('summary', '  A child was harmed.\n')).toBe('A child was harmed.');
  });

  it.each(['', '   ', '\n\t '])('refuses empty or blank text %p, naming the field', (value) => {
    const error = badInputOf(() => requiredText('summary', value));
    expect(error.extensions.field).toBe('summary');
    expect(error.message).toContain('summary');
  });

  it('accepts text of exactly the limit and refuses one character more', () => {
    expect(requiredText('title', 'x'.repeat(10), 10)).toBe('x'.repeat(10));
    const error = badInputOf(() => requiredText('title', 'x'.repeat(11), 10));
    expect(error.extensions.field).toBe('title');
  });

  it('measures the limit after trimming', () => {
    expect(requiredText('title', `  ${'x'.repeat(10)}  `, 10)).toBe('x'.repeat(10));
  });

  it('defaults to the 20,000 character limit', () => {
    expect(MAX_TEXT_LENGTH).toBe(20_000);
    expect(requiredText('summary', 'x'.repeat(20_000))).toHaveLength(20_000);
    badInputOf(() => requiredText('summary', 'x'.repeat(20_001)));
  });
});

describe('optionalText', () => {
  it.each([null, undefined, '', '   '])('stores %p as null', (value) => {
    expect(optionalText('summary', value)).toBeNull();
  });

  it('trims a present value', () => {
    expect(optionalText('summary', '  text ')).toBe('text');
  });

  it('still refuses an over-long value, naming the field', () => {
    const error = badInputOf(() => optionalText('summary', 'x'.repeat(11), 10));
    expect(error.extensions.field).toBe('summary');
  });
});
