#!/usr/bin/env bash
# npm run test:loaded — the full test suite on a busy machine: the suite must not depend on
# wall-clock margins that load can eat.
#
# Builds once (dist/ and the test fixtures), then starts the load: two CPU-bound busy loops and a
# disk writer (64 MiB rewritten and fsync'd in a loop, in a private temporary directory), and runs
# `vitest run` ROUNDS times in a row beside them (default 3). It stops at the first red round.
# Every load process is stopped on any exit of this script (success, failure, Ctrl-C, SIGTERM, with
# a round cut short too); each one also exits by itself if this script dies without running its
# trap (SIGKILL): it checks its parent PID as it runs.
#
# Environment: PIDPROOF_LOADED_ROUNDS (default 3). Arguments are passed to vitest (file filters:
# `npm run test:loaded -- test/watch.test.ts`). Prints each round's duration and the total.
set -euo pipefail
# Job control: every background job (the load, each vitest round) in its own process group, so a
# stop kills the whole group, and `wait` (unlike a foreground command) lets a trap run at once.
set -m
cd "$(dirname "${BASH_SOURCE[0]}")/.."

rounds=${PIDPROOF_LOADED_ROUNDS:-3}
if ! [[ "$rounds" =~ ^[1-9][0-9]*$ ]]; then
  echo "test:loaded: PIDPROOF_LOADED_ROUNDS must be a positive integer, got '$rounds'" >&2
  exit 2
fi

log() { printf '[test:loaded] %s\n' "$*"; }

scratch=""
load_pids=()
run_pid=""
stop_all() {
  local pid
  # A round cut short (Ctrl-C, SIGTERM): vitest and its workers, as a group.
  if [[ -n "$run_pid" ]]; then kill -TERM -- "-$run_pid" 2>/dev/null || true; fi
  for pid in "${load_pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  for pid in "${load_pids[@]}" $run_pid; do wait "$pid" 2>/dev/null || true; done
  load_pids=()
  run_pid=""
  if [[ -n "$scratch" ]]; then rm -rf "$scratch"; fi
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# Each load process watches its parent (this script) and exits when it is gone.
orphan_check='const parent = process.ppid; const orphaned = () => process.ppid !== parent;'
busy="$orphan_check"' for (let i = 1; ; i++) if ((i & 0x3ffffff) === 0 && orphaned()) process.exit(0);'
disk="$orphan_check"'
const fs = require("fs");
const chunk = Buffer.alloc(1 << 20, 0x5a);
const file = process.argv[1];
while (!orphaned()) {
  const fd = fs.openSync(file, "w");
  for (let i = 0; i < 64; i++) fs.writeSync(fd, chunk);
  fs.fsyncSync(fd);
  fs.closeSync(fd);
}
fs.rmSync(require("path").dirname(file), { recursive: true, force: true }); // orphaned: the trap did not run'

t_start=$SECONDS
log "building dist/ and the test fixtures"
npm run pretest --silent

scratch=$(mktemp -d "${TMPDIR:-/tmp}/pidproof-loaded.XXXXXX")
node -e "$busy" &
load_pids+=($!)
node -e "$busy" &
load_pids+=($!)
node -e "$disk" "$scratch/disk-writer.bin" &
load_pids+=($!)
log "load: 2 busy loops and a disk writer (PIDs ${load_pids[*]}) on $(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?') CPUs"

for ((round = 1; round <= rounds; round++)); do
  log "round $round of $rounds: vitest run $*"
  t0=$SECONDS
  npx --no-install vitest run "$@" &
  run_pid=$!
  status=0
  wait "$run_pid" || status=$?
  run_pid=""
  if [[ $status -ne 0 ]]; then
    log "round $round of $rounds FAILED (exit $status) after $((SECONDS - t0)) s"
    exit 1
  fi
  log "round $round of $rounds green in $((SECONDS - t0)) s"
done
stop_all
log "all $rounds rounds green under load; total $((SECONDS - t_start)) s (build included)"
