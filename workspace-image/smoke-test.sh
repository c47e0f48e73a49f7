#!/usr/bin/env bash
# Smoke test of the Kalpana workspace image, run the way Kalpana runs workspaces:
#   --user 1000:1000 --cap-drop ALL --security-opt no-new-privileges --pids-limit 512 --memory 1g,
#   a named volume on /workspace, ports published on 127.0.0.1 (random free host ports).
#
#   workspace-image/smoke-test.sh [--image kalpana-workspace:<version>] [--runs 5]
#
# Checks: /healthz answers (bounded), the login page answers and the password (KALPANA_IDE_PASSWORD)
# logs in (workbench page loads), code-server's native modules load and a pty terminal runs, the bridge port accepts TCP (inside and via the published port), node/npm/code-server/
# java/git/nix/rg on PATH of coder's login shell, no capabilities, secrets not in code-server's
# children's environment, /workspace survives container removal. Measures docker run -> /healthz
# (median of --runs) and the idle container's memory (docker stats --no-stream).
# Removes every container and volume it created, also on failure. Exit 0 = all passed.
set -uo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
HEALTH_TIMEOUT="${KALPANA_SMOKE_HEALTH_TIMEOUT:-120}"
RUNS=5
IMAGE=""
while [ $# -gt 0 ]; do
  case "$1" in
    --image) IMAGE="${2:?}"; shift 2 ;;
    --runs) RUNS="${2:?}"; shift 2 ;;
    -h|--help) awk 'NR > 1 && /^#/ {sub(/^# ?/, ""); print; next} NR > 1 {exit}' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
if [ -z "$IMAGE" ]; then
  v="$(awk '/<parent>/{p=1} /<\/parent>/{p=0; next} !p && match($0, /<version>[^<]*<\/version>/) {print substr($0, RSTART+9, RLENGTH-19); exit}' "$REPO_ROOT/pom.xml")"
  IMAGE="kalpana-workspace:${v:?cannot read version from pom.xml; pass --image}"
fi

log()  { printf '[smoke] %s\n' "$*" >&2; }
pass() { printf '[smoke] PASS %s\n' "$*" >&2; }
FAILS=()
fail() { printf '[smoke] FAIL %s\n' "$*" >&2; FAILS+=("$*"); }
fatal() { fail "$*"; exit 1; }
now_ms() { date +%s%3N; }

"$SCRIPT_DIR/docker-engine.sh" || { echo "[smoke] FAIL no Docker engine" >&2; exit 1; }
docker image inspect "$IMAGE" >/dev/null 2>&1 || { echo "[smoke] FAIL image $IMAGE not found (run build.sh first)" >&2; exit 1; }

ID="kalpana-smoke-$$-$RANDOM"
VOLUME="$ID-ws"
CONTAINERS=()
PASSWORD_VALUE="smoke-$RANDOM-$RANDOM-pw"
TOKEN_VALUE="smoke-token-$RANDOM$RANDOM"

cleanup() {
  local rc=$?
  local c
  for c in "${CONTAINERS[@]}"; do docker rm -f "$c" >/dev/null 2>&1; done
  docker volume rm -f "$VOLUME" >/dev/null 2>&1
  if [ ${#FAILS[@]} -gt 0 ]; then
    log "${#FAILS[@]} check(s) FAILED:"; for c in "${FAILS[@]}"; do log "  - $c"; done
    [ $rc -eq 0 ] && rc=1
  fi
  log "cleaned up containers and volume $VOLUME"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

docker volume create "$VOLUME" >/dev/null || fatal "cannot create volume $VOLUME"

# run_ws NAME -> starts a workspace container like Kalpana does
run_ws() {
  local name="$1"
  CONTAINERS+=("$name")
  docker run -d --name "$name" \
    --user 1000:1000 --cap-drop ALL --security-opt no-new-privileges \
    --pids-limit 512 --memory 1g \
    -e KALPANA_IDE_PASSWORD="$PASSWORD_VALUE" -e KALPANA_BRIDGE_TOKEN="$TOKEN_VALUE" \
    -v "$VOLUME:/workspace" \
    -p 127.0.0.1::8080 -p 127.0.0.1::3001 \
    "$IMAGE" >/dev/null
}
host_port() { docker port "$1" "$2/tcp" | head -1 | sed 's/.*://'; }
# wait_healthz NAME -> sets IDE_PORT; returns 1 on timeout / container exit
wait_healthz() {
  local name="$1" deadline=$((SECONDS + HEALTH_TIMEOUT))
  IDE_PORT="$(host_port "$name" 8080)"
  [ -n "$IDE_PORT" ] || return 1
  while [ $SECONDS -lt $deadline ]; do
    if curl -fsS -m 2 -o /dev/null "http://127.0.0.1:$IDE_PORT/healthz" 2>/dev/null; then return 0; fi
    if [ "$(docker inspect -f '{{.State.Running}}' "$name" 2>/dev/null)" != true ]; then
      log "container $name is not running any more; its log:"; docker logs --tail 30 "$name" >&2 2>&1
      return 1
    fi
    sleep 0.05
  done
  log "timeout; container log:"; docker logs --tail 30 "$name" >&2 2>&1
  return 1
}

TIMES=()
timed_start() { # timed_start NAME -> appends ms to TIMES
  local t0 t1
  t0=$(now_ms)
  run_ws "$1" || return 1
  wait_healthz "$1" || return 1
  t1=$(now_ms)
  TIMES+=($((t1 - t0)))
  log "$1: docker run -> /healthz answered in $((t1 - t0)) ms"
}

# ------------------------------------------------------------------ container 1: functional checks
C1="$ID-1"
timed_start "$C1" || fatal "/healthz of $C1 did not answer within ${HEALTH_TIMEOUT}s"
pass "/healthz answers on 127.0.0.1:$IDE_PORT ($(curl -fsS "http://127.0.0.1:$IDE_PORT/healthz"))"
BRIDGE_PORT="$(host_port "$C1" 3001)"

# login page and password login
code=$(curl -s -o /tmp/$ID.login -w '%{http_code}' "http://127.0.0.1:$IDE_PORT/login")
if [ "$code" = 200 ] && grep -qi 'type="password"' /tmp/$ID.login; then pass "login page answers (200, password form)"; else fail "login page: HTTP $code"; fi
rm -f /tmp/$ID.login
code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$IDE_PORT/")
case "$code" in 302|303) pass "/ without session redirects to login ($code)" ;; *) fail "/ without session: HTTP $code (expected a redirect)" ;; esac
hdr=$(curl -s -D - -o /dev/null --data-urlencode "password=$PASSWORD_VALUE" "http://127.0.0.1:$IDE_PORT/login")
if printf '%s' "$hdr" | grep -qi '^set-cookie: code-server-session='; then pass "KALPANA_IDE_PASSWORD logs in"; else fail "login with KALPANA_IDE_PASSWORD failed"; fi
cookie=$(printf '%s' "$hdr" | grep -i '^set-cookie: code-server-session=' | head -1 | sed 's/^[^:]*: *//; s/;.*//' | tr -d '\r')
code=$(curl -s -o /tmp/$ID.wb -w '%{http_code}' -H "Cookie: $cookie" "http://127.0.0.1:$IDE_PORT/?folder=/workspace")
if [ "$code" = 200 ] && grep -q 'workbench' /tmp/$ID.wb; then pass "logged in: the VS Code workbench page loads"; else fail "workbench page after login: HTTP $code"; fi
rm -f /tmp/$ID.wb
hdr=$(curl -s -D - -o /dev/null --data-urlencode "password=wrong-$RANDOM" "http://127.0.0.1:$IDE_PORT/login")
if printf '%s' "$hdr" | grep -qi '^set-cookie: code-server-session='; then fail "a wrong password logs in"; else pass "a wrong password is refused"; fi

# bridge port: inside the container (authoritative: docker-proxy accepts on the host side anyway)
if docker exec "$C1" bash -c 'for i in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/3001) 2>/dev/null && exit 0; sleep 0.1; done; exit 1'; then
  pass "bridge listens on :3001 inside the container"
else fail "bridge does not accept TCP on :3001 inside the container"; fi
# and via the published port: connect, send a request, expect any byte back
if timeout 5 bash -c "exec 3<>/dev/tcp/127.0.0.1/$BRIDGE_PORT; printf 'GET / HTTP/1.0\r\n\r\n' >&3; head -c1 <&3 | grep -q ." 2>/dev/null; then
  pass "bridge answers on published port 127.0.0.1:$BRIDGE_PORT"
else fail "bridge does not answer on published port 127.0.0.1:$BRIDGE_PORT"; fi

# tools on PATH in coder's login shell
out=$(docker exec -u coder "$C1" bash -lc 'set -e; id -un; id -u; for t in node npm code-server java git nix rg curl; do printf "%s=%s\n" $t "$(command -v $t)"; done
  node --version; code-server --version | head -1; java -version 2>&1 | head -1; git --version; nix --version' 2>&1)
rc=$?
printf '%s\n' "$out" | sed 's/^/[smoke]   /' >&2
if [ $rc -eq 0 ] && printf '%s' "$out" | grep -q '^coder$' && ! printf '%s' "$out" | grep -q '=$'; then
  pass "node/npm/code-server/java/git/nix/rg on PATH in coder's login shell"
else fail "tools missing on PATH in a login shell (rc $rc)"; fi

# code-server's native modules load, and a terminal (node-pty) works, with no capabilities
out=$(docker exec -u coder "$C1" node -e '
const base = "/opt/code-server/lib/node_modules/code-server/lib/vscode/node_modules/";
for (const m of ["node-pty", "@vscode/spdlog", "kerberos", "@parcel/watcher", "@vscode/native-watchdog"]) {
  try { require(base + m); } catch (e) { console.log("LOAD FAIL", m, e.message); process.exitCode = 1; }
}
const p = require(base + "node-pty").spawn("/bin/bash", ["-lc", "echo PTY_OK"], {cols: 80, rows: 24, cwd: "/workspace", env: process.env});
let out = ""; p.onData(d => out += d); p.onExit(() => console.log(out.trim()));' 2>&1)
if printf '%s' "$out" | grep -q PTY_OK && ! printf '%s' "$out" | grep -q 'LOAD FAIL'; then
  pass "native modules load and a pty terminal runs (node-pty)"
else fail "native modules / pty: $out"; fi

# capabilities and secrets
capeff=$(docker exec "$C1" awk '/^CapEff/ {print $2}' /proc/1/status)
[ "$capeff" = 0000000000000000 ] && pass "runs with no capabilities (CapEff=$capeff)" || fail "unexpected capabilities CapEff=$capeff"
leaks=$(docker exec -e SMOKE_PW="$PASSWORD_VALUE" -e SMOKE_TOK="$TOKEN_VALUE" "$C1" bash -c '
  # code-server (started with PASSWORD) and every process below it (its server child, terminals, ...)
  top=$(pgrep -o -f "^node /opt/code-server/bin/code-server")
  [ -n "$top" ] || { echo "code-server process not found"; exit 0; }
  all=$(ps -e -o pid=,ppid= | awk -v top="$top" "{par[\$1]=\$2} END {for (p in par) {q=p; n=0; while (q != \"\" && q != 0 && n++ < 100) {if (q == top) {print p; break}; q=par[q]}}}")
  for p in $all; do
    env=$(tr "\0" "\n" < /proc/$p/environ 2>/dev/null) || continue
    args=$(tr "\0" " " < /proc/$p/cmdline | cut -c1-80)
    printf "%s" "$env" | grep -qF -e "$SMOKE_TOK" && echo "pid $p has the bridge token: $args"
    printf "%s" "$env" | grep -q "^KALPANA_IDE_PASSWORD=" && echo "pid $p has KALPANA_IDE_PASSWORD: $args"
    [ "$p" != "$top" ] && printf "%s" "$env" | grep -qF -e "$SMOKE_PW" && echo "pid $p (child of code-server) has the password: $args"
  done; true')
[ -z "$leaks" ] && pass "no bridge token / IDE password in the environment of code-server's children" || fail "secret leak: $leaks"

# persistence: write in /workspace, remove the container, new container on the same volume
MARK="persist-$RANDOM-$(date +%s)"
docker exec "$C1" bash -c "echo '$MARK' > /workspace/smoke-persist.txt && mkdir -p /workspace/proj && echo hi > /workspace/proj/a.txt" ||
  fail "cannot write to /workspace as coder"

# idle memory (no browser attached), after letting it settle
sleep "${KALPANA_SMOKE_IDLE_SECONDS:-15}"
MEM=$(docker stats --no-stream --format '{{.MemUsage}}' "$C1")
log "idle memory of $C1: $MEM"
docker exec "$C1" ps -o pid,rss,args -u coder 2>/dev/null | cut -c1-120 | sed 's/^/[smoke]   /' >&2

docker rm -f "$C1" >/dev/null
C2="$ID-2"
timed_start "$C2" || fatal "/healthz of $C2 (second container, same volume) did not answer"
got=$(docker exec "$C2" cat /workspace/smoke-persist.txt 2>/dev/null)
owner=$(docker exec "$C2" stat -c %u:%g /workspace/proj/a.txt 2>/dev/null)
if [ "$got" = "$MARK" ] && [ "$owner" = 1000:1000 ]; then pass "/workspace survives container removal (owner $owner)"; else fail "/workspace content lost (got '$got', owner '$owner')"; fi

# stop semantics: docker stop -> clean exit
t0=$(now_ms); docker stop -t 10 "$C2" >/dev/null; t1=$(now_ms)
ec=$(docker inspect -f '{{.State.ExitCode}}' "$C2")
[ "$ec" = 0 ] && pass "docker stop: exit code 0 after $((t1 - t0)) ms" || fail "docker stop: exit code $ec"
docker rm -f "$C2" >/dev/null

# either process dying ends the container
C3="$ID-3"
timed_start "$C3" || fatal "/healthz of $C3 did not answer"
docker exec "$C3" pkill -f kalpana-bridge.jar
for _ in $(seq 1 100); do [ "$(docker inspect -f '{{.State.Running}}' "$C3")" = false ] && break; sleep 0.1; done
if [ "$(docker inspect -f '{{.State.Running}}' "$C3")" = false ]; then
  pass "container exits when the bridge dies (exit code $(docker inspect -f '{{.State.ExitCode}}' "$C3"))"
else fail "container still running after the bridge died"; fi
docker rm -f "$C3" >/dev/null

# remaining timing runs
i=${#TIMES[@]}
while [ ${#TIMES[@]} -lt "$RUNS" ]; do
  i=$((i + 1)); C="$ID-$i"
  timed_start "$C" || fatal "/healthz of $C did not answer"
  docker rm -f "$C" >/dev/null
done
MEDIAN=$(printf '%s\n' "${TIMES[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}')
log "docker run -> /healthz (ms): ${TIMES[*]}  median ${MEDIAN} ms"
log "idle memory: $MEM"

if [ ${#FAILS[@]} -eq 0 ]; then
  log "ALL CHECKS PASSED ($IMAGE)"
  exit 0
fi
exit 1
