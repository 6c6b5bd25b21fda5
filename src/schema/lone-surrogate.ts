const ESCAPE = /(\\+)u(d[89a-f][0-9a-f]{2})/gi;

/**
 * Whether JSON text (as JSON.stringify writes it) carries an unpaired UTF-16 surrogate, which
 * Google's parser refuses. JSON.stringify escapes exactly those as `\udxxx`, so only escapes
 * need looking at: a high surrogate must be followed by a low one, a low one preceded by a high.
 * The schema checks string fields itself; this covers Struct and Value contents (payloads),
 * which it does not walk.
 */
export function hasLoneSurrogate(json: string): boolean {
  if (!json.includes('\\u')) return false;
  let expectLowAt = -1;
  for (const match of json.matchAll(ESCAPE)) {
    if (match[1]!.length % 2 === 0) continue; // an escaped backslash followed by the letters "ud…"
    const at = match.index + match[1]!.length - 1;
    const high = parseInt(match[2]!, 16) < 0xdc00;
    if (expectLowAt !== -1 && (high || at !== expectLowAt)) return true;
    if (expectLowAt === -1 && !high) return true;
    expectLowAt = high ? at + 6 : -1;
  }
  return expectLowAt !== -1;
}
