/**
 * record.schema.json (exported as `pidproof/record.schema.json`), checked with Ajv's JSON Schema
 * 2020-12 validator (strict mode, ajv-formats for `date-time`) against real records: pidproof's
 * own payloads (acquireLock, acquireLockSync, a lease with heartbeats, the fallback backend,
 * `pidproof stamp`), OpenClaw's session locks and the README snippets' records; records with a
 * missing or mistyped field must fail, and for foreign records the schema and pidproof's reader
 * (lib/record.ts) must agree on every case.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLock, acquireLockSync, processIdentity, selfIdentity } from '../lib/index';
import { buildPayload, newToken, parseLockFile, serialisePayload } from '../lib/lock/payload';
import type { ProcessIdentity } from '../lib/types';
import { cleanup, isLinux, repoRoot, spawnIdle, tmpDir, waitFor } from './helpers';

afterEach(cleanup);

const schemaPath = path.join(repoRoot, 'record.schema.json');
const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8'));
// Ajv's strict mode (unknown keywords, formats and ignored types are errors); `required` in an
// `if` names properties defined beside it, which strictRequired alone would refuse.
const ajv = new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);
const cli = path.join(repoRoot, 'dist', 'cli.js');

function valid(record: unknown): boolean {
  return validate(record) === true;
}
function errorsOf(record: unknown): string {
  validate(record);
  return ajv.errorsText(validate.errors);
}

/** A real lock file's JSON, as a reader in another language parses it. */
const fileJson = (f: string) => JSON.parse(fs.readFileSync(f, 'utf8'));

describe('record.schema.json', () => {
  it('is a JSON Schema 2020-12 document shipped in the package and exported as pidproof/record.schema.json', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    expect(pkg.exports['./record.schema.json']).toBe('./record.schema.json');
    expect(pkg.files).toContain('record.schema.json');
    // Resolvable by its subpath through the package's exports (self-reference).
    const r = spawnSync(process.execPath, ['-e', "console.log(require.resolve('pidproof/record.schema.json'))"], { cwd: repoRoot, encoding: 'utf8' });
    expect(r.stdout.trim()).toBe(schemaPath);
    // Every field pidproof writes is described, with its unit or clock.
    const payload = selfPayload();
    for (const k of [...Object.keys(payload), 'sum', 'clocks']) {
      expect(schema.$defs.payload.properties[k]?.description, k).toMatch(/\w/);
    }
    expect(schema.$defs.payload.properties.sum.description).toMatch(/FNV-1a/);
  });

  it("validates pidproof's own payloads: acquireLock, acquireLockSync, a lease after heartbeats, the fallback backend", async () => {
    const dir = tmpDir('pidproof-schema-');
    const a = await acquireLock(path.join(dir, 'a.lock'), { maxHoldMs: 60_000 });
    const s = acquireLockSync(path.join(dir, 's.lock'));
    const lease = await acquireLock(path.join(dir, 'l.lock'), { leaseMs: 300 });
    try {
      for (const f of ['a.lock', 's.lock']) expect(errorsOf(fileJson(path.join(dir, f))), f).toBe('No errors');
      const first = fileJson(path.join(dir, 'l.lock'));
      await waitFor(() => fileJson(path.join(dir, 'l.lock')).heartbeatAt > first.heartbeatAt, 10_000, 'a heartbeat');
      const beat = fileJson(path.join(dir, 'l.lock'));
      expect(beat.leaseMs).toBe(300);
      expect(errorsOf(beat)).toBe('No errors');
    } finally {
      await a.release();
      s.release();
      await lease.release();
    }
    const fb = path.join(dir, 'fallback.lock');
    const r = spawnSync(process.execPath, ['-e', `const p = require(${JSON.stringify(path.join(repoRoot, 'dist', 'index.js'))}); if (p.backend !== 'fallback') throw new Error(p.backend); p.acquireLockSync(${JSON.stringify(fb)}, { leaseMs: 5000 }); process.stdout.write(require('fs').readFileSync(${JSON.stringify(fb)}, 'utf8'))`], { env: { ...process.env, PIDPROOF_BACKEND: 'fallback' }, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(errorsOf(JSON.parse(r.stdout))).toBe('No errors');
  });

  it('validates `pidproof stamp` records (its caller, --pid)', () => {
    const dir = tmpDir('pidproof-schema-');
    const child = spawnIdle();
    expect(spawnSync(process.execPath, [cli, 'stamp', path.join(dir, 'me.pid')]).status).toBe(0);
    expect(spawnSync(process.execPath, [cli, 'stamp', '--pid', String(child.pid), '--mode', '0600', path.join(dir, 'c.pid')]).status).toBe(0);
    for (const f of ['me.pid', 'c.pid']) expect(errorsOf(fileJson(path.join(dir, f))), f).toBe('No errors');
  });

  it('validates payloads of every OS unit (mock identities: macOS, Windows, FreeBSD and the ps fallback cannot run here)', () => {
    const me = selfIdentity();
    const ids: ProcessIdentity[] = [
      { ...me, platform: 'darwin', startToken: '1760000000123456', startTokenUnit: 'darwin-us', uniqueId: '88123', uniqueIdKind: 'darwin-p_uniqueid', pidNamespace: null },
      { ...me, platform: 'win32', startToken: '134050000000000000', startTokenUnit: 'win32-filetime', uniqueId: '4294967311', uniqueIdKind: 'win32-process-sequence-number', pidNamespace: null, bootId: '12-0b4d1c2e-3f00-4a5b-8c6d-7e8f90a1b2c3' },
      { ...me, platform: 'freebsd', startToken: '93000123', startTokenUnit: 'freebsd-us-since-boot', uniqueId: null, uniqueIdKind: null, bootId: null, pidNamespace: null },
      { ...me, platform: 'darwin', startToken: '1760000000', startTokenUnit: 'ps-lstart-s', uniqueId: null, uniqueIdKind: null, pidNamespace: null },
      { ...me, startToken: null, startTokenUnit: null, uniqueId: null, uniqueIdKind: null, access: 'partial' },
    ];
    for (const id of ids) {
      const p = JSON.parse(serialisePayload(buildPayload(id, { token: newToken(), maxHoldMs: Infinity, leaseMs: null, mode: 'lease' })).toString());
      expect(errorsOf(p), id.startTokenUnit ?? 'no token').toBe('No errors');
    }
    // And the field timens adds (root-normalised clocks).
    expect(valid({ ...selfPayload(), clocks: 'root' })).toBe(true);
    expect(valid({ ...selfPayload(), clocks: 'own' })).toBe(false);
  });

  it("validates OpenClaw's session locks and the minimal record", () => {
    const now = new Date().toISOString();
    for (const rec of [
      { pid: 1234, createdAt: now },
      { pid: 1234, createdAt: now, starttime: 98765 },
      { pid: 1234, createdAt: now, starttime: 98765, maxHoldMs: 300000 },
      { pid: 1234, createdAt: now, starttime: null },
      { pid: 1234, starttime: 98765 },
      { pid: 1234, starttime: '98765', bootId: 'b', createdAtMs: Date.now() },
      { pid: 1234, starttime: '134050000000000000', platform: 'win32' },
      { pid: 1234, starttime: 5, platform: 'darwin', hostname: 'mac', createdAt: '2026-01-31T12:00:00+01:00' },
      { pid: 1234, bootId: 'b', pidNamespace: '4026531836', hostname: 'h', runId: 'extra fields are ignored' },
    ]) {
      expect(errorsOf(rec), JSON.stringify(rec)).toBe('No errors');
    }
  });

  const python = spawnSync('python3', ['--version']).status === 0;
  it.skipIf(!isLinux || !python)(`validates the README snippets' records (Python, POSIX shell)${!isLinux || !python ? ' [skipped: Linux and python3]' : ''}`, () => {
    const dir = tmpDir('pidproof-schema-');
    const examples = path.join(repoRoot, 'examples');
    const py = spawnSync('python3', ['-c', 'import sys; sys.path.insert(0, sys.argv[1]); import pid_record; pid_record.write_pid_record(sys.argv[2])', examples, path.join(dir, 'py.pid')]);
    expect(py.status).toBe(0);
    const sh = spawnSync('sh', ['-c', '. "$1" && write_pid_record "$2"', 'sh', path.join(examples, 'pid-record.sh'), path.join(dir, 'sh.pid')]);
    expect(sh.status).toBe(0);
    for (const f of ['py.pid', 'sh.pid']) {
      const rec = fileJson(path.join(dir, f));
      expect(errorsOf(rec), f).toBe('No errors');
      expect(Object.keys(rec).sort(), f).toEqual(['bootId', 'createdAt', 'hostname', 'pid', 'pidNamespace', 'starttime']);
    }
  });

  it('a payload with any field missing or mistyped does not validate', () => {
    const p = selfPayload();
    expect(valid(p)).toBe(true);
    // Without its `pidproof` key it is no payload but a foreign record (pid, bootId...), to the
    // schema and to pidproof alike: its startToken is then not read (a record's is `starttime`).
    const { pidproof: _, ...bare } = p;
    expect(validate(bare) && schema.$defs.record && ajv.validate({ ...schema.$defs.record, $defs: schema.$defs }, bare)).toBe(true);
    expect(parseLockFile(Buffer.from(JSON.stringify(bare)), 0).format).toBe('record');
    for (const k of (schema.$defs.payload.required as string[]).filter((x) => x !== 'pidproof')) {
      const copy: Record<string, unknown> = { ...p };
      delete copy[k];
      expect(valid(copy), `without ${k}`).toBe(false);
    }
    const wrong: Record<string, unknown[]> = {
      pidproof: [2, '1'],
      pid: [0, -1, 2 ** 31, '123', 1.5],
      startToken: [123, '0123', '18446744073709551616', '-1', ''],
      startTokenUnit: ['ticks', 5],
      uniqueId: [5, 'abc'],
      uniqueIdKind: ['pidfs'],
      startTimeMs: ['now', -1],
      bootId: [5],
      pidNamespace: [4026531836, 'ns'],
      hostname: [null, 5],
      platform: [null],
      command: [null],
      maxHoldMs: [-1, 'Infinity'],
      leaseMs: [0, '5'],
      mode: ['flock', null],
      token: ['abc', 'A'.repeat(32), 5],
      createdAt: ['yesterday', 5, '2026-02-30T00:00:00Z'],
      createdAtMs: ['5', -5, 1e300],
      createdMono: [null, -1],
      heartbeatAt: [null],
      heartbeatMono: ['1'],
      sum: ['ABCDEF12', '1234567', 12345678],
    };
    for (const [k, values] of Object.entries(wrong)) {
      for (const v of values) expect(valid({ ...p, [k]: v }), `${k}: ${JSON.stringify(v)}`).toBe(false);
    }
    // The largest 64-bit value is a valid token; one more is not.
    expect(valid({ ...p, startToken: '18446744073709551615' })).toBe(true);
  });

  it('foreign records: the schema and pidproof agree on what is judgeable, on every case (missing or mistyped fields fail both)', () => {
    const now = new Date().toISOString();
    const cases: Array<[Record<string, unknown>, boolean]> = [
      [{ pid: 5, starttime: 1 }, true],
      [{ pid: 5, createdAt: now }, true],
      [{ pid: 5, createdAtMs: 1700000000000 }, true],
      [{ pid: 5, bootId: 'x' }, true],
      [{ pid: 5, starttime: '18446744073709551615' }, true],
      [{ pid: 5, starttime: 2 ** 53 - 1 }, true],
      [{ pid: 5, createdAt: '2024-02-29T23:59:59.999999Z' }, true],
      [{ pid: 5, createdAt: '2026-01-01 10:00:00z' }, true],
      [{ pid: 5, starttime: 1, platform: 'freebsd' }, true],
      [{ pid: 5, hostname: 'h', platform: 'sunos' }, true], // no start stamp: any OS name is a scope
      // A saved ProcessIdentity: its startToken (and unique id) in place of starttime.
      [{ ...selfIdentity() }, true],
      [{ pid: 5, startToken: '123', startTokenUnit: 'linux-ticks' }, true],
      [{ pid: 5, startToken: 123 }, true],
      [{ pid: 5, uniqueId: '77', uniqueIdKind: 'linux-pidfs-inode' }, true],
      [{ pid: 5, startToken: '1', starttime: 2, platform: 'plan9' }, true], // starttime unread: no unit needed
      [{ pid: 5, startToken: 'abc' }, false],
      [{ pid: 5, startToken: -1 }, false],
      [{ pid: 5, startToken: '1', startTokenUnit: 5 }, false],
      [{ pid: 5, uniqueId: 77 }, false],
      [{ pid: 5, uniqueId: '7', uniqueIdKind: '' }, false],
      [{ pid: 5, startToken: '1', starttime: 'abc' }, false], // present and invalid, even unread
      [{ pid: 5 }, false], // nothing but a PID
      [{ starttime: 1, createdAt: now }, false], // no pid
      [{ pid: 0, starttime: 1 }, false],
      [{ pid: -1, createdAt: now }, false],
      [{ pid: '5', createdAt: now }, false],
      [{ pid: 5.5, createdAt: now }, false],
      [{ pid: 2 ** 31, createdAt: now }, false],
      [{ pid: 5, starttime: -3 }, false],
      [{ pid: 5, starttime: 1.5 }, false],
      [{ pid: 5, starttime: 'abc' }, false],
      [{ pid: 5, starttime: '0123' }, false],
      [{ pid: 5, starttime: '18446744073709551616' }, false],
      [{ pid: 5, starttime: 2 ** 53 }, false],
      [{ pid: 5, starttime: true }, false],
      [{ pid: 5, starttime: 1, platform: 'plan9' }, false], // no known unit for its start stamp
      [{ pid: 5, starttime: 1, platform: '' }, false],
      [{ pid: 5, bootId: 5 }, false],
      [{ pid: 5, bootId: '' }, true], // an empty bootId is absent (OpenClaw writes it when boot_id is unreadable): a record with nothing to compare, judged by evidence
      [{ pid: 5, hostname: ['a'] }, false],
      [{ pid: 5, pidNamespace: 4026531836 }, false],
      [{ pid: 5, pidNamespace: 'pid:[4026531836]' }, false],
      [{ pid: 5, createdAt: 'yesterday' }, false],
      [{ pid: 5, createdAt: '2026-02-30T00:00:00Z' }, false],
      [{ pid: 5, createdAt: '2026-01-01T24:00:00Z' }, false],
      [{ pid: 5, createdAt: '2026-01-01T10:00:00' }, false], // no offset
      [{ pid: 5, createdAt: 1700000000000 }, false],
      [{ pid: 5, createdAtMs: '1700000000000' }, false],
      [{ pid: 5, createdAtMs: 0 }, false],
      [{ pid: 5, createdAtMs: -1 }, false],
    ];
    for (const [rec, ok] of cases) {
      const what = JSON.stringify(rec);
      expect(valid(rec), `schema: ${what} ${errorsOf(rec)}`).toBe(ok);
      const parsed = parseLockFile(Buffer.from(what), 0);
      expect(parsed.format === 'openclaw' || parsed.format === 'record', `pidproof: ${what} ${'problem' in parsed ? parsed.problem : ''}`).toBe(ok);
    }
  });
});

/** This process's payload, as acquireLock would write it, parsed. */
function selfPayload(): Record<string, unknown> {
  const id = processIdentity(process.pid)!;
  return JSON.parse(serialisePayload(buildPayload(id, { token: newToken(), maxHoldMs: 60_000, leaseMs: null, mode: 'kernel' })).toString());
}
