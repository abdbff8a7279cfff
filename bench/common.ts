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
