#!/usr/bin/env bash
# Pack-and-install test: the release's assembled-tarball flow, for the target this machine is,
# installed the way a user installs it.
#
#   (a) builds the prebuild as the release does (`npm run prebuildify`, `-- --tag-libc` on Linux)
#       and, on Linux, checks that .github/scripts/check-glibc.sh tells a binary within the glibc
#       baseline from one that is not (the release builds on glibc 2.28 and requires it there);
#   (b) packs once and checks the tarball (.github/scripts/check-tarball.mjs: the files allow-list,
#       exactly the prebuild built here, repository/homepage/bugs naming one GitHub repository);
#   (c) installs that tarball in a fresh project with PREBUILDS_ONLY=1 and every compiler hidden
#       (.github/scripts/install-tarball.mjs, the script the workflows run on every target): the
#       install script runs, nothing is compiled, require()/import()/the CLI load the prebuild;
#   (d) type-checks a CommonJS and an ESM consumer (--strict --module nodenext, no `types` setting)
#       against the tarball's declarations with TypeScript 5.x and 7.x (installed here, from npm,
#       into the temporary directory) and @types/node; without @types/node, tsc must say it is
#       missing (TS2688), which shows pidproof's own declarations are what is checked;
#   (e) a tarball without prebuilds, installed with --ignore-scripts (no build), loads the
#       pure-TypeScript fallback;
#   (f) control: that tarball with its install script allowed tries to compile, reaches a
#       compiler shim and fails, so the shims do intercept a build; install-tarball.mjs (what CI
#       runs on every target) fails on it, and check-tarball.mjs misses its prebuild;
#   (g) the release's gate (.github/scripts/release-meta.mjs) on the tarball of (b): its tag and
#       repository pass, a wrong tag or another repository are refused, a prerelease gets its
#       dist-tag.
#
# Everything happens in a temporary directory: a copy of the working tree (git-tracked and
# untracked files, minus what .gitignore drops), with the repository's node_modules linked in.
# The repository's own build/, dist/ and prebuilds/ are never touched. KEEP_TMP=1 keeps the
# directory for inspection. Needs the repository's devDependencies installed (npm ci) and the npm
# registry (TypeScript for (d)). PIDPROOF_TS_VERSIONS (default "5 7") picks the TypeScript majors.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scripts="$repo/.github/scripts"
work="$(mktemp -d "${TMPDIR:-/tmp}/pidproof-pack.XXXXXX")"
cleanup() {
  if [[ "${KEEP_TMP:-}" == 1 ]]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

passed=0
step() { printf '\n== %s\n' "$*"; }
ok() {
  passed=$((passed + 1))
  printf 'ok %d - %s\n' "$passed" "$*"
}
fail() {
  printf 'not ok - %s\n' "$*" >&2
  printf '%d passed, 1 failed\n' "$passed"
  exit 1
}

unset PIDPROOF_BACKEND PREBUILDS_ONLY LIBC
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
export npm_config_loglevel=warn

[[ -d "$repo/node_modules/prebuildify" ]] || fail "run npm ci first (devDependencies missing)"
platform="$(node -p 'process.platform + "-" + process.arch')"

# ---- a copy of the working tree -------------------------------------------------------------
step "copy the working tree to $work/src"
src="$work/src"
mkdir -p "$src"
if git -C "$repo" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  (
    cd "$repo"
    git ls-files -z --cached --others --exclude-standard |
      while IFS= read -r -d '' f; do [[ -e "$f" ]] && printf '%s\0' "$f"; done |
      tar --null -T - -cf -
  ) | tar -C "$src" -xf -
else
  tar -C "$repo" --exclude=./node_modules --exclude=./build --exclude=./prebuilds \
    --exclude=./dist --exclude=./.git -cf - . | tar -C "$src" -xf -
fi
ln -s "$repo/node_modules" "$src/node_modules"
for d in build prebuilds dist; do
  [[ ! -e "$src/$d" ]] || fail "the copy unexpectedly holds $d/"
done
ok "working tree copied (no build/, prebuilds/, dist/)"

# ---- compiler shims (for the control case; install-tarball.mjs makes its own) ------------------
shims="$work/shims"
shim_log="$work/shim.log"
mkdir -p "$shims"
: >"$shim_log"
for tool in cc c++ gcc g++ clang clang++ make gmake python python3 node-gyp; do
  cat >"$shims/$tool" <<EOF
#!/bin/sh
echo "$tool \$*" >>"$shim_log"
echo "pack-test: compiler shim '$tool' called" >&2
exit 1
EOF
  chmod +x "$shims/$tool"
done

# Installs tarball $2 into a fresh project $1 with the compiler shims first on PATH; extra npm
# arguments follow. allowScripts names pidproof and the tarball's file: spec (npm 12 matches a
# tarball install by that spec only; older npm ignores the field), so the install script really
# runs unless --ignore-scripts.
install_fresh() {
  local dir="$1" tarball="$2"
  shift 2
  mkdir -p "$dir"
  printf '{"name":"consumer","version":"1.0.0","private":true,"allowScripts":{"pidproof":true,"file:%s":true}}\n' \
    "$tarball" >"$dir/package.json"
  (cd "$dir" && PATH="$shims:$PATH" npm install --no-package-lock --prefer-offline "$@" "$tarball")
}

# ---- (a) the prebuild, as the release builds it ----------------------------------------------
step "(a) prebuild for $platform as the release builds it"
if [[ "$(uname -s)" == Linux ]]; then
  (cd "$src" && npm run --silent prebuildify -- --tag-libc)
else
  (cd "$src" && npm run --silent prebuildify)
fi
built="$(cd "$src/prebuilds" && find . -name '*.node' | sed 's|^\./||' | sort)"
[[ -n "$built" ]] || fail "prebuildify produced no .node file"
[[ "$(wc -l <<<"$built")" -eq 1 ]] || fail "expected one prebuild, got: $built"
rm -rf "$src/build" # the tarball must load the prebuild, not a leftover build/
ok "npm run prebuildify built prebuilds/$built"

if [[ "$(uname -s)" == Linux && "$built" == *.glibc.node ]]; then
  binary="$src/prebuilds/$built"
  # What the binary needs, read independently of the checker, decides what the checker must say.
  top="$(objdump -T "$binary" | grep -oE '\bGLIBC_[0-9]+(\.[0-9]+)*\b' | sed 's/^GLIBC_//' | sort -uV | tail -n 1)"
  here="$(getconf GNU_LIBC_VERSION | awk '{print $2}')"
  bash "$scripts/check-glibc.sh" "$binary" "$here" ||
    fail "check-glibc rejects a binary built on this glibc ($here) against $here"
  if [[ "$(printf '%s\n%s\n' "$top" 2.28 | sort -V | tail -n 1)" == 2.28 ]]; then
    bash "$scripts/check-glibc.sh" "$binary" 2.28 || fail "check-glibc rejects a binary needing only GLIBC_$top"
    ok "check-glibc: this build needs GLIBC_$top, within the 2.28 baseline"
  else
    if bash "$scripts/check-glibc.sh" "$binary" 2.28 2>"$work/glibc.err"; then
      fail "check-glibc accepted a binary needing GLIBC_$top against the 2.28 baseline"
    fi
    grep -q "GLIBC_$top" "$work/glibc.err" || fail "check-glibc did not name GLIBC_$top: $(cat "$work/glibc.err")"
    sed 's/^/  /' "$work/glibc.err"
    ok "check-glibc: built on glibc $here this binary needs GLIBC_$top; the 2.28 release baseline rejects it (the release builds on manylinux_2_28)"
  fi
fi

# ---- (b) pack once, check the tarball --------------------------------------------------------
step "(b) npm pack once, check the tarball"
packs="$work/packs"
mkdir -p "$packs/with" "$packs/without"
(cd "$src" && npm pack --pack-destination "$packs/with" >/dev/null) # `prepare` runs tsc -> dist/
tar_with="$(ls "$packs"/with/*.tgz)"
node "$scripts/check-tarball.mjs" "$tar_with" --prebuilds "$built" || fail "tarball contents"
ok "packed $(basename "$tar_with"): allow-listed files, prebuilds/$built, one repository named"

# ---- (c) install it as a user would, no compiler -----------------------------------------------
step "(c) install the tarball with PREBUILDS_ONLY=1 and every compiler hidden"
node "$scripts/install-tarball.mjs" "$tar_with" | sed 's/^/  /' || fail "installing the packed tarball"
ok "the tarball installs and loads prebuilds/$built with no compiler (require, import, CLI)"

# ---- (d) TypeScript consumers -------------------------------------------------------------------
step "(d) TypeScript consumers (CommonJS and ESM, --strict --module nodenext) against the tarball"
types_node="$(node -p 'require(process.argv[1]).devDependencies["@types/node"]' "$repo/package.json")"
ts_dir="$work/ts-consumer"
mkdir -p "$ts_dir"
printf '{"name":"ts-consumer","version":"1.0.0","private":true}\n' >"$ts_dir/package.json"
ts_specs=()
for major in ${PIDPROOF_TS_VERSIONS:-5 7}; do ts_specs+=("ts$major@npm:typescript@$major"); done
types_plf="$(node -p 'require(process.argv[1]).devDependencies["@types/proper-lockfile"]' "$repo/package.json")"
(cd "$ts_dir" && npm install --no-package-lock --ignore-scripts "$tar_with" "@types/node@$types_node" "${ts_specs[@]}" \
  proper-lockfile@4.1.2 "@types/proper-lockfile@$types_plf" >/dev/null) ||
  fail "could not install TypeScript ${PIDPROOF_TS_VERSIONS:-5 7}, @types/node@$types_node, proper-lockfile and @types/proper-lockfile@$types_plf from npm"
cat >"$ts_dir/consumer.cts" <<'EOF'
import pidproof = require('pidproof');

const me: pidproof.ProcessIdentity | null = pidproof.processIdentity(process.pid);
const verdict: pidproof.OwnerVerdict = pidproof.ownerStatus({ pid: process.pid }).verdict;

export async function demo(path: string): Promise<string> {
  const ac = new AbortController();
  const lock: pidproof.Lock = await pidproof.acquireLock(path, { timeoutMs: 0, signal: ac.signal });
  lock.signal.addEventListener('abort', () => ac.abort());
  await lock[Symbol.asyncDispose]();
  const watch = pidproof.watchProcess(process.pid);
  watch[Symbol.dispose]();
  const exit: pidproof.ExitInfo = await pidproof.watchExit(process.pid, { signal: AbortSignal.timeout(1) });
  return `${me?.startToken} ${verdict} ${exit.reason} ${pidproof.backend}`;
}
EOF
cat >"$ts_dir/consumer.mts" <<'EOF'
import { acquireLock, LockTimeoutError, processIdentity, scanLocks, withLock } from 'pidproof';
import type { DoctorEntry, Lock, ProcessIdentity } from 'pidproof';

const me: ProcessIdentity | null = processIdentity(process.pid);
const entries: DoctorEntry[] = await scanLocks('/tmp', { signal: AbortSignal.timeout(1000) });
const n: number = await withLock('/tmp/ts-consumer.lock', async (lock: Lock) => lock.token.length);
try {
  await acquireLock('/tmp/ts-consumer.lock', { timeoutMs: 0 });
} catch (err) {
  if (err instanceof LockTimeoutError) console.log(err.code);
}
console.log(me?.pid, entries.length, n);
EOF
# pidproof/proper-lockfile: a program written against @types/proper-lockfile type-checks with only
# its import changed (CommonJS and ESM), the two APIs are assignable both ways, and the
# declarations are real types, not `any` (each @ts-expect-error must find its error).
cat >"$ts_dir/plf-stock.cts" <<'EOF'
import lockfile = require('proper-lockfile');
import { check, checkSync, lock, lockSync, unlock, unlockSync, type CheckOptions, type LockOptions, type UnlockOptions } from 'proper-lockfile';

const opts: LockOptions = {
  stale: 5000,
  update: 1000,
  retries: { retries: 5, factor: 2, minTimeout: 100, maxTimeout: 1000, randomize: true, forever: false, unref: true, maxRetryTime: 10_000 },
  realpath: false,
  fs: { mkdir: () => undefined },
  onCompromised: (err: Error) => console.error(err.message),
  lockfilePath: '/tmp/x.lock',
};
const u: UnlockOptions = { realpath: false, lockfilePath: '/tmp/x.lock' };
const c: CheckOptions = { stale: 5000 };

export async function demo(file: string): Promise<boolean> {
  const release: () => Promise<void> = await lock(file, opts);
  await release();
  const r2 = await lockfile.lock(file, { retries: 3 });
  await r2();
  await unlock(file, u).catch(() => undefined);
  const releaseSync: () => void = lockSync(file);
  releaseSync();
  unlockSync(file, u);
  return (await check(file, c)) && checkSync(file) && (await lockfile.check(file));
}
EOF
sed "s#'proper-lockfile'#'pidproof/proper-lockfile'#g" "$ts_dir/plf-stock.cts" >"$ts_dir/plf-dropin.cts"
grep -q "'pidproof/proper-lockfile'" "$ts_dir/plf-dropin.cts" || fail "sed did not change the import"
cat >"$ts_dir/plf-both.mts" <<'EOF'
import * as stock from 'proper-lockfile';
import lockfile, { check, lock, lockSync, type LockOptions, type ReclaimInfo } from 'pidproof/proper-lockfile';
import * as drop from 'pidproof/proper-lockfile';

// The drop-in wherever stock is expected, and stock wherever the drop-in is.
export const a: typeof stock.lock = drop.lock;
export const b: typeof stock.unlock = drop.unlock;
export const c: typeof stock.check = drop.check;
export const d: typeof stock.lockSync = drop.lockSync;
export const e: typeof stock.unlockSync = drop.unlockSync;
export const f: typeof stock.checkSync = drop.checkSync;
export const g: (...args: Parameters<typeof drop.lock>) => ReturnType<typeof drop.lock> = stock.lock;
export const h: (...args: Parameters<typeof drop.lockSync>) => ReturnType<typeof drop.lockSync> = stock.lockSync;
export const o1: stock.LockOptions = {} as LockOptions;
export const o2: LockOptions = {} as stock.LockOptions;
export const o3: stock.UnlockOptions = {} as drop.UnlockOptions;
export const o4: drop.CheckOptions = {} as stock.CheckOptions;
// Callable as lock itself (require('pidproof/proper-lockfile')(file)).
export const release: Promise<() => Promise<void>> = lockfile('/tmp/f', { onReclaim: (i: ReclaimInfo) => console.log(i.reason, i.holder?.pid) });
export const same: boolean = lockfile === lock;
// @ts-expect-error a number is no file
lock(5);
// @ts-expect-error check resolves with a boolean, not a release function
export const wrong: Promise<() => void> = check('/tmp/f');
// @ts-expect-error no such reason
export const r: ReclaimInfo['reason'] = 'timeout';
// @ts-expect-error lockSync returns a sync release
export const s: Promise<void> = lockSync('/tmp/f')();
EOF
for major in ${PIDPROOF_TS_VERSIONS:-5 7}; do
  tsc="$ts_dir/node_modules/ts$major/bin/tsc"
  version="$(cd "$ts_dir" && node "$tsc" --version | sed 's/^Version //')"
  for consumer in plf-stock.cts plf-dropin.cts plf-both.mts; do
    (cd "$ts_dir" && node "$tsc" --noEmit --strict --module nodenext --target es2022 "$consumer") ||
      fail "TypeScript $version: tsc --strict --module nodenext $consumer failed"
  done
  ok "TypeScript $version: a program written for @types/proper-lockfile type-checks against pidproof/proper-lockfile with its import changed (no Node types needed: TypeScript 7 loads none here); both APIs assignable both ways"
done

for major in ${PIDPROOF_TS_VERSIONS:-5 7}; do
  tsc="$ts_dir/node_modules/ts$major/bin/tsc"
  version="$(cd "$ts_dir" && node "$tsc" --version | sed 's/^Version //')"
  for consumer in consumer.cts consumer.mts; do
    (cd "$ts_dir" && node "$tsc" --noEmit --strict --module nodenext --target es2022 "$consumer") ||
      fail "TypeScript $version: tsc --strict --module nodenext $consumer failed"
  done
  ok "TypeScript $version: CommonJS and ESM consumers type-check (--strict --module nodenext, @types/node@$types_node, no types setting)"
done

# Control: without @types/node the declarations' own reference must fail, naming 'node'.
bare="$work/ts-bare"
mkdir -p "$bare"
printf '{"name":"ts-bare","version":"1.0.0","private":true}\n' >"$bare/package.json"
last_major="$(tr ' ' '\n' <<<"${PIDPROOF_TS_VERSIONS:-5 7}" | tail -n 1)"
(cd "$bare" && npm install --no-package-lock --ignore-scripts "$tar_with" "typescript@$last_major" >/dev/null) ||
  fail "could not install typescript@$last_major"
printf "import { processIdentity } from 'pidproof';\nexport const id = processIdentity(1);\n" >"$bare/bare.mts"
if (cd "$bare" && node node_modules/typescript/bin/tsc --noEmit --strict --module nodenext bare.mts >"$work/bare.out" 2>&1); then
  fail "tsc passed without @types/node: pidproof's declarations were not checked"
fi
grep -q "TS2688.*'node'" "$work/bare.out" || fail "without @types/node tsc failed differently: $(head -5 "$work/bare.out")"
ok "control: without @types/node, tsc reports TS2688 (type definition file for 'node') from pidproof's index.d.ts"

# ---- (e) without prebuilds, no build -----------------------------------------------------------
step "(e) pack without prebuilds, install with --ignore-scripts"
rm -rf "$src/prebuilds" "$src/build"
(cd "$src" && npm pack --pack-destination "$packs/without" >/dev/null)
tar_without="$(ls "$packs"/without/*.tgz)"
node "$scripts/check-tarball.mjs" "$tar_without" --prebuilds '' >/dev/null || fail "tarball without prebuilds"
if node "$scripts/check-tarball.mjs" "$tar_without" --prebuilds "$built" >"$work/check.out" 2>&1; then
  fail "check-tarball accepted a tarball that lacks prebuilds/$built"
fi
grep -q "missing prebuild: prebuilds/$built" "$work/check.out" || fail "check-tarball failed differently: $(cat "$work/check.out")"
: >"$shim_log"
install_fresh "$work/consumer-fallback" "$tar_without" --ignore-scripts
[[ ! -s "$shim_log" ]] || fail "a compiler ran during an --ignore-scripts install: $(cat "$shim_log")"
(
  cd "$work/consumer-fallback"
  node -e '
    const p = require("pidproof");
    if (p.backend !== "fallback") throw new Error("backend is " + p.backend + ", not fallback");
    const me = p.processIdentity(process.pid);
    if (!me) throw new Error("fallback found no identity for self");
    console.log("  require: backend=fallback startTokenUnit=" + me.startTokenUnit);
  '
  node --input-type=module -e '
    const m = await import("pidproof");
    const backend = m.backend ?? m.default?.backend;
    if (backend !== "fallback") throw new Error("backend is " + backend + ", not fallback");
  '
) || fail "the package without a binary did not load the fallback"
ok "no binary, no build: backend === 'fallback' (require and import)"

# ---- (f) control ---------------------------------------------------------------------------------
# The same binary-less tarball with its install script allowed must try to compile, hit a shim and
# fail. This proves the install script runs in this setup and that the shims intercept the
# toolchain, so an empty shim log in (c) means no compiler ran.
step "(f) control: without prebuilds, install script allowed: a build is attempted and stopped"
: >"$shim_log"
if install_fresh "$work/consumer-build" "$tar_without" >"$work/control.log" 2>&1; then
  fail "install without a binary and without compilers succeeded (did the install script run?)"
fi
[[ -s "$shim_log" ]] || fail "install failed, but no compiler shim was called: $(tail -5 "$work/control.log")"
printf '  shims called: %s\n' "$(tr '\n' ';' <"$shim_log")"
if node "$scripts/install-tarball.mjs" "$tar_without" >"$work/install-without.log" 2>&1; then
  fail "install-tarball.mjs passed a tarball with no prebuild for this platform"
fi
grep -q "build attempted" "$work/install-without.log" ||
  fail "install-tarball.mjs failed without naming the build attempt: $(tail -3 "$work/install-without.log")"
printf '  what the user sees:\n'
grep -E 'npm error code|gyp ERR! (find Python You need|stack Error)' "$work/control.log" | head -3 | sed 's/^/    /'
ok "install script ran node-gyp, which reached a compiler shim and failed; install-tarball.mjs fails there too, naming the build attempt"

# ---- (g) the release's metadata gate on this tarball -----------------------------------------
# release.yml refuses in seconds what npm would refuse after the build: run its gate the way the
# release does (GITHUB_* as a tag push sets them) on the tarball packed in (b).
step "(g) release gate (.github/scripts/release-meta.mjs) on the packed tarball"
meta="$scripts/release-meta.mjs"
version="$(tar -xzOf "$tar_with" package/package.json | node -p 'JSON.parse(require("fs").readFileSync(0, "utf8")).version')"
slug="$(tar -xzOf "$tar_with" package/package.json | node -p 'JSON.parse(require("fs").readFileSync(0, "utf8")).repository.url.replace(/^git\+https:\/\/github\.com\/|\.git$/g, "")')"
out="$(GITHUB_REF_TYPE=tag GITHUB_REF_NAME="v$version" GITHUB_REPOSITORY="$slug" node "$meta" --tarball "$tar_with")" ||
  fail "release gate refused tag v$version in $slug"
expected_tag=latest
if [[ "$version" == *-* ]]; then expected_tag="$(cut -d. -f1 <<<"${version#*-}")"; fi
if [[ "$expected_tag" =~ ^[0-9] ]]; then expected_tag=next; fi
grep -qx "dist-tag=$expected_tag" <<<"$out" || fail "release gate: expected dist-tag=$expected_tag, got: $out"
if GITHUB_REF_TYPE=tag GITHUB_REF_NAME="v$version.1" GITHUB_REPOSITORY="$slug" node "$meta" --tarball "$tar_with" 2>/dev/null; then
  fail "release gate accepted tag v$version.1 for version $version"
fi
if GITHUB_REF_TYPE=tag GITHUB_REF_NAME="v$version" GITHUB_REPOSITORY="someone-else/$slug-fork" node "$meta" --tarball "$tar_with" 2>/dev/null; then
  fail "release gate accepted a repository.url naming another repository (npm provenance would refuse it, E422)"
fi
pre="$work/pre"
mkdir -p "$pre"
tar -xzf "$tar_with" -C "$pre"
node -e 'const f = process.argv[1], p = JSON.parse(require("fs").readFileSync(f)); p.version = "9.9.9-beta.2"; require("fs").writeFileSync(f, JSON.stringify(p))' \
  "$pre/package/package.json"
tar -czf "$pre/pre.tgz" -C "$pre" package
grep -qx 'dist-tag=beta' <<<"$(node "$meta" --tarball "$pre/pre.tgz")" || fail "release gate: a prerelease did not get its dist-tag"
ok "release gate: v$version in $slug passes ($(grep dist-tag <<<"$out")); a wrong tag, another repository are refused; 9.9.9-beta.2 -> dist-tag beta"

printf '\n%d passed, 0 failed\n' "$passed"
