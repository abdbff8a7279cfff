/** Terminal output for people: aligned columns fitted to the width, colour only when wanted. */

export interface Style {
  color: boolean;
  width: number;
}

/** Colour on a TTY only, never with NO_COLOR (https://no-color.org) or TERM=dumb. */
export function styleFor(stream: NodeJS.WriteStream): Style {
  const tty = Boolean(stream.isTTY);
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';
  const color = tty && !noColor && process.env.TERM !== 'dumb';
  const width = tty && stream.columns ? stream.columns : Number(process.env.COLUMNS) || 100;
  return { color, width: Math.max(40, width) };
}

const CODES = { red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, dim: 2, bold: 1 } as const;
export type Paint = keyof typeof CODES;

export function paint(style: Style, what: Paint, s: string): string {
  return style.color ? `\x1b[${CODES[what]}m${s}\x1b[0m` : s;
}

/** Colour of a verdict or state word. */
export function verdictPaint(v: string): Paint {
  switch (v) {
    case 'alive':
    case 'running':
    case 'sleeping':
    case 'healthy':
    case 'held':
      return 'green';
    case 'dead':
    case 'recycled':
    case 'zombie':
    case 'other-boot':
    case 'stale':
      return 'red';
    case 'foreign':
    case 'unknown':
    case 'stopped':
      return 'yellow';
    default:
      return 'dim';
  }
}

export interface Column<Row> {
  header: string;
  get: (r: Row) => string;
  /** Paint for a cell (applied after padding, so alignment ignores escape codes). */
  paint?: (r: Row) => Paint | undefined;
  align?: 'left' | 'right';
  /** May be shortened (with an ellipsis in the middle) to fit the terminal. */
  shrink?: boolean;
  /** The untruncated text, for the stacked layout (default: `get`). */
  full?: (r: Row) => string;
  /** First column only: the title of a row in the stacked layout (default: the cell). */
  title?: (r: Row) => string;
}

function fit(s: string, w: number): string {
  if (s.length <= w) return s;
  if (w <= 1) return s.slice(0, w);
  const head = Math.ceil((w - 1) / 2);
  return s.slice(0, head) + '…' + s.slice(s.length - (w - 1 - head));
}

const clean = (s: string) => safe(s.replace(/[\r\n\t]/g, ' '));

// C0 and C1 controls, DEL, and the bidirectional overrides/isolates/marks that reorder text.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// The same class, for a test without the global flag's lastIndex state (most text is clean).
// eslint-disable-next-line no-control-regex
const HAS_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/**
 * Text from outside (file names, payload strings, error messages) made safe for a terminal:
 * every control character, DEL and bidi control is shown as an escape (`\x1b`, `\u{202e}`),
 * never interpreted, so a file name cannot clear the screen, set the title or forge rows.
 * Human output only: `--json` stays exact.
 */
export function safe(s: string): string {
  if (!HAS_UNSAFE.test(s)) return s;
  return s.replace(UNSAFE, (c) => {
    const n = c.charCodeAt(0);
    return n < 0x100 ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u{${n.toString(16)}}`;
  });
}

/** A copy of `v` with every string made `safe` (for rendering whole inspections and entries). */
export function safeDeep<T>(v: T): T {
  if (typeof v === 'string') return safe(v) as T;
  if (Array.isArray(v)) return v.map((x) => safeDeep(x)) as T;
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k in v as Record<string, unknown>) {
      if (Object.prototype.hasOwnProperty.call(v, k)) out[safe(k)] = safeDeep((v as Record<string, unknown>)[k]);
    }
    return out as T;
  }
  return v;
}

/** Column widths once shrinkable columns are shrunk as far as allowed, and the total width. */
function layout<Row>(columns: Column<Row>[], cells: string[][], width: number): { widths: number[]; total: number } {
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((row) => row[i].length)));
  const gap = 2;
  let total = widths.reduce((a, b) => a + b, 0) + gap * (columns.length - 1);
  // Shrink the widest shrinkable column first until the table fits.
  while (total > width) {
    let best = -1;
    for (let i = 0; i < columns.length; i++) {
      if (columns[i].shrink && widths[i] > Math.max(8, columns[i].header.length)) {
        if (best < 0 || widths[i] > widths[best]) best = i;
      }
    }
    if (best < 0) break;
    widths[best]--;
    total--;
  }
  return { widths, total };
}

/** Whether `rows` fit `width` as a table (after shrinking what may shrink). */
export function fitsTable<Row>(columns: Column<Row>[], rows: Row[], width: number): boolean {
  const cells = rows.map((r) => columns.map((c) => clean(c.get(r))));
  return layout(columns, cells, width).total <= width;
}

/**
 * Renders rows as aligned columns no wider than `style.width`. When even the shrunk table is
 * wider, each row becomes a block: its first column as a title, then `header value` items
 * joined by " · ", wrapped to the width (a 50-column terminal still reads every field).
 */
export function table<Row>(columns: Column<Row>[], rows: Row[], style: Style): string {
  const cells = rows.map((r) => columns.map((c) => clean(c.get(r))));
  const { widths, total } = layout(columns, cells, style.width);
  if (total > style.width) return stacked(columns, rows, style);
  return aligned(columns, rows, cells, widths, style);
}

function aligned<Row>(columns: Column<Row>[], rows: Row[], cells: string[][], widths: number[], style: Style): string {
  const line = (vals: string[], paints: Array<Paint | undefined>, header: boolean) =>
    vals
      .map((v, i) => {
        const t = fit(v, widths[i]);
        const padded = columns[i].align === 'right' ? t.padStart(widths[i]) : t.padEnd(widths[i]);
        const p = header ? 'bold' : paints[i];
        return p ? paint(style, p, padded) : padded;
      })
      .join('  ')
      .trimEnd();
  const out = [line(columns.map((c) => c.header), [], true)];
  rows.forEach((r, ri) => out.push(line(cells[ri], columns.map((c) => c.paint?.(r)), false)));
  return out.join('\n');
}

/** The stacked layout of `table()`, for callers that judge a table too cramped to read. */
export function stacked<Row>(columns: Column<Row>[], rows: Row[], style: Style): string {
  const [first, ...rest] = columns;
  const out: string[] = [];
  for (const r of rows) {
    out.push(paint(style, 'bold', fit(clean((first.title ?? first.full ?? first.get)(r)), style.width)));
    const items: string[] = [];
    for (const c of rest) {
      const v = clean((c.full ?? c.get)(r));
      if (v === '' || v === '-') continue;
      const p = c.paint?.(r);
      items.push(`${paint(style, 'dim', c.header.toLowerCase())} ${p ? paint(style, p, v) : v}`);
    }
    out.push(...joinWrapped(items, ' · ', style.width, '  '));
  }
  return out.join('\n');
}

/** Visible length: escape codes take no columns. */
export function visibleLength(s: string): number {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\x1b\[[0-9;]*m/g, '').length;
}

/**
 * Joins `items` with `sep` into lines of at most `width` columns, each starting with `indent`;
 * an item is never split (unless it alone is wider: then it is wrapped at spaces).
 */
export function joinWrapped(items: string[], sep: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const item of items) {
    const next = cur === '' ? indent + item : cur + sep + item;
    if (cur !== '' && visibleLength(next) > width) {
      lines.push(cur);
      cur = indent + item;
    } else {
      cur = next;
    }
    if (visibleLength(cur) > width) {
      const parts = wrap(cur.slice(indent.length), width, indent);
      cur = parts.pop()!;
      lines.push(...parts);
    }
  }
  if (cur !== '') lines.push(cur);
  return lines;
}

/**
 * Wraps `text` at spaces into lines of at most `width` columns (a longer word stands alone);
 * the first line starts with `first`, the others with `indent`.
 */
export function wrap(text: string, width: number, indent = '', first = indent): string[] {
  const lines: string[] = [];
  let cur = first;
  let empty = true;
  for (const word of text.split(' ')) {
    const next = empty ? cur + word : `${cur} ${word}`;
    if (!empty && visibleLength(next) > width) {
      lines.push(cur);
      cur = indent + word;
    } else {
      cur = next;
    }
    empty = false;
  }
  lines.push(cur);
  return lines;
}

/** "3.2 s", "41 min", "2.0 h", "5 d": a human age. */
export function formatAge(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '-';
  if (ms < 0) return 'future';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 3600_000) return `${Math.round(ms / 60_000)} min`;
  if (ms < 86400_000) return `${(ms / 3600_000).toFixed(1)} h`;
  return `${Math.round(ms / 86400_000)} d`;
}

export function formatTime(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '-';
  return new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}
