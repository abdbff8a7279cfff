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
}

function fit(s: string, w: number): string {
  if (s.length <= w) return s;
  if (w <= 1) return s.slice(0, w);
  const head = Math.ceil((w - 1) / 2);
  return s.slice(0, head) + '…' + s.slice(s.length - (w - 1 - head));
}

/** Renders rows as aligned columns no wider than `style.width`. */
export function table<Row>(columns: Column<Row>[], rows: Row[], style: Style): string {
  const cells = rows.map((r) => columns.map((c) => c.get(r).replace(/[\r\n\t]/g, ' ')));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((row) => row[i].length)));
  const gap = 2;
  let total = widths.reduce((a, b) => a + b, 0) + gap * (columns.length - 1);
  // Shrink the widest shrinkable column first until the table fits.
  while (total > style.width) {
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
  const line = (vals: string[], paints: Array<Paint | undefined>, header: boolean) =>
    vals
      .map((v, i) => {
        const t = fit(v, widths[i]);
        const padded = columns[i].align === 'right' ? t.padStart(widths[i]) : t.padEnd(widths[i]);
        const p = header ? 'bold' : paints[i];
        return p ? paint(style, p, padded) : padded;
      })
      .join(' '.repeat(gap))
      .trimEnd();
  const out = [line(columns.map((c) => c.header), [], true)];
  rows.forEach((r, ri) => out.push(line(cells[ri], columns.map((c) => c.paint?.(r)), false)));
  return out.join('\n');
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
