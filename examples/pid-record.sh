# PID records that pidproof judges exactly, from a POSIX shell on Linux (README "From other
# languages"). Source it, then:
#   write_pid_record /run/myd.pid && exec myd    # the record names this shell, then myd (same PID)
#   pid_record_alive /run/myd.pid                # exit 0 while that process lives, 1 once it is gone

# write_pid_record FILE: records this shell ($$) in FILE, atomically (a temp file in the same
# directory, flushed, renamed over FILE: a reader sees the old record or the new one, never a part).
write_pid_record() (
  file=$1
  case $file in */*) dir=${file%/*} ;; *) dir=. ;; esac
  if [ -L "$file" ] || [ -d "$file" ]; then
    echo "write_pid_record: $file is a symbolic link or a directory" >&2
    exit 2
  fi
  stat=$(cat "/proc/$$/stat") || exit 1
  # The command name (field 2) may hold spaces and ")": split after the last ")". The start
  # ticks (field 22, clock ticks after boot as this shell sees the boot clock) are the 20th field.
  set -f
  set -- ${stat##*\)}
  starttime=${20}
  case $starttime in '' | *[!0-9]*)
    echo "write_pid_record: cannot read the start ticks from /proc/$$/stat" >&2
    exit 1
  esac
  boot_id=$(cat /proc/sys/kernel/random/boot_id) || exit 1
  pidns=$(readlink "/proc/$$/ns/pid") && pidns=${pidns#pid:\[} && pidns=${pidns%\]}
  host=$(uname -n)
  case $host in *[!A-Za-z0-9._-]*) host= ;; esac # a name that needs JSON escapes is left out
  tmp=$(mktemp "$dir/.pid-record.XXXXXX") || exit 1
  {
    printf '{"pid":%s,"starttime":%s,"bootId":"%s"' "$$" "$starttime" "$boot_id"
    case $pidns in '' | *[!0-9]*) ;; *) printf ',"pidNamespace":"%s"' "$pidns" ;; esac
    [ -z "$host" ] || printf ',"hostname":"%s"' "$host"
    printf ',"createdAt":"%s"}\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  } >"$tmp" && chmod 644 "$tmp" && { sync "$tmp" 2>/dev/null || sync; } && mv -f "$tmp" "$file" || {
    rm -f "$tmp"
    exit 1
  }
)

# pid_record_alive FILE: exit 0 while the recorded process is alive and still that process;
# 1 when it is gone (dead, PID recycled, zombie, earlier boot) or there is no record; 2 on an
# error; 3 when pidproof cannot judge it here (never take over then).
pid_record_alive() {
  pidproof inspect -- "$1" >/dev/null
  set -- "$1" $?
  [ "$2" = 0 ] && { [ -e "$1" ] || return 1; }
  return "$2"
}
