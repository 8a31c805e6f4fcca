/**
 * Lines and cells of tab- or comma-separated text. TSV cells are split on
 * tabs as they are (the runner's sheets use no quoting); CSV cells follow
 * RFC 4180 within a line: a cell in double quotes may hold commas, `""` is one
 * quote. A quoted cell may not span lines, so a row is always one line and
 * errors can name it by its line number.
 */
export type Delimiter = '\t' | ',';

export interface Line {
  /** 1-based line number: the row named in errors. */
  readonly row: number;
  readonly text: string;
}

export function linesOf(text: string): Line[] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return body.split(/\r\n|\r|\n/).map((line, index) => ({ row: index + 1, text: line }));
}

export function isBlank(line: Line): boolean {
  return line.text.trim() === '';
}

export function cellsOf(text: string, delimiter: Delimiter): { cells: string[] } | { problem: string } {
  return delimiter === '\t' ? { cells: text.split('\t') } : csvCells(text);
}

function csvCells(text: string): { cells: string[] } | { problem: string } {
  const cells: string[] = [];
  let at = 0;
  for (;;) {
    if (text[at] === '"') {
      let value = '';
      let i = at + 1;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close < 0) return { problem: `has a quoted value that does not end on its line (column ${cells.length + 1})` };
        value += text.slice(i, close);
        if (text[close + 1] === '"') {
          value += '"';
          i = close + 2;
          continue;
        }
        at = close + 1;
        break;
      }
      if (at < text.length && text[at] !== ',') {
        return { problem: `has text after the closing quote of column ${cells.length + 1}` };
      }
      cells.push(value);
    } else {
      const comma = text.indexOf(',', at);
      cells.push(text.slice(at, comma < 0 ? text.length : comma));
      at = comma < 0 ? text.length : comma;
    }
    if (at >= text.length) return { cells };
    at += 1; // the comma
    if (at === text.length) {
      cells.push('');
      return { cells };
    }
  }
}
