/** The median (mean of the two middle values for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Half the range over the median, %: how far the runs spread around it. */
export function spreadPercent(values: readonly number[]): number {
  if (values.length < 2) return 0;
  return (50 * (Math.max(...values) - Math.min(...values))) / median(values);
}
