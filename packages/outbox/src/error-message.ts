/** The `last_error` column is VARCHAR(500). */
export const MAX_ERROR_LENGTH = 500;

/**
 * What a failed delivery records in `last_error`: the error's message only,
 * never its stack (stacks leak file paths and bloat the row), cut to 500
 * characters. Cuts on code points so an emoji is never split into a lone
 * surrogate, which MySQL's utf8mb4 would refuse.
 */
export function errorMessage(error: unknown): string {
  let message: string;
  if (error instanceof Error) message = error.message || error.name;
  else if (typeof error === 'string') message = error;
  else {
    try {
      message = JSON.stringify(error) ?? String(error);
    } catch {
      message = String(error);
    }
  }
  if (!message) message = 'delivery failed';
  const chars = Array.from(message);
  return chars.length > MAX_ERROR_LENGTH ? chars.slice(0, MAX_ERROR_LENGTH).join('') : message;
}
