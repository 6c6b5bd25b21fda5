/** A single-quoted TypeScript string literal of any text. */
export function literal(text: string): string {
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `'${escaped}'`;
}

/** A property name: bare when it is an identifier, else a quoted literal. */
export function propertyKey(text: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(text) ? text : literal(text);
}
