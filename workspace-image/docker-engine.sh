#!/usr/bin/env bash
# Make sure a Docker engine is running and answering `docker info`. Idempotent.
#
#   1. `docker info` works                 -> done (exit 0)
#   2. dockerd missing                     -> apt-get install docker.io (Debian/Ubuntu, root or sudo)
#   3. start dockerd in the background     -> log to $KALPANA_DOCKERD_LOG
#   4. wait (bounded) until `docker info` answers
#
# Environment:
#   KALPANA_DATA_DIR         default $HOME/.kalpana
#   KALPANA_DOCKERD_LOG      default $KALPANA_DATA_DIR/dockerd.log
#   KALPANA_DOCKERD_TIMEOUT  seconds to wait for the engine, default 60
#   KALPANA_DOCKERD_FLAGS    extra flags for dockerd (word-split), default none
#
# Exit codes:
#   0  engine answers
#   2  cannot install: not root and no sudo / not Debian or Ubuntu (instructions printed)
#   3  installing docker.io failed
#   4  dockerd started but did not answer within the timeout (see the log)
#   5  dockerd exited right after start (see the log)
#   6  engine runs but this user may not use the docker socket
set -euo pipefail

log() { printf '[docker-engine] %s\n' "$*" >&2; }

DATA_DIR="${KALPANA_DATA_DIR:-$HOME/.kalpana}"
LOG_FILE="${KALPANA_DOCKERD_LOG:-$DATA_DIR/dockerd.log}"
TIMEOUT="${KALPANA_DOCKERD_TIMEOUT:-60}"
read -r -a EXTRA_FLAGS <<<"${KALPANA_DOCKERD_FLAGS:-}"

engine_ok() { command -v docker >/dev/null 2>&1 && timeout 20 docker info >/dev/null 2>&1; }

if engine_ok; then
  log "Docker engine already answers (server $(docker info --format '{{.ServerVersion}}' 2>/dev/null))."
  exit 0
fi

# --- privilege helper -------------------------------------------------------
SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
  else
    NEED_ROOT=1
  fi
fi

need_root_exit() {
  cat >&2 <<EOF
[docker-engine] ERROR: $1
[docker-engine] Run as root (or a user with passwordless sudo), or do it by hand:
    sudo apt-get update && sudo apt-get install -y docker.io   # Debian/Ubuntu
    sudo dockerd >'$LOG_FILE' 2>&1 &                            # or: sudo systemctl start docker
    sudo usermod -aG docker "\$USER"                            # then log in again
[docker-engine] On other systems install Docker Engine from your distribution and start it.
EOF
  exit 2
}

# --- install dockerd if missing --------------------------------------------
DOCKERD="$(command -v dockerd 2>/dev/null || true)"
[ -z "$DOCKERD" ] && [ -x /usr/sbin/dockerd ] && DOCKERD=/usr/sbin/dockerd
if [ -z "$DOCKERD" ] || ! command -v docker >/dev/null 2>&1; then
  if ! grep -qiE '^(ID|ID_LIKE)=.*(debian|ubuntu)' /etc/os-release 2>/dev/null; then
    need_root_exit "dockerd/docker not installed and this is not Debian/Ubuntu (no automatic install)."
  fi
  [ "${NEED_ROOT:-0}" = 1 ] && need_root_exit "dockerd/docker not installed and installing needs root (not root, no passwordless sudo)."
  # Wait for a concurrent apt/dpkg run (e.g. provisioning) instead of failing on the lock.
  log "Installing Debian's docker.io with apt-get ..."
  export DEBIAN_FRONTEND=noninteractive
  APT_LOCK=(-o DPkg::Lock::Timeout=600)
  if ! { "${SUDO[@]}" apt-get "${APT_LOCK[@]}" update -q &&
         "${SUDO[@]}" apt-get "${APT_LOCK[@]}" install -y -q --no-install-recommends docker.io iptables; } >&2; then
    log "ERROR: apt-get install docker.io failed."
    exit 3
  fi
  DOCKERD="$(command -v dockerd 2>/dev/null || echo /usr/sbin/dockerd)"
fi

# --- engine installed but maybe managed by systemd -------------------------
if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1 && [ "${NEED_ROOT:-0}" != 1 ]; then
  if "${SUDO[@]}" systemctl start docker >/dev/null 2>&1; then
    log "Started docker via systemd."
  fi
fi

if ! engine_ok; then
  if [ "${NEED_ROOT:-0}" = 1 ] && pgrep -x dockerd >/dev/null 2>&1; then
    log "ERROR: dockerd runs, but $(id -un) cannot use its socket: ask an admin for 'usermod -aG docker $(id -un)' (then log in again), or use root."
    exit 6
  fi
  [ "${NEED_ROOT:-0}" = 1 ] && need_root_exit "dockerd is installed but not running and starting it needs root."
  if pgrep -x dockerd >/dev/null 2>&1; then
    log "dockerd process exists but does not answer yet; waiting for it."
  else
    mkdir -p "$(dirname "$LOG_FILE")"
    log "Starting $DOCKERD ${EXTRA_FLAGS[*]:-} (log: $LOG_FILE)"
    # Own session so it survives this script / the calling shell.
    "${SUDO[@]}" setsid "$DOCKERD" "${EXTRA_FLAGS[@]}" >>"$LOG_FILE" 2>&1 </dev/null &
    DPID=$!
    sleep 1
    if ! kill -0 "$DPID" 2>/dev/null && ! pgrep -x dockerd >/dev/null 2>&1; then
      log "ERROR: dockerd exited immediately. Last lines of $LOG_FILE:"
      tail -n 20 "$LOG_FILE" >&2 || true
      exit 5
    fi
  fi
fi

start=$SECONDS
engine_ok_priv() { timeout 20 "${SUDO[@]}" docker info >/dev/null 2>&1; }
until engine_ok_priv; do
  if [ $((SECONDS - start)) -ge "$TIMEOUT" ]; then
    log "ERROR: Docker engine did not answer 'docker info' within ${TIMEOUT}s. Last lines of $LOG_FILE:"
    tail -n 20 "$LOG_FILE" >&2 2>/dev/null || true
    exit 4
  fi
  if ! pgrep -x dockerd >/dev/null 2>&1; then
    log "ERROR: dockerd is not running any more. Last lines of $LOG_FILE:"
    tail -n 20 "$LOG_FILE" >&2 2>/dev/null || true
    exit 5
  fi
  sleep 1
done
if ! engine_ok; then
  log "ERROR: the engine runs, but $(id -un) cannot use /var/run/docker.sock: sudo usermod -aG docker $(id -un) (then log in again)."
  exit 6
fi
log "Docker engine answers (server $(docker info --format '{{.ServerVersion}}' 2>/dev/null)) after $((SECONDS - start))s."
