#!/usr/bin/env bash
# The glibc baseline of a Linux glibc prebuild: fails when the binary needs a newer GLIBC_ (or
# libstdc++ GLIBCXX_) symbol version than the oldest system it is meant to load on.
#
#   check-glibc.sh FILE.node [MAX_GLIBC [MAX_GLIBCXX]]     defaults: 2.28 and 3.4.25
#
# 2.28 / 3.4.25 are RHEL 8 / AlmaLinux 8 (glibc 2.28, GCC 8's libstdc++), the system the glibc
# prebuilds are built on (manylinux_2_28); Debian 10+, Ubuntu 20.04+ and RHEL 8+ have at least
# these. Built on a newer glibc the addon needs GLIBC_2.33 (stat64/fstat64 became real symbols in
# 2.33) and would not load on Debian 11, Ubuntu 20.04 or RHEL 8. Reads the dynamic symbol table
# with `objdump -T` (binutils).
set -euo pipefail

file=${1:?usage: check-glibc.sh FILE.node [MAX_GLIBC [MAX_GLIBCXX]]}
max_glibc=${2:-2.28}
max_glibcxx=${3:-3.4.25}
command -v objdump >/dev/null || { echo "check-glibc: objdump not found (install binutils)" >&2; exit 2; }
[[ -f "$file" ]] || { echo "check-glibc: no such file: $file" >&2; exit 2; }

symbols="$(objdump -T "$file")"
if ! objdump -p "$file" | grep -q 'NEEDED.*libc\.so\.6'; then
  echo "check-glibc: $file is not linked against glibc (libc.so.6)" >&2
  exit 2
fi

# highest PREFIX version the binary needs, or "none"
highest() {
  { grep -oE "\b$1_[0-9]+(\.[0-9]+)*\b" <<<"$symbols" || true; } | sed "s/^$1_//" | sort -uV | tail -n 1
}
# true when version $1 > version $2
newer() { [[ "$1" != "$2" && "$(printf '%s\n%s\n' "$1" "$2" | sort -V | tail -n 1)" == "$1" ]]; }

status=0
for pair in "GLIBC:$max_glibc" "GLIBCXX:$max_glibcxx"; do
  prefix=${pair%%:*}
  max=${pair#*:}
  top=$(highest "$prefix")
  if [[ -z "$top" ]]; then
    echo "check-glibc: $file needs no ${prefix}_ symbol version"
    continue
  fi
  if newer "$top" "$max"; then
    echo "check-glibc: $file needs ${prefix}_$top, newer than the ${prefix}_$max baseline; symbols:" >&2
    while read -r line; do
      ver=$(grep -oE "\b${prefix}_[0-9.]+\b" <<<"$line" | head -n 1 | sed "s/^${prefix}_//")
      if [[ -n "$ver" ]] && newer "$ver" "$max"; then echo "  ${line##* } (${prefix}_$ver)" >&2; fi
    done < <(grep -E "\b${prefix}_[0-9]" <<<"$symbols")
    status=1
  else
    echo "check-glibc: $file needs at most ${prefix}_$top (baseline ${prefix}_$max): ok"
  fi
done
exit "$status"
