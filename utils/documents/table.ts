import type { TableSummary } from './types';

/** Characters of one table sent at most: a survey of a few hundred answers fits, a 50,000-row export does not. */
export const TABLE_MAX_CHARS = 40_000;

/** A cell as readers give it: text, a number, a boolean, a date, or nothing. */
type Cell = unknown;

function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  // Excel dates arrive as Date at UTC midnight; the day is what the sheet shows.
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell)
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
}

/** Rows without empty trailing cells, and without the empty rows a sheet often ends with. */
function trimmed(rows: readonly (readonly Cell[])[]): string[][] {
  const texts = rows.map((row) => row.map(cellText));
  for (const row of texts) while (row.length > 0 && row[row.length - 1] === '') row.pop();
  while (texts.length > 0 && (texts[texts.length - 1]?.length ?? 0) === 0) texts.pop();
  return texts;
}

/**
 * A sheet as compact text for the model: a one-line caption with the size, the header row, then data rows
 * joined by " | " until `maxChars`. The caption says how many rows were sent when not all of them were.
 */
export function formatTable(
  name: string,
  rows: readonly (readonly Cell[])[],
  maxChars = TABLE_MAX_CHARS,
): { text: string; summary: TableSummary } {
  const texts = trimmed(rows);
  const [header = [], ...data] = texts;
  const columns = Math.max(0, ...texts.map((row) => row.length));
  const lines = [header.join(' | ')];
  let length = lines[0]?.length ?? 0;
  let sentRows = 0;
  for (const row of data) {
    const line = row.join(' | ');
    if (length + line.length + 1 > maxChars) break;
    lines.push(line);
    length += line.length + 1;
    sentRows += 1;
  }
  const summary = { name, rows: data.length, columns, sentRows };
  const size = `${data.length} rows × ${columns} columns, first row is the header`;
  const sent = sentRows < data.length ? `; only the first ${sentRows} rows are included` : '';
  return { text: `[Table "${name}": ${size}${sent}]\n${lines.join('\n')}`, summary };
}
