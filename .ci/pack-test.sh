#!/usr/bin/env bash
# Pack-and-install test: what `npm publish` would ship, installed the way a user installs it.
#
#   (a) a tarball with a prebuild for this platform installs with every compiler hidden (shims that
#       record the call and fail) and loads the native backend, from require() and import();
#   (b) a tarball without prebuilds, installed with --ignore-scripts (no build), loads the
#       pure-TypeScript fallback;
#   (c) the tarball holds only what a user needs (the package.json "files" allow-list).
#
# Everything happens in a temporary directory: a copy of the working tree (git-tracked and
# untracked files, minus what .gitignore drops), with the repository's node_modules linked in.
# The repository's own build/, dist/ and prebuilds/ are never touched. KEEP_TMP=1 keeps the
# directory for inspection. Needs the repository's devDependencies installed (npm ci).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
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
  printf '0 passed, 1 failed\n'
  exit 1
}

unset PIDPROOF_BACKEND PREBUILDS_ONLY
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
export npm_config_loglevel=warn

[[ -d "$repo/node_modules/prebuildify" ]] || fail "run npm ci first (devDependencies missing)"

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

# ---- compiler shims --------------------------------------------------------------------------
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
# arguments follow. Every line a shim logged means a build was attempted. The consumer allows
# pidproof's install script (npm >= 11.x blocks dependency install scripts unless allowScripts
# names them; older npm ignores the field), so the script really runs unless --ignore-scripts.
install_fresh() {
  local dir="$1" tarball="$2"
  shift 2
  mkdir -p "$dir"
  printf '{"name":"consumer","version":"1.0.0","private":true,"allowScripts":{"pidproof":true}}\n' \
    >"$dir/package.json"
  (cd "$dir" && PATH="$shims:$PATH" npm install --no-package-lock --prefer-offline "$@" "$tarball")
}

# ---- (a) with a prebuild ---------------------------------------------------------------------
step "(a) prebuild for $(node -p 'process.platform + "-" + process.arch') and pack"
(cd "$src" && npx --no-install prebuildify --napi --strip)
built="$(cd "$src" && find prebuilds -name '*.node' | sort | tr '\n' ' ')"
[[ -n "$built" ]] || fail "prebuildify produced no .node file"
rm -rf "$src/build" # the tarball must load the prebuild, not a leftover build/
ok "prebuildify --napi --strip built $built"

packs="$work/packs"
mkdir -p "$packs/with" "$packs/without"
(cd "$src" && npm pack --pack-destination "$packs/with" >/dev/null) # `prepare` runs tsc -> dist/
tar_with="$(ls "$packs"/with/*.tgz)"
listing="$(tar -tzf "$tar_with")" # listed once: `tar | grep -q` fails on SIGPIPE under pipefail
grep -q '^package/prebuilds/.*\.node$' <<<"$listing" || fail "tarball lacks prebuilds/"
grep -q '^package/dist/index.js$' <<<"$listing" || fail "tarball lacks dist/index.js"
ok "packed $(basename "$tar_with") with prebuilds/ and dist/"

step "(a) install with compilers hidden"
install_fresh "$work/consumer-native" "$tar_with" --foreground-scripts 2>&1 | tee "$work/install-native.log"
grep -q '> node-gyp-build' "$work/install-native.log" || fail "pidproof's install script did not run"
[[ ! -s "$shim_log" ]] || fail "a compiler ran during install: $(cat "$shim_log")"
[[ ! -e "$work/consumer-native/node_modules/pidproof/build" ]] || fail "install created build/"
ok "install script (node-gyp-build) ran and used the prebuild: no compiler shim called, no build/"

(
  cd "$work/consumer-native"
  node -e '
    const p = require("pidproof");
    if (p.backend !== "native") throw new Error("backend is " + p.backend + ", not native");
    const me = p.processIdentity(process.pid);
    if (!me || !me.startToken) throw new Error("no identity for self: " + JSON.stringify(me));
    console.log("  require: backend=native startToken=" + me.startToken + " " + me.startTokenUnit);
  '
) || fail "require('pidproof') did not load the native backend"
ok "require('pidproof').backend === 'native'"

(
  cd "$work/consumer-native"
  node --input-type=module -e '
    const m = await import("pidproof");
    const backend = m.backend ?? m.default?.backend;
    if (backend !== "native") throw new Error("backend is " + backend + ", not native");
    const id = (m.processIdentity ?? m.default.processIdentity)(process.pid);
    if (!id) throw new Error("no identity for self");
    console.log("  import: backend=native");
  '
) || fail "import('pidproof') failed"
ok "import('pidproof') works and is native"

# ---- (c) contents of the tarball -------------------------------------------------------------
step "(c) npm pack --dry-run --json"
(cd "$src" && npm pack --dry-run --json) >"$work/pack.json"
node - "$work/pack.json" <<'EOF' || fail "tarball contents"
const fs = require('node:fs');
const [info] = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const files = info.files.map((f) => f.path).sort();
// What a user needs: the compiled library, the sources and gyp file for a build from source,
// the prebuilds, and the docs.
const allowed = [
  /^package\.json$/,
  /^README\.md$/,
  /^CHANGELOG\.md$/,
  /^LICENSE$/,
  /^binding\.gyp$/,
  /^native\/[A-Za-z0-9_]+\.(cc|h)$/,
  /^dist\/[A-Za-z0-9_/.-]+\.(js|d\.ts)$/,
  /^prebuilds\/[a-z0-9]+-[a-z0-9+]+\/[A-Za-z0-9_.+-]+\.node$/,
];
const required = [
  'package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'binding.gyp',
  'native/addon.cc', 'native/platform.h', 'native/platform_linux.cc',
  'native/platform_darwin.cc', 'native/platform_freebsd.cc', 'native/platform_unsupported.cc',
  'dist/index.js', 'dist/index.d.ts',
];
const forbidden = /^(test|bench|\.ci|\.github|build|lib|node_modules|\.bench-out)\/|\.map$|\.tgz$|^tsconfig|^vitest/;
const problems = [];
for (const f of files) {
  if (forbidden.test(f)) problems.push(`must not ship: ${f}`);
  else if (!allowed.some((re) => re.test(f))) problems.push(`not on the allow-list: ${f}`);
}
for (const f of required) if (!files.includes(f)) problems.push(`missing: ${f}`);
if (!files.some((f) => f.startsWith('prebuilds/'))) problems.push('missing: prebuilds/');
console.log(`  ${info.filename}: ${files.length} files, ${info.size} bytes packed, ${info.unpackedSize} unpacked`);
for (const f of files) console.log(`    ${f}`);
if (problems.length) {
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
EOF
ok "tarball holds only the allow-listed files, and all required ones"

# ---- (b) without prebuilds, no build -----------------------------------------------------------
step "(b) pack without prebuilds, install with --ignore-scripts"
rm -rf "$src/prebuilds" "$src/build"
(cd "$src" && npm pack --pack-destination "$packs/without" >/dev/null)
tar_without="$(ls "$packs"/without/*.tgz)"
listing="$(tar -tzf "$tar_without")"
if grep -q '^package/prebuilds/' <<<"$listing"; then fail "tarball still has prebuilds/"; fi
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

# Control for (a): the same binary-less tarball with its install script allowed must try to
# compile, hit a shim and fail. This proves the install script runs in this setup and that the
# shims intercept the toolchain, so the empty shim log of (a) means no compiler ran.
step "(control) without prebuilds, install script allowed: a build is attempted and stopped"
: >"$shim_log"
if install_fresh "$work/consumer-build" "$tar_without" >"$work/control.log" 2>&1; then
  fail "install without a binary and without compilers succeeded (did the install script run?)"
fi
[[ -s "$shim_log" ]] || fail "install failed, but no compiler shim was called: $(tail -5 "$work/control.log")"
printf '  shims called: %s\n' "$(tr '\n' ';' <"$shim_log")"
ok "install script ran node-gyp, which reached a compiler shim and failed"

printf '\n%d passed, 0 failed\n' "$passed"
