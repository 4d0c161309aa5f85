import { badInput } from './errors';

export const MAX_TEXT_LENGTH = 20_000;

/** Trims a required text field and refuses it when empty or longer than the limit. */
export function requiredText(field: string, value: string, max = MAX_TEXT_LENGTH): string {
  const trimmed = value.trim();
  if (trimmed === '') throw badInput(field, `${field} must not be empty.`);
  if (trimmed.length > max) throw badInput(field, `${field} is longer than ${max} characters.`);
  return trimmed;
}

/** Like requiredText, but an absent or blank value is stored as null. */
export function optionalText(field: string, value: string | null | undefined, max = MAX_TEXT_LENGTH): string | null {
  if (value === undefined || value === null || value.trim() === '') return null;
  return requiredText(field, value, max);
}
