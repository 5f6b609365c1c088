#!/usr/bin/env bash
# tsdtop private Docker engine for tests.
#
# Runs a dockerd that is completely separate from any system Docker: its own
# socket, data-root, exec-root and pidfile under $TSDTOP_ENGINE_DIR
# (default /tmp/tsdtop-engine), no bridge network, no iptables changes.
#
# Usage: bash test/engine/engine.sh <start|stop|status|env|image|clean>
#   start   start the private dockerd (idempotent), build the test image if missing;
#           prints the socket URL (unix://...) on stdout, progress on stderr
#   stop    stop the daemon named by $DIR/docker.pid (and its containerd); idempotent
#   status  exit 0 and print the socket URL if running, else exit 1
#   env     print `export DOCKER_HOST=unix://$DIR/docker.sock`
#   image   (re)build tsdtop-test/busybox:latest
#   clean   remove all containers that carry the label `tsdtop.test` (any value)
#
# TSDTOP_ENGINE_HOSTNAME (optional): run dockerd in a UTS namespace of its own with this hostname,
# so that several Engines on this machine are told apart as swarm nodes (test/engine/swarm.sh).
#
# Requires root, plus: apt-get install -y docker.io busybox-static tmux
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=test/engine/image.sh
source "$HERE/image.sh"
# shellcheck source=test/engine/alive.sh
source "$HERE/alive.sh"

DIR="${TSDTOP_ENGINE_DIR:-/tmp/tsdtop-engine}"
DIR="${DIR%/}"
SOCK="$DIR/docker.sock"
HOST="unix://$SOCK"
PIDFILE="$DIR/docker.pid"
LOG="$DIR/dockerd.log"
# Own (empty) daemon config: never read the host's /etc/docker/daemon.json, and
# keep the libtrust key in $DIR instead of creating /etc/docker/key.json.
CONFIG="$DIR/daemon.json"
DATA="$DIR/data"
EXEC="$DIR/exec"
# dockerd starts its own containerd with this pid file / socket under exec-root.
CTRD_PIDFILE="$EXEC/containerd/containerd.pid"
CTRD_SOCK="$EXEC/containerd/containerd.sock"
START_TIMEOUT="${TSDTOP_ENGINE_START_TIMEOUT:-60}"
STOP_TIMEOUT=20
# shellcheck disable=SC2016 # literal backticks in the message
INSTALL_HINT='run `apt-get install -y docker.io busybox-static tmux` as root'

# dockerd/containerd/runc live in /usr/sbin; npm and CI shells may not have it in PATH.
export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"

say() { echo "tsdtop engine: $*" >&2; }
die() { say "$*"; exit 1; }

dk() { docker -H "$HOST" "$@"; }

require_root() {
  [[ "$(id -u)" -eq 0 ]] || die "must run as root: run \`sudo bash $0 ${1:-start}\`"
}

preflight() {
  require_root start
  command -v dockerd >/dev/null 2>&1 || die "dockerd not found: $INSTALL_HINT"
  command -v containerd >/dev/null 2>&1 || die "containerd not found: $INSTALL_HINT"
  command -v runc >/dev/null 2>&1 || die "runc not found: $INSTALL_HINT"
  command -v docker >/dev/null 2>&1 || die "docker CLI not found: $INSTALL_HINT"
  tsdtop_find_static_busybox >/dev/null || die "static busybox not found: $INSTALL_HINT"
  command -v flock >/dev/null 2>&1 || die "flock not found: run \`apt-get install -y util-linux\` as root"
  [[ "$DIR" == /* ]] || die "TSDTOP_ENGINE_DIR must be an absolute path (got '$DIR')"
  # Unix socket paths are limited to 107 bytes (sun_path is 108 incl. NUL).
  # The longest socket dockerd/containerd create under $DIR is
  # $DIR/exec/containerd/containerd.sock.ttrpc (+38 bytes); keep a margin.
  local longest="$CTRD_SOCK.ttrpc"
  if (( ${#longest} > 100 )); then
    die "TSDTOP_ENGINE_DIR is too long (${#DIR} chars; socket path '$longest' would exceed the unix socket limit): use a short path such as /tmp/tsdtop-engine"
  fi
}

# Serialise start/stop/image between concurrent callers (e.g. parallel test workers).
take_lock() {
  mkdir -p "$DIR"
  chmod 0711 "$DIR"
  exec 9>"$DIR/engine.lock"
  flock -w 180 9 || die "timed out waiting for $DIR/engine.lock"
}


# Prints the pid from the pidfile if it is a live dockerd started for $DIR.
our_dockerd_pid() {
  [[ -r "$PIDFILE" ]] || return 1
  local pid
  pid="$(tr -dc '0-9' <"$PIDFILE")"
  alive "$pid" || return 1
  [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == dockerd ]] || return 1
  # Make sure it is OUR dockerd (its --pidfile argument is our pidfile).
  tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | grep -qxF "$PIDFILE" || return 1
  echo "$pid"
}

# Prints the pid of the containerd that our dockerd spawned, if alive.
our_containerd_pid() {
  [[ -r "$CTRD_PIDFILE" ]] || return 1
  local pid
  pid="$(tr -dc '0-9' <"$CTRD_PIDFILE")"
  alive "$pid" || return 1
  [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == containerd ]] || return 1
  tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$EXEC/containerd/" || return 1
  echo "$pid"
}

api_ok() { dk version >/dev/null 2>&1; }

is_running() { our_dockerd_pid >/dev/null && api_ok; }

wait_gone() { # pid timeout_seconds (a zombie counts as gone)
  local pid="$1" deadline=$((SECONDS + $2))
  while alive "$pid" && (( SECONDS < deadline )); do
    sleep 0.1
  done
  ! alive "$pid"
}

log_tail() {
  say "last 30 lines of $LOG:"
  tail -n 30 "$LOG" >&2 2>/dev/null || true
}

cmd_start() {
  preflight
  take_lock

  if is_running; then
    say "already running at $HOST (pid $(our_dockerd_pid)); nothing to do"
    tsdtop_build_image "$HOST" >&2
    echo "$HOST"
    return 0
  fi

  local t0=$SECONDS pid
  if pid="$(our_dockerd_pid)"; then
    # Our dockerd is alive but not answering yet (e.g. still booting): wait for it.
    say "dockerd pid $pid is alive but not answering yet; waiting"
  else
    # Stale pidfile (dockerd refuses to start if the pid is reused by another process).
    rm -f "$PIDFILE"
    # Stale containerd pidfile: dockerd reuses a containerd whose pid is still
    # "running" (kill -0 succeeds on a zombie, and on a recycled pid) and then
    # times out connecting to it. A live orphaned containerd of ours is kept:
    # dockerd reattaches to it.
    if [[ -e "$CTRD_PIDFILE" ]] && ! our_containerd_pid >/dev/null; then
      rm -f "$CTRD_PIDFILE"
    fi
    mkdir -p "$DATA" "$EXEC"
    printf '{\n  "deprecated-key-path": "%s"\n}\n' "$DIR/key.json" >"$CONFIG"
    {
      echo "=== tsdtop engine start $(date -u +%FT%TZ) ==="
    } >"$LOG"
    # setsid: own session, so the daemon survives the caller (npm/vitest/CI step).
    # stdin </dev/null, output to the log, and the lock fd 9 closed so the daemon
    # does not hold the lock or any pipe of the caller.
    local wrap=()
    if [[ -n "${TSDTOP_ENGINE_HOSTNAME:-}" ]]; then
      # unshare and sh exec in turn, so $! stays the dockerd's pid.
      wrap=(unshare --uts -- sh -c 'hostname "$0" && exec "$@"' "$TSDTOP_ENGINE_HOSTNAME")
    fi
    setsid "${wrap[@]}" dockerd \
      --config-file "$CONFIG" \
      --host "$HOST" \
      --data-root "$DATA" \
      --exec-root "$EXEC" \
      --pidfile "$PIDFILE" \
      --bridge=none \
      --iptables=false \
      --ip-masq=false \
      </dev/null >>"$LOG" 2>&1 9>&- &
    pid=$!
    disown "$pid" 2>/dev/null || true
    say "starting dockerd (pid $pid), socket $HOST, log $LOG"
  fi

  local deadline=$((SECONDS + START_TIMEOUT))
  until api_ok; do
    if ! alive "$pid"; then
      say "dockerd exited during startup"
      log_tail
      exit 1
    fi
    if (( SECONDS >= deadline )); then
      say "dockerd did not answer on $HOST within ${START_TIMEOUT}s"
      log_tail
      exit 1
    fi
    sleep 0.2
  done
  say "dockerd is up at $HOST after $((SECONDS - t0))s"

  tsdtop_build_image "$HOST" >&2
  echo "$HOST"
}

cmd_stop() {
  require_root stop
  if [[ ! -d "$DIR" ]]; then
    say "not running ($DIR does not exist)"
    return 0
  fi
  take_lock

  local pid ctrd=""
  ctrd="$(our_containerd_pid || true)"
  if pid="$(our_dockerd_pid)"; then
    say "stopping dockerd pid $pid"
    kill -TERM "$pid" 2>/dev/null || true
    if ! wait_gone "$pid" "$STOP_TIMEOUT"; then
      say "dockerd pid $pid did not exit within ${STOP_TIMEOUT}s; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      wait_gone "$pid" 5 || say "warning: dockerd pid $pid still present after SIGKILL"
    fi
  else
    say "dockerd not running (no live dockerd in $PIDFILE)"
  fi

  # dockerd normally stops its containerd on shutdown; make sure it is gone.
  [[ -n "$ctrd" ]] || ctrd="$(our_containerd_pid || true)"
  if [[ -n "$ctrd" ]] && alive "$ctrd"; then
    if ! wait_gone "$ctrd" 3; then
      say "stopping leftover containerd pid $ctrd"
      kill -TERM "$ctrd" 2>/dev/null || true
      if ! wait_gone "$ctrd" 10; then
        kill -KILL "$ctrd" 2>/dev/null || true
        wait_gone "$ctrd" 5 || say "warning: containerd pid $ctrd still present after SIGKILL"
      fi
    fi
  fi

  # Shims of our containerd (only ones whose -address is our socket). After a
  # graceful stop there are none; after a SIGKILL they keep containers alive and
  # the next `start` reattaches to them, so just report.
  local shims
  shims="$(pgrep -f -- "-address $CTRD_SOCK" 2>/dev/null | tr '\n' ' ' || true)"
  [[ -z "$shims" ]] || say "note: containerd shims still running for $DIR: $shims(the next start reattaches to them)"

  rm -f "$PIDFILE"
  say "stopped"
}

cmd_status() {
  if is_running; then
    echo "$HOST"
    return 0
  fi
  say "not running ($HOST)"
  return 1
}

cmd_env() {
  echo "export DOCKER_HOST=$HOST"
}

cmd_image() {
  require_root image
  is_running || die "engine is not running: run \`bash $0 start\` first"
  take_lock
  tsdtop_build_image "$HOST" force
}

cmd_clean() {
  require_root clean
  if ! is_running; then
    say "engine is not running; nothing to clean"
    return 0
  fi
  local ids
  ids="$(dk ps -aq --filter label=tsdtop.test)"
  if [[ -z "$ids" ]]; then
    say "no tsdtop.test containers"
    return 0
  fi
  local n
  n="$(wc -l <<<"$ids")"
  # xargs batches the ids; -f kills running ones, -v drops anonymous volumes.
  xargs -r -n 25 -P 4 docker -H "$HOST" rm -f -v <<<"$ids" >/dev/null
  say "removed $n tsdtop.test container(s)"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  env) cmd_env ;;
  image) cmd_image ;;
  clean) cmd_clean ;;
  *)
    echo "usage: bash $0 <start|stop|status|env|image|clean>" >&2
    exit 2
    ;;
esac
