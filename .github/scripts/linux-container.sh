#!/usr/bin/env bash
# The Linux prebuilds in containers, on the runner's own architecture (x64 or arm64, no emulation):
#
#   linux-container.sh build glibc        build prebuilds/linux-<arch>/pidproof.glibc.node on
#                                         manylinux_2_28 (AlmaLinux 8, glibc 2.28), as the runner's
#                                         user, with the runner's Node.js mounted read-only
#   linux-container.sh build musl         build, then run the suite (PREBUILDS_ONLY=1, as root,
#                                         --privileged for the root-only cases) on Alpine, and hand
#                                         the files back to the runner's user
#   linux-container.sh install LIBC TGZ   install a packed tarball there with no compiler
#                                         (.github/scripts/install-tarball.mjs): on manylinux_2_28
#                                         it proves the glibc prebuild loads on glibc 2.28; Alpine
#                                         gets Node.js and npm from its packages and no toolchain
#
# The images are the FROM lines of .github/images/{glibc-x64,glibc-arm64,musl}/Dockerfile, pinned
# by digest (Dependabot keeps them current); they are run, never built. `docker run` rather than a
# job `container:`, because JavaScript actions cannot run inside Alpine on arm64 runners. Run from
# the repository root, after actions/setup-node (the glibc container uses that Node.js).
set -euo pipefail

usage() {
  echo "usage: linux-container.sh build glibc|musl | install glibc|musl TARBALL" >&2
  exit 2
}
[[ $# -ge 2 ]] || usage
action=$1
libc=$2
case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64) arch=arm64 ;;
  *) echo "linux-container: unsupported runner architecture $(uname -m)" >&2; exit 2 ;;
esac
case "$libc" in
  glibc) image_dir=".github/images/glibc-$arch" ;;
  musl) image_dir=".github/images/musl" ;;
  *) usage ;;
esac
image="$(sed -n 's/^FROM[[:space:]]\{1,\}\([^[:space:]]\{1,\}\).*/\1/p' "$image_dir/Dockerfile")"
[[ "$image" == *@sha256:* ]] || { echo "linux-container: $image_dir/Dockerfile names no digest-pinned image" >&2; exit 2; }
echo "linux-container: $action $libc on linux-$arch in $image"

uid_gid="$(id -u):$(id -g)"
node_home="$(dirname "$(dirname "$(command -v node)")")"

# glibc: the runner's Node.js (official builds need glibc >= 2.28, which manylinux_2_28 has), the
# image's GCC toolset (already first on its PATH) and one of its CPython builds for node-gyp.
run_glibc() {
  docker run --rm -v "$PWD:/src" -w /src -v "$node_home:/opt/node:ro" --user "$uid_gid" \
    -e HOME=/tmp -e CI=true -e PYTHON=/opt/python/cp312-cp312/bin/python3 \
    "$image" bash -euo pipefail -c "export PATH=/opt/node/bin:\$PATH; $1"
}

# musl: as root (apk, and the suite's root-only cases), files handed back to the runner's user.
run_musl() {
  docker run --rm --privileged -v "$PWD:/src" -w /src -e CI=true "$image" sh -euc \
    "trap 'chown -R $uid_gid /src' EXIT; $1"
}

case "$action:$libc" in
  build:glibc)
    run_glibc '
      ldd --version | sed -n 1p; g++ --version | sed -n 1p; node --version; npm --version
      npm ci --ignore-scripts
      npm run prebuildify -- --tag-libc'
    ;;
  build:musl)
    run_musl '
      apk add --no-cache nodejs npm python3 make g++ bash
      node --version; npm --version; g++ --version | sed -n 1p
      npm ci --ignore-scripts
      npm run prebuildify -- --tag-libc
      PREBUILDS_ONLY=1 npm test'
    ;;
  install:glibc | install:musl)
    [[ $# -eq 3 && -f "$3" ]] || usage
    tarball="$3"
    case "$tarball" in /*) echo "linux-container: give the tarball relative to the repository root" >&2; exit 2 ;; esac
    if [[ "$libc" == glibc ]]; then
      run_glibc "ldd --version | sed -n 1p; node .github/scripts/install-tarball.mjs '/src/$tarball'"
    else
      run_musl "apk add --no-cache nodejs npm; node .github/scripts/install-tarball.mjs '/src/$tarball'"
    fi
    ;;
  *) usage ;;
esac
