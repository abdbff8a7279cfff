#!/usr/bin/env bash
# npm run test:asan — the test suite against an addon built with AddressSanitizer and
# UndefinedBehaviorSanitizer (Linux, gcc). Fails on any sanitizer report, from the test process or
# any child that loads the addon.
#
# Everything it writes is under .asan/ (git-ignored): a staged package copy (lib/, test/,
# package.json, tsconfigs; node_modules linked) whose build/Release/pidproof.node is the sanitized
# build, its dist/ and test fixtures, and the sanitizer logs. The checkout's build/Release and dist/
# are never touched, so nothing needs restoring.
#
# - Build: node-gyp rebuild in the stage with -fsanitize=address,undefined
#   -fno-sanitize-recover=all -fno-omit-frame-pointer (gyp's own flags otherwise).
# - Run: vitest in the stage with LD_PRELOAD=libasan.so (node itself is not instrumented, so the
#   ASan runtime must be loaded first), ASAN_OPTIONS / UBSAN_OPTIONS writing reports to
#   .asan/logs/ (world-writable: some tests run children as nobody). Leak detection is off: node
#   does not free everything at exit, and that is not the addon's doing.
#
# Environment: PIDPROOF_ASAN_TESTS (vitest file filters; default: the whole suite),
# PIDPROOF_ASAN_EXCLUDE (a regular expression: test names to leave out, e.g. the throughput cases
# that spawn a thousand processes, each of which maps ASan's shadow memory under the preload).
#
# Measured on the 2-core development VM (2026-11-27): the whole suite takes about 9.5 minutes under
# the sanitizer, passes, and no report was found. .ci/run runs the native-heavy files (about 3.5
# minutes), leaving out the throughput cases that spawn a thousand processes.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
A="$ROOT/.asan"
STAGE="$A/stage"
LOGS="$A/logs"
TESTS=${PIDPROOF_ASAN_TESTS:-}
EXCLUDE=${PIDPROOF_ASAN_EXCLUDE:-}

log() { printf '[asan] %s\n' "$*"; }
die() {
  printf '[asan] error: %s\n' "$*" >&2
  exit 1
}
T0=$SECONDS

[ "$(uname -s)" = Linux ] || die "the sanitizer run is Linux-only"
command -v g++ >/dev/null || die "g++ not found"
[ -d "$ROOT/node_modules/node-gyp" ] || die "node_modules missing: run npm ci first"
LIBASAN=$(g++ -print-file-name=libasan.so)
[ -f "$LIBASAN" ] || die "libasan.so not found (Debian: libasan8 / gcc's runtime)"

# ---- stage -------------------------------------------------------------------------------------
log "staging $STAGE"
rm -rf "$STAGE" "$LOGS"
mkdir -p "$STAGE" "$LOGS"
chmod 1777 "$LOGS"
cp -r "$ROOT/lib" "$ROOT/test" "$ROOT/examples" "$ROOT/package.json" "$ROOT/binding.gyp" "$STAGE/"
cp "$ROOT"/tsconfig*.json "$STAGE/"
for f in "$ROOT"/vitest.config.*; do [ -e "$f" ] && cp "$f" "$STAGE/"; done
ln -s "$ROOT/native" "$STAGE/native"
ln -s "$ROOT/node_modules" "$STAGE/node_modules"

# ---- sanitized addon ---------------------------------------------------------------------------
log "building the addon with -fsanitize=address,undefined"
SAN="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -g"
# The headers beside the running node when they are there (as npm's own install finds them), so
# no download is needed; otherwise node-gyp's cache.
NODE_PREFIX=$(dirname "$(dirname "$(node -p process.execPath)")")
GYP_ARGS=(rebuild)
[ -f "$NODE_PREFIX/include/node/node_api.h" ] && GYP_ARGS+=(--nodedir="$NODE_PREFIX")
(cd "$STAGE" && CXXFLAGS="$SAN" CFLAGS="$SAN" LDFLAGS="-fsanitize=address,undefined" \
  node "$ROOT/node_modules/node-gyp/bin/node-gyp.js" "${GYP_ARGS[@]}") >"$A/build.log" 2>&1 || {
  cat "$A/build.log" >&2
  die "sanitized build failed"
}
BIN="$STAGE/build/Release/pidproof.node"
[ -f "$BIN" ] || die "no $BIN"
deps=$(ldd "$BIN")
grep -q libasan <<<"$deps" || die "$BIN does not link libasan: the sanitizer flags were not applied"

# dist/, the test fixtures and the examples, as `npm test`'s pretest builds them, inside the stage.
(cd "$STAGE" && node_modules/.bin/tsc -p tsconfig.build.json && node_modules/.bin/tsc -p tsconfig.fixtures.json &&
  node_modules/.bin/tsc -p examples) ||
  die "tsc failed in the stage"

# ---- run ---------------------------------------------------------------------------------------
log "running vitest with LD_PRELOAD=$LIBASAN ${TESTS:+(tests: $TESTS)}"
export LD_PRELOAD="$LIBASAN"
export ASAN_OPTIONS="detect_leaks=0:halt_on_error=1:abort_on_error=0:exitcode=86:log_path=$LOGS/asan:allow_user_segv_handler=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:exitcode=87:log_path=$LOGS/ubsan"
unset PIDPROOF_BACKEND
rc=0
# shellcheck disable=SC2086 # TESTS is a list of filters
if [ -n "$EXCLUDE" ]; then
  (cd "$STAGE" && node node_modules/vitest/vitest.mjs run -t "^(?!.*(${EXCLUDE})).*" $TESTS) || rc=$?
else
  (cd "$STAGE" && node node_modules/vitest/vitest.mjs run $TESTS) || rc=$?
fi
unset LD_PRELOAD

reports=$(find "$LOGS" -type f | sort)
if [ -n "$reports" ]; then
  for f in $reports; do
    log "sanitizer report: $f"
    cat "$f" >&2
  done
  die "sanitizer reports found ($(wc -l <<<"$reports") files); vitest exit status $rc"
fi
[ "$rc" -eq 0 ] || die "vitest failed (exit status $rc) without a sanitizer report"
log "passed: no sanitizer report ($((SECONDS - T0)) s)"
