/**
 * Where a JSON text first stops being JSON, as an offset, without quoting the text: V8's messages
 * either give "at position N" or quote the text around the mistake, and an export's text may hold
 * a secret. Without a position, the shortest prefix that is already wrong (rather than merely
 * unfinished) is searched for: a mistake stays in every longer prefix, so the search halves.
 */
export function jsonErrorPosition(text: string, message: string): number {
  const given = /at position (\d+)/.exec(message);
  if (given !== null) return Number(given[1]);
  let good = 0; // a prefix of this length is fine so far
  let bad = text.length; // a prefix of this length is already wrong
  while (bad - good > 1) {
    const middle = (good + bad) >>> 1;
    if (isWrongSoFar(text.slice(0, middle))) bad = middle;
    else good = middle;
  }
  return bad - 1;
}

function isWrongSoFar(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return false;
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/end of JSON input|Unterminated/i.test(message)) return false;
    const at = /at position (\d+)/.exec(message);
    // A mistake found at the very end of the prefix is the prefix being cut short.
    return at === null || Number(at[1]) < prefix.length;
  }
}

/** 1-based line and column of an offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
