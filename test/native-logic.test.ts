/**
 * The pure decision rules of the native backends (native/logic.cc), compiled with the host's C++
 * compiler and run case by case (test/native/logic_test.cc). Their macOS and FreeBSD cases feed
 * recorded kernel answers, since neither kernel runs here; the case names say so.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.join(__dirname, '..');
const out = path.join(root, '.test-out', 'native');
const binary = path.join(out, 'logic_test');

function compiler(): string | null {
  for (const cxx of [process.env.CXX, 'c++', 'g++', 'clang++']) {
    if (cxx && spawnSync(cxx, ['--version'], { stdio: 'ignore' }).status === 0) return cxx;
  }
  return null;
}

const cxx = process.platform === 'win32' ? null : compiler();
let cases: string[] = [];
let buildError: string | null = null;
if (cxx !== null) {
  fs.mkdirSync(out, { recursive: true });
  const r = spawnSync(
    cxx,
    ['-std=c++17', '-Wall', '-Wextra', '-Werror', '-O1', `-I${path.join(root, 'native')}`,
      path.join(root, 'test', 'native', 'logic_test.cc'), path.join(root, 'native', 'logic.cc'),
      '-o', binary],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) buildError = `${cxx} failed:\n${r.stderr}${r.stdout}`;
  else cases = execFileSync(binary, ['--list'], { encoding: 'utf8' }).split('\n').filter(Boolean);
}

describe.skipIf(cxx === null)(
  `native decision rules (C++ unit tests${cxx === null ? ': skipped, no C++ compiler or Windows' : ''})`,
  () => {
    it('compiles with -Wall -Wextra -Werror and lists its cases', () => {
      expect(buildError).toBeNull();
      expect(cases.length).toBeGreaterThanOrEqual(14);
    });
    it.each(cases)('%s', (name) => {
      const r = spawnSync(binary, [name], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(`ok ${name}\n`);
      expect(r.status).toBe(0);
    });
  },
);
