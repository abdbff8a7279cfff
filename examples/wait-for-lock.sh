#!/bin/sh
# wait-for-lock.sh: before a job that needs LOCKFILE free (a deploy, a backup, a migration), wait
# for whoever holds it to finish, using the pidproof CLI's exit codes; never guess.
#
#   wait-for-lock.sh LOCKFILE [TIMEOUT_SECONDS]      (default 60)
#
# Exit 0: free now (no lock, or its holder exited or is provably gone: the next acquire takes or
#         reclaims it at once).
# Exit 1: still held by a live process after TIMEOUT_SECONDS.
# Exit 3: the lock cannot be judged here (not a lock file, a live PID that nothing proves is the
#         writer, a holder on another host): a person must look; `pidproof inspect LOCKFILE`.
# Exit 2: bad usage or an error.
#
# `pidproof` comes from the installed package (node_modules/.bin, or a global install).
set -u

lock=${1:?usage: wait-for-lock.sh LOCKFILE [TIMEOUT_SECONDS]}
timeout=${2:-60}

# inspect: 0 healthy (a live holder) or absent, 1 stale, 2 error, 3 cannot be judged.
pidproof inspect "$lock" >/dev/null
case $? in
  0) ;;
  1)
    echo "wait-for-lock: $lock is stale (its holder is gone): free"
    exit 0
    ;;
  3)
    echo "wait-for-lock: $lock cannot be judged here; see: pidproof inspect $lock" >&2
    exit 3
    ;;
  *) exit 2 ;;
esac

# watch: blocks until that exact process exits (a missing lock or a gone holder returns at once).
# 0 exited, 1 timeout, 2 error.
pidproof watch "$lock" --timeout "$timeout"
case $? in
  0)
    echo "wait-for-lock: $lock is free"
    exit 0
    ;;
  1)
    echo "wait-for-lock: $lock is still held after ${timeout} s" >&2
    exit 1
    ;;
  *) exit 2 ;;
esac
