#!/usr/bin/env bash
# npm run test:proper-lockfile-suite [-- stock|dropin [jest arguments...]]
#
# Runs proper-lockfile 4.1.2's own test suite, unchanged, against pidproof's drop-in
# (`pidproof/proper-lockfile`, the default) or against stock proper-lockfile 4.1.2 (`stock`: the
# control that shows the harness is right). The suite is read from
# ../shared/peer-suites/proper-lockfile-4.1.2 (PIDPROOF_PEER_SUITES overrides ../shared/peer-suites);
# it is never copied into this repository.
#
# What the suite expects around it (see the README next to it) is laid out in a temporary
# directory, deleted afterwards:
#   <tmp>/test/, LICENSE     copied from the peer suite (which is read-only in CI; the tests write
#                            into test/tmp)
#   <tmp>/lib/lockfile.js    the module under test: for `dropin` a symbolic link to pidproof's
#                            compiled drop-in (dist/compat/proper-lockfile.js), so misc.test.js
#                            greps the implementation itself and test/util/unlockAll.js reaches
#                            its `getLocks()`; for `stock`, stock's lib/ copied
#   <tmp>/index.js           the package root the tests `require('../')`: the same module
#   <tmp>/jest.config.js     node environment; test/fixtures and test/util are not test files
#   <tmp>/node_modules       -> test/proper-lockfile-suite/node_modules: the suite's test-only
#                            dependencies, pinned in test/proper-lockfile-suite/package-lock.json
#                            and installed with `npm ci` when missing or stale
# and jest 24 runs it with `--runInBand` (the files share test/tmp), preloaded with
# test/proper-lockfile-suite/preload.cjs (jest 24 predates `node:` built-in names).
#
# Arguments after the target go to jest (a file or `-t` name filter).
# Exit status: jest's. Without the peer suite: a message and exit 0 (so `npm test`'s posttest
# passes on a checkout without ../shared), unless PIDPROOF_REQUIRE_PEER_SUITE=1 (.ci/run sets it
# whenever ../shared exists).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fixture="$repo/test/proper-lockfile-suite"
suites="${PIDPROOF_PEER_SUITES:-$repo/../shared/peer-suites}"
suite="$suites/proper-lockfile-4.1.2"

target="dropin"
if [[ $# -gt 0 && ( "$1" == stock || "$1" == dropin ) ]]; then
  target="$1"
  shift
fi

log() { printf '[proper-lockfile-suite] %s\n' "$*"; }

if [[ ! -d "$suite/test" ]]; then
  where="proper-lockfile's own suite is not at $suite (it lives in ../shared/peer-suites beside the repository; set PIDPROOF_PEER_SUITES to its folder)"
  if [[ "${PIDPROOF_REQUIRE_PEER_SUITE:-}" == 1 ]]; then
    log "FAILED: $where, and PIDPROOF_REQUIRE_PEER_SUITE=1"
    exit 1
  fi
  log "skipped: $where"
  exit 0
fi

export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
# The suite's dependencies: npm ci from the committed lock file, unless node_modules was installed
# from exactly this lock file (its hash is stamped there after each install).
want="$(sha256sum "$fixture/package-lock.json" | cut -d' ' -f1)"
stamp="$fixture/node_modules/.pidproof-installed-from"
if [[ "$(cat "$stamp" 2>/dev/null || true)" != "$want" ]]; then
  log "installing the suite's test-only dependencies (npm ci in test/proper-lockfile-suite)"
  (cd "$fixture" && npm ci --no-audit --no-fund --loglevel=warn)
  printf '%s\n' "$want" >"$stamp"
fi

if [[ "$target" == dropin ]]; then
  module="$repo/dist/compat/proper-lockfile.js"
  if [[ ! -f "$module" ]]; then
    log "building the TypeScript (dist/ is missing)"
    (cd "$repo" && npm run build:ts --silent)
  fi
fi

tmp="$(mktemp -d "${TMPDIR:-/tmp}/pidproof-pl-suite.XXXXXX")"
cleanup() { rm -rf "$tmp"; }
trap cleanup EXIT

cp -R "$suite/test" "$suite/LICENSE" "$tmp/"
chmod -R u+w "$tmp"
rm -rf "$tmp/test/tmp"
ln -s "$fixture/node_modules" "$tmp/node_modules"
mkdir -p "$tmp/lib"
if [[ "$target" == stock ]]; then
  cp -R "$fixture/node_modules/proper-lockfile/index.js" "$fixture/node_modules/proper-lockfile/lib" "$tmp/"
  printf '{ "name": "proper-lockfile", "version": "4.1.2", "private": true, "main": "index.js" }\n' >"$tmp/package.json"
else
  ln -s "$module" "$tmp/lib/lockfile.js"
  printf "'use strict';\n\n// The package root the suite requires: pidproof's drop-in (lib/lockfile.js links to it).\nmodule.exports = require('./lib/lockfile');\n" >"$tmp/index.js"
  printf '{ "name": "proper-lockfile", "version": "4.1.2", "private": true, "main": "index.js" }\n' >"$tmp/package.json"
fi

log "running proper-lockfile 4.1.2's suite against $([[ $target == stock ]] && echo 'stock proper-lockfile 4.1.2 (control)' || echo "pidproof/proper-lockfile ($module)") in $tmp"
cd "$tmp"
status=0
# The test files are test/*.test.js; fixtures and util are run by them, never by jest itself.
cat >"$tmp/jest.config.js" <<'JEST'
module.exports = {
  rootDir: __dirname,
  roots: ['<rootDir>/test'],
  testEnvironment: 'node',
  testPathIgnorePatterns: ['/node_modules/', '/test/fixtures/', '/test/util/'],
};
JEST
node -r "$fixture/preload.cjs" "$fixture/node_modules/jest/bin/jest.js" --config "$tmp/jest.config.js" --runInBand --ci "$@" || status=$?
exit "$status"
