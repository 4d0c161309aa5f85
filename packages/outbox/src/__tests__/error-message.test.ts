import { errorMessage, MAX_ERROR_LENGTH } from '../error-message';

describe('errorMessage', () => {
  it('keeps an error message and never its stack', () => {
    const error = new Error('receiver answered 503');
    expect(error.stack).toContain('error-message.test');
    expect(errorMessage(error)).toBe('receiver answered 503');
  });

  it('cuts long messages to the column width', () => {
    expect(errorMessage(new Error('x'.repeat(2000)))).toHaveLength(MAX_ERROR_LENGTH);
    expect(MAX_ERROR_LENGTH).toBe(500);
  });

  it('cuts on code points, never inside a surrogate pair', () => {
    const message = errorMessage(new Error('a' + '😀'.repeat(600)));
    expect(Array.from(message)).toHaveLength(500);
    expect(message.endsWith('😀')).toBe(true);
  });

  it('describes thrown non-errors', () => {
    expect(errorMessage('plain string')).toBe('plain string');
    expect(errorMessage({ status: 502 })).toBe('{"status":502}');
    expect(errorMessage(undefined)).toBe('undefined');
    expect(errorMessage(new Error(''))).toBe('Error');
    expect(errorMessage('')).toBe('delivery failed');
  });
});
