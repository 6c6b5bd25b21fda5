import { closestName } from '../schema/closest-name.js';

/** ` (did you mean "X"?)` for the known name closest to `name`, or '' when none is close. */
export function didYouMean(name: string, known: readonly string[]): string {
  const close = closestName(name, known);
  return close === undefined || close === name ? '' : ` (did you mean "${close}"?)`;
}
