/** Helpers shared by the benches: where the package is, the machine, robust statistics. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The package root: the nearest ancestor of this file with pidproof's package.json. */
export function packageRoot(): string {
  for (let d = __dirname; ; d = path.dirname(d)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(d, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'pidproof') return d;
    } catch {
      // keep walking
    }
    if (path.dirname(d) === d) throw new Error('bench: cannot find the pidproof package root');
  }
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function cpuModel(): string {
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) return m[1].trim();
  } catch {
    // fall through
  }
  return os.cpus()[0]?.model ?? 'unknown';
}

/** The machine a bench ran on, for its results file: the fields every bench records. */
export function machineInfo(): { date: string; cpu: string; cores: number; kernel: string; node: string } {
  return {
    date: new Date().toISOString(),
    cpu: cpuModel(),
    cores: os.cpus().length,
    kernel: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

/** A method's per-round figures (ns per operation), rounded for the results file. */
export function roundFigures(xs: number[], cMedianNs: number) {
  const md = median(xs);
  const mn = Math.min(...xs);
  const mx = Math.max(...xs);
  return {
    medianNs: Math.round(md),
    minNs: Math.round(mn),
    maxNs: Math.round(mx),
    spreadPct: Math.round(((mx - mn) / md) * 1000) / 10,
    roundsNs: xs.map((x) => Math.round(x)),
    ratioVsC: Math.round((md / cMedianNs) * 100) / 100,
  };
}

/** Writes a bench's JSON results (creating the directory) and says where. */
export function writeResults(file: string, doc: unknown): void {
  const abs = path.resolve(file);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, JSON.stringify(doc, null, 2) + '\n');
  console.log(`results: ${path.relative(process.cwd(), abs) || abs}`);
}

/**
 * The native addon the public API runs on, or an Error saying how to get it: every bench measures
 * the native backend, and a silent fallback would measure something else.
 */
export function requireNativeAddon(): NonNullable<typeof import('../lib/binding').addon> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pub = require('../lib') as typeof import('../lib');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { addon } = require('../lib/binding') as typeof import('../lib/binding');
  if (pub.backend !== 'native' || addon === null) {
    throw new Error(
      `bench: the public API loaded the ${pub.backend} backend; build the addon (npm run build:native) and unset PIDPROOF_BACKEND`,
    );
  }
  return addon;
}
