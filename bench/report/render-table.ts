import type { Table } from './tables.js';

/** Aligned plain-text columns for the terminal. */
export function textTable(table: Table): string {
  const widths = table.header.map((h, i) => Math.max(h.length, ...table.rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (table.right.includes(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [table.title, line(table.header), widths.map((w) => '─'.repeat(w)).join('  '), ...table.rows.map(line)].join('\n');
}

/** A GitHub Markdown table, numbers aligned right. */
export function markdownTable(table: Table): string {
  const escapeCell = (cell: string) => cell.replaceAll('|', '\\|');
  const line = (cells: string[]) => `| ${cells.map(escapeCell).join(' | ')} |`;
  const rule = table.header.map((_, i) => (table.right.includes(i) ? '---:' : '---'));
  return [line(table.header), `|${rule.join('|')}|`, ...table.rows.map(line)].join('\n');
}
