/** The median of numbers already sorted ascending; null for none. */
export function medianOfSorted(values: readonly number[]): number | null {
  if (!values.length) return null;
  const middle = Math.floor(values.length / 2);
  // With at least one value, middle is in range, and so is middle - 1 when the count is even.
  return values.length % 2 ? values[middle]! : (values[middle - 1]! + values[middle]!) / 2;
}
