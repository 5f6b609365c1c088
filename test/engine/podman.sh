#!/usr/bin/env bash
# tsdtop private Podman service for tests: Podman's Docker-compatible API on a socket of its own.
#
# Everything lives under $TSDTOP_PODMAN_DIR (default $TSDTOP_ENGINE_DIR/podman, i.e.
# /tmp/tsdtop-engine/podman): its own containers.conf, storage.conf and registries.conf (passed with
# CONTAINERS_CONF & co, so no file under /etc is read or changed), storage root and run root, event
# log and socket. No network: containers get --network none by default.
#
# Usage: bash test/engine/podman.sh <start|stop|status|env|image|clean>
#   start   start `podman system service` (idempotent), import the test image if missing;
#           prints the socket URL (unix://...) on stdout, progress on stderr
#   stop    remove the tsdtop.test containers, stop every container of this store and the service
#   status  exit 0 and print the socket URL if the service answers, else exit 1
#   env     print the exports that point the podman CLI at this store
#   image   (re)import tsdtop-test/busybox:latest
#   clean   remove all containers that carry the label `tsdtop.test` (any value)
#
# The socket is $DIR/xdg/podman/podman.sock: the place Podman's own socket has under
# $XDG_RUNTIME_DIR, so a test can point XDG_RUNTIME_DIR at $DIR/xdg to exercise tsdtop's fallback.
#
# Requires root, plus: apt-get install -y podman busybox-static
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=test/engine/image.sh
source "$HERE/image.sh"
# shellcheck source=test/engine/alive.sh
source "$HERE/alive.sh"

ENGINE_DIR="${TSDTOP_ENGINE_DIR:-/tmp/tsdtop-engine}"
DIR="${TSDTOP_PODMAN_DIR:-${ENGINE_DIR%/}/podman}"
DIR="${DIR%/}"
SOCK="$DIR/xdg/podman/podman.sock"
HOST="unix://$SOCK"
PIDFILE="$DIR/service.pid"
LOG="$DIR/service.log"
START_TIMEOUT="${TSDTOP_ENGINE_START_TIMEOUT:-60}"
STOP_TIMEOUT=20
IMAGE="localhost/${TSDTOP_TEST_IMAGE}"
# shellcheck disable=SC2016 # literal backticks in the message
INSTALL_HINT='run `apt-get install -y podman busybox-static` as root'

export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"
export CONTAINERS_CONF="$DIR/containers.conf"
export CONTAINERS_STORAGE_CONF="$DIR/storage.conf"
export CONTAINERS_REGISTRIES_CONF="$DIR/registries.conf"

say() { echo "tsdtop podman: $*" >&2; }
die() { say "$*"; exit 1; }

pm() { podman --root "$DIR/root" --runroot "$DIR/runroot" "$@"; }

preflight() {
  [[ "$(id -u)" -eq 0 ]] || die "must run as root: run \`sudo bash $0 ${1:-start}\`"
  command -v podman >/dev/null 2>&1 || die "podman not found: $INSTALL_HINT"
  tsdtop_find_static_busybox >/dev/null || die "static busybox not found: $INSTALL_HINT"
  command -v curl >/dev/null 2>&1 || die "curl not found: run \`apt-get install -y curl\` as root"
  command -v flock >/dev/null 2>&1 || die "flock not found: run \`apt-get install -y util-linux\` as root"
  [[ "$DIR" == /* ]] || die "TSDTOP_PODMAN_DIR must be an absolute path (got '$DIR')"
  (( ${#SOCK} <= 100 )) || die "TSDTOP_PODMAN_DIR is too long for a unix socket path ($SOCK)"
}

take_lock() {
  mkdir -p "$DIR"
  exec 9>"$DIR/podman.lock"
  flock -w 180 9 || die "timed out waiting for $DIR/podman.lock"
}

# What this sandbox-friendly store needs, learnt on Debian 12 (Podman 4.3, cgroup v1, no systemd):
# - cgroupfs, since there is no systemd to ask for cgroups;
# - the file events backend, since there is no journald;
# - ulimits below the host's hard limits: by default Podman asks runc for nofile=1048576 and
#   nproc=<host max>, and without CAP_SYS_RESOURCE runc fails with "error setting rlimit type 7";
# - no network namespace set-up (no bridge, no netavark run), as the Docker engine's --bridge=none.
write_config() {
  mkdir -p "$DIR/root" "$DIR/runroot" "$DIR/tmp" "$DIR/net" "$DIR/xdg/podman"
  chmod 0700 "$DIR/xdg"
  cat >"$CONTAINERS_CONF" <<EOF
[containers]
netns = "none"
log_driver = "k8s-file"
default_ulimits = ["nofile=4096:4096", "nproc=4096:4096"]

[engine]
cgroup_manager = "cgroupfs"
events_logger = "file"
events_logfile_path = "$DIR/events.log"
tmp_dir = "$DIR/tmp"
volume_path = "$DIR/root/volumes"
runtime = "runc"

[network]
network_config_dir = "$DIR/net"
EOF
  cat >"$CONTAINERS_STORAGE_CONF" <<EOF
[storage]
driver = "overlay"
runroot = "$DIR/runroot"
graphroot = "$DIR/root"
EOF
  # No registry is reachable: only local names.
  printf 'unqualified-search-registries = []\nshort-name-mode = "permissive"\n' >"$CONTAINERS_REGISTRIES_CONF"
}


# The pid from the pidfile if it is a live `podman system service` for our socket.
our_pid() {
  [[ -r "$PIDFILE" ]] || return 1
  local pid
  pid="$(tr -dc '0-9' <"$PIDFILE")"
  alive "$pid" || return 1
  tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | grep -qxF "$HOST" || return 1
  echo "$pid"
}

api_ok() { [[ -S "$SOCK" ]] && [[ "$(curl -s --max-time 2 --unix-socket "$SOCK" http://d/_ping 2>/dev/null)" == OK ]]; }

wait_gone() {
  local pid="$1" deadline=$((SECONDS + $2))
  while alive "$pid" && (( SECONDS < deadline )); do sleep 0.1; done
  ! alive "$pid"
}

build_image() (
  local force="${1:-}"
  if [[ -z "$force" ]] && pm image exists "$IMAGE"; then
    say "image $IMAGE already present"
    return 0
  fi
  # The same root filesystem as the Docker engine's test image (image.sh), imported into Podman.
  local busybox root
  busybox="$(tsdtop_find_static_busybox)" || die "static busybox not found: $INSTALL_HINT"
  root="$(mktemp -d "${TMPDIR:-/tmp}/tsdtop-podman-image.XXXXXX")"
  # shellcheck disable=SC2064
  trap "rm -rf '$root'" EXIT
  tsdtop_image_root "$busybox" "$root"
  tar -C "$root" --numeric-owner --owner=0 --group=0 -cf - . |
    pm import --quiet --change 'CMD ["sh"]' --change 'ENV PATH=/bin' - "$IMAGE" >/dev/null
  say "image $IMAGE imported"
)

cmd_start() {
  preflight start
  take_lock
  write_config
  if our_pid >/dev/null && api_ok; then
    say "already running at $HOST (pid $(our_pid)); nothing to do"
    build_image
    echo "$HOST"
    return 0
  fi

  local t0=$SECONDS pid
  if ! pid="$(our_pid)"; then
    rm -f "$PIDFILE" "$SOCK"
    echo "=== tsdtop podman start $(date -u +%FT%TZ) ===" >"$LOG"
    # setsid: its own session, so the service outlives the caller; --time=0: never exits when idle.
    setsid podman --root "$DIR/root" --runroot "$DIR/runroot" system service --time=0 "$HOST" \
      </dev/null >>"$LOG" 2>&1 9>&- &
    pid=$!
    echo "$pid" >"$PIDFILE"
    disown "$pid" 2>/dev/null || true
    say "starting podman system service (pid $pid), socket $HOST, log $LOG"
  fi

  local deadline=$((SECONDS + START_TIMEOUT))
  until api_ok; do
    if ! alive "$pid"; then
      say "podman system service exited during startup; last lines of $LOG:"
      tail -n 20 "$LOG" >&2 || true
      exit 1
    fi
    (( SECONDS < deadline )) || die "podman did not answer /_ping on $HOST within ${START_TIMEOUT}s (log: $LOG)"
    sleep 0.2
  done
  say "podman is up at $HOST after $((SECONDS - t0))s"
  build_image
  echo "$HOST"
}

cmd_stop() {
  [[ "$(id -u)" -eq 0 ]] || die "must run as root"
  if [[ ! -d "$DIR" ]]; then
    say "not running ($DIR does not exist)"
    return 0
  fi
  command -v podman >/dev/null 2>&1 || die "podman not found: $INSTALL_HINT"
  take_lock
  [[ -f "$CONTAINERS_CONF" ]] || write_config
  # Containers run under conmon, not the service: stop them too, or they outlive it.
  pm ps -aq --filter label=tsdtop.test | xargs -r podman --root "$DIR/root" --runroot "$DIR/runroot" rm -f -t 0 >/dev/null 2>&1 || true
  pm stop --all -t 2 >/dev/null 2>&1 || true
  local pid
  if pid="$(our_pid)"; then
    say "stopping podman system service pid $pid"
    kill -TERM "$pid" 2>/dev/null || true
    if ! wait_gone "$pid" "$STOP_TIMEOUT"; then
      kill -KILL "$pid" 2>/dev/null || true
      wait_gone "$pid" 5 || say "warning: pid $pid still present after SIGKILL"
    fi
  else
    say "service not running"
  fi
  rm -f "$PIDFILE" "$SOCK"
  say "stopped"
}

cmd_status() {
  if our_pid >/dev/null && api_ok; then
    echo "$HOST"
    return 0
  fi
  say "not running ($HOST)"
  return 1
}

cmd_env() {
  echo "export CONTAINERS_CONF=$CONTAINERS_CONF CONTAINERS_STORAGE_CONF=$CONTAINERS_STORAGE_CONF CONTAINERS_REGISTRIES_CONF=$CONTAINERS_REGISTRIES_CONF"
  echo "alias podman='podman --root $DIR/root --runroot $DIR/runroot'"
  echo "# the Docker API: DOCKER_HOST=$HOST"
}

cmd_image() {
  preflight image
  take_lock
  write_config
  build_image force
}

cmd_clean() {
  preflight clean
  take_lock
  local ids
  ids="$(pm ps -aq --filter label=tsdtop.test)"
  [[ -n "$ids" ]] || { say "no tsdtop.test containers"; return 0; }
  xargs -r podman --root "$DIR/root" --runroot "$DIR/runroot" rm -f -t 0 <<<"$ids" >/dev/null
  say "removed $(wc -l <<<"$ids") tsdtop.test container(s)"
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
