/**
 * JSON with two-space indentation, except that an array or object whose line (indentation
 * and key included) fits in `width` columns stays on one line: `"type": ["object", "null"]`.
 */
export function formatJson(value: unknown, width = 100): string {
  return format(value, '', 0, width);
}

/** `lead` is how many columns precede the value on its line (indentation and `"key": `). */
function format(value: unknown, indent: string, lead: number, width: number): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = `${indent}  `;
  const entries = Array.isArray(value)
    ? value.map((item) => format(item, inner, inner.length, width))
    : Object.entries(value).map(([key, item]) => {
        const label = `${JSON.stringify(key)}: `;
        return label + format(item, inner, inner.length + label.length, width);
      });
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) return `${open}${close}`;
  const oneLine = `${open}${entries.join(', ')}${close}`;
  // +1 for the comma that may follow the value
  if (!oneLine.includes('\n') && lead + oneLine.length + 1 <= width) return oneLine;
  return `${open}\n${entries.map((entry) => `${inner}${entry}`).join(',\n')}\n${indent}${close}`;
}
