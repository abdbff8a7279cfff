/**
 * How the package loads: require and import, the fallback when no binary exists or when forced,
 * and a broken binary rethrown instead of silently hidden.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, tmpDir } from './helpers';

function node(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, PIDPROOF_BACKEND: '', ...env },
  });
  return { code: r.status, stdout: r.stdout.trim(), stderr: r.stderr };
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** A copy of the package with no binary at all: dist/ and package.json, deps linked. */
function packageWithoutBinary(): string {
  const root = tmpDir('pidproof-nobin-');
  dirs.push(root);
  const pkg = path.join(root, 'node_modules', 'pidproof');
  fs.mkdirSync(pkg, { recursive: true });
  fs.cpSync(path.join(repoRoot, 'dist'), path.join(pkg, 'dist'), { recursive: true });
  fs.copyFileSync(path.join(repoRoot, 'package.json'), path.join(pkg, 'package.json'));
  fs.symlinkSync(path.join(repoRoot, 'node_modules', 'node-gyp-build'), path.join(root, 'node_modules', 'node-gyp-build'));
  return root;
}

describe('loading', () => {
  it('require() and import give the same API, with type declarations', () => {
    const cjs = node(['-e', "const p = require('pidproof'); console.log(p.backend, typeof p.processIdentity, p.processIdentity(process.pid).pid === process.pid)"], repoRoot);
    expect(cjs.stdout).toBe('native function true');
    const esm = node(
      ['--input-type=module', '-e', "import { backend, processIdentity, ownerStatus, selfIdentity } from 'pidproof'; console.log(backend, ownerStatus(selfIdentity()).verdict, processIdentity(process.pid).pid === process.pid)"],
      repoRoot,
    );
    expect(esm.stdout).toBe('native alive true');
    expect(fs.existsSync(path.join(repoRoot, 'dist', 'index.d.ts'))).toBe(true);
    const dts = fs.readFileSync(path.join(repoRoot, 'dist', 'index.d.ts'), 'utf8');
    expect(dts).toMatch(/processIdentity/);
    expect(dts).toMatch(/ownerStatus/);
  });

  it('PIDPROOF_BACKEND=fallback forces the pure-TypeScript backend', () => {
    const r = node(['-e', "const p = require('pidproof'); console.log(p.backend, p.ownerStatus(p.selfIdentity()).verdict)"], repoRoot, {
      PIDPROOF_BACKEND: 'fallback',
    });
    expect(r.stdout).toBe('fallback alive');
  });

  it('an unknown PIDPROOF_BACKEND is an error, not a silent default', () => {
    const r = node(['-e', "require('pidproof')"], repoRoot, { PIDPROOF_BACKEND: 'turbo' });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/PIDPROOF_BACKEND must be "native" or "fallback"/);
  });

  it('no binary anywhere: the fallback is chosen automatically; PIDPROOF_BACKEND=native refuses', () => {
    const root = packageWithoutBinary();
    const r = node(['-e', "const p = require('pidproof'); console.log(p.backend, p.ownerStatus(p.selfIdentity()).verdict)"], root);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('fallback alive');
    const forced = node(['-e', "require('pidproof')"], root, { PIDPROOF_BACKEND: 'native' });
    expect(forced.code).not.toBe(0);
    expect(forced.stderr).toMatch(/No native build was found/);
  });

  it('a broken binary is rethrown, never hidden behind the fallback', () => {
    const root = packageWithoutBinary();
    const rel = path.join(root, 'node_modules', 'pidproof', 'build', 'Release');
    fs.mkdirSync(rel, { recursive: true });
    fs.writeFileSync(path.join(rel, 'pidproof.node'), 'this is not an ELF file');
    const r = node(['-e', "try { require('pidproof') } catch (e) { console.log(JSON.stringify({ code: e.code, message: e.message, cause: String(e.cause) })); process.exit(3) }"], root);
    expect(r.code).toBe(3);
    const e = JSON.parse(r.stdout) as { code: string; message: string; cause: string };
    // The file, the reason, and both ways out; the original error's code and the error itself kept.
    const file = fs.realpathSync(path.join(rel, 'pidproof.node'));
    expect(e.message).toContain(`cannot load its native addon ${file}: `);
    expect(e.message).toMatch(/invalid ELF header|not a valid|file too short/i);
    expect(e.message).toContain('npm rebuild pidproof');
    expect(e.message).toContain('PIDPROOF_BACKEND=fallback');
    expect(e.code).toBe('ERR_DLOPEN_FAILED');
    expect(e.cause).toMatch(/invalid ELF header|not a valid|file too short/i);
    // Forcing the fallback is one of the ways out, and it works.
    const forced = node(['-e', "const p = require('pidproof'); console.log(p.backend, p.ownerStatus(p.selfIdentity()).verdict)"], root, { PIDPROOF_BACKEND: 'fallback' });
    expect(forced.stdout).toBe('fallback alive');
  });
});

/** Node's permission model flag: `--permission` (Node >= 22.13 / 23.5), `--experimental-permission` before. */
const permissionFlag = process.allowedNodeEnvironmentFlags.has('--permission')
  ? '--permission'
  : process.allowedNodeEnvironmentFlags.has('--experimental-permission')
    ? '--experimental-permission'
    : null;

describe.skipIf(permissionFlag === null)(
  `loading under Node's permission model${permissionFlag === null ? ' (skipped: this Node has no permission model)' : ''}`,
  () => {
    const flags = [permissionFlag!, '--allow-fs-read=*', '--allow-fs-write=*'];
    it('without --allow-addons: the fallback backend, with working verdicts and locks', () => {
      const dir = tmpDir('pidproof-perm-');
      dirs.push(dir);
      const lock = path.join(dir, 'p.lock');
      const script = `
const p = require('pidproof');
const out = { backend: p.backend, self: p.ownerStatus(p.selfIdentity()).verdict };
out.dead = p.ownerStatus({ pid: 4000000 - 3 }).verdict;
out.tokenIsRoots = p.processIdentity(process.pid).startToken === p.selfIdentity().startToken;
const l = p.acquireLockSync(${JSON.stringify(lock)});
out.mode = l.payload.mode;
out.inspect = p.inspectLock(${JSON.stringify(lock)}).verdict;
l.releaseSync();
console.log(JSON.stringify(out));`;
      const r = node([...flags, '-e', script], repoRoot);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual({ backend: 'fallback', self: 'alive', dead: 'dead', tokenIsRoots: true, mode: 'lease', inspect: 'alive' });
      expect(fs.readdirSync(dir)).toEqual([]);
    });

    it('with --allow-addons: the native backend', () => {
      const r = node([...flags, '--allow-addons', '-e', "const p = require('pidproof'); console.log(p.backend, p.ownerStatus(p.selfIdentity()).verdict)"], repoRoot);
      expect(r.stdout).toBe('native alive');
    });

    it('PIDPROOF_BACKEND=native there fails loudly, saying why and what to do', () => {
      const r = node([...flags, '-e', "require('pidproof')"], repoRoot, { PIDPROOF_BACKEND: 'native' });
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/cannot load its native addon .*pidproof\.node: .*loading addons is disabled \(Node's permission model\)/);
      expect(r.stderr).toContain('--allow-addons');
    });
  },
);
