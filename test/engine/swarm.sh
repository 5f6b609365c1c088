#!/usr/bin/env bash
# tsdtop private three-node swarm for tests.
#
# Three private Engines started by test/engine/engine.sh (each its own socket, data root, exec root,
# pidfile and containerd, in $TSDTOP_ENGINE_DIR-swarm0..2), each in a UTS namespace with its own
# hostname (tsdtop-manager, tsdtop-worker1, tsdtop-worker2). Node 0 runs `docker swarm init`, nodes
# 1 and 2 join it as workers by token; every node listens on its own 127.0.0.1 port.
#
# Usage: bash test/engine/swarm.sh <start|stop|status|env|restart-manager>
#   start            start the three Engines and form the swarm (idempotent); prints the
#                    manager's socket URL on stdout, progress on stderr
#   stop             leave the swarm, stop the three daemons and their containerd, unmount what
#                    they left mounted (idempotent)
#   status           exit 0 and print the manager's socket URL if the swarm is up with 3 nodes Ready
#   env              print the export lines for the manager's and the workers' sockets
#   restart-manager  stop and start the manager's dockerd (its swarm state stays)
#
# What works offline on one host, and why (Engine 20.10, measured on this machine):
# - The Engines keep --bridge=none --iptables=false --ip-masq=false: no docker0 to share, no rules
#   in the host's tables. Tasks without networks run (their containers get no network).
# - Overlay networks and ingress-published ports do NOT work: libnetwork names a VXLAN device after
#   the network's VNI and creates it in the host's network namespace, which the three Engines share,
#   so a second node fails its task with "error creating vxlan interface: file exists". Tests create
#   services without networks, and publish ports in host mode (`mode: host`), which the service
#   spec records (what tsdtop lists) and which needs no overlay. There is no IPVS in this kernel
#   either, so VIP load balancing would not work anyway.
# - The data path port and the address pool are set to free/unusual values anyway, so this swarm's
#   sockets and subnets never meet another swarm's on this machine.
# Requires root, and what engine.sh requires, plus unshare (util-linux).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BASE="${TSDTOP_ENGINE_DIR:-/tmp/tsdtop-engine}"
BASE="${BASE%/}-swarm"
NAMES=(tsdtop-manager tsdtop-worker1 tsdtop-worker2)
PORTS_FILE="${BASE}0/swarm.ports"
READY_TIMEOUT=60
export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"

say() { echo "tsdtop swarm: $*" >&2; }
die() { say "$*"; exit 1; }

dir_of() { echo "${BASE}$1"; }
host_of() { echo "unix://$(dir_of "$1")/docker.sock"; }
dk() { local n="$1"; shift; docker -H "$(host_of "$n")" "$@"; }
node_engine() { # node command
  # 8>&-: the daemons it starts must not hold this script's lock.
  TSDTOP_ENGINE_DIR="$(dir_of "$1")" TSDTOP_ENGINE_HOSTNAME="${NAMES[$1]}" bash "$HERE/engine.sh" "$2" 8>&-
}

take_lock() {
  mkdir -p "$(dir_of 0)"
  exec 8>"${BASE}.lock"
  flock -w 300 8 || die "timed out waiting for ${BASE}.lock"
}

# Ports in use on this machine (TCP or UDP listeners).
used_ports() { ss -Htlnu | awk '{print $5}' | sed 's/.*://' | sort -u; }

# Picks (once, then keeps in $PORTS_FILE) three free TCP ports for the nodes and a UDP data path port.
pick_ports() {
  if [[ -r "$PORTS_FILE" ]]; then
    return 0
  fi
  local used picked=() port=24770
  used="$(used_ports)"
  while (( ${#picked[@]} < 4 )); do
    grep -qx "$port" <<<"$used" || picked+=("$port")
    port=$((port + 1))
  done
  echo "${picked[*]}" >"$PORTS_FILE"
}

port_of() { # node (0..2) or 3 for the data path port
  local ports
  read -r -a ports <"$PORTS_FILE"
  echo "${ports[$1]}"
}

state_of() { dk "$1" info --format '{{.Swarm.LocalNodeState}}' 2>/dev/null || echo unknown; }

ensure_manager() {
  [[ "$(state_of 0)" == active ]] && return 0
  local addr="127.0.0.1:$(port_of 0)"
  say "initialising the swarm on $addr"
  dk 0 swarm init --listen-addr "$addr" --advertise-addr "$addr" \
    --data-path-port "$(port_of 3)" --default-addr-pool 10.213.0.0/16 >/dev/null
}

ensure_worker() { # node
  local n="$1" id
  if [[ "$(state_of "$n")" == active ]]; then
    id="$(dk "$n" info --format '{{.Swarm.NodeID}}')"
    # A worker of an earlier swarm (its manager's state was wiped) joins again.
    dk 0 node inspect "$id" >/dev/null 2>&1 && return 0
    dk "$n" swarm leave --force >/dev/null 2>&1 || true
  fi
  local addr="127.0.0.1:$(port_of "$n")"
  say "joining ${NAMES[$n]} as a worker on $addr"
  dk "$n" swarm join --token "$(dk 0 swarm join-token -q worker)" \
    --listen-addr "$addr" --advertise-addr "$addr" "127.0.0.1:$(port_of 0)" >/dev/null
}

ready_nodes() { dk 0 node ls --format '{{.Status}} {{.Availability}}' 2>/dev/null | grep -c '^Ready' || true; }

swarm_up() {
  local n
  for n in 0 1 2; do
    node_engine "$n" status >/dev/null 2>&1 || return 1
  done
  [[ "$(state_of 0)" == active && "$(ready_nodes)" == 3 ]]
}

cmd_start() {
  [[ "$(id -u)" -eq 0 ]] || die "must run as root"
  command -v unshare >/dev/null 2>&1 || die "unshare not found: apt-get install -y util-linux"
  take_lock
  local t0=$SECONDS n pids=()
  pick_ports
  for n in 0 1 2; do
    node_engine "$n" start >/dev/null &
    pids+=($!)
  done
  for n in 0 1 2; do
    wait "${pids[$n]}" || die "the Engine of ${NAMES[$n]} did not start"
  done
  ensure_manager
  ensure_worker 1
  ensure_worker 2
  local deadline=$((SECONDS + READY_TIMEOUT))
  until [[ "$(ready_nodes)" == 3 ]]; do
    (( SECONDS < deadline )) || die "the three nodes were not Ready within ${READY_TIMEOUT}s: $(dk 0 node ls 2>&1)"
    sleep 0.2
  done
  say "swarm up after $((SECONDS - t0))s: manager $(host_of 0)"
  host_of 0
}

# Unmounts what a stopped Engine left under its folder (the network namespaces of swarm sandboxes).
unmount_left() { # dir
  local mount
  awk -v dir="$1/" 'index($5, dir) == 1 {print $5}' /proc/self/mountinfo | sort -r | while read -r mount; do
    umount "$mount" 2>/dev/null || umount -l "$mount" 2>/dev/null || say "warning: could not unmount $mount"
  done
}

cmd_stop() {
  [[ "$(id -u)" -eq 0 ]] || die "must run as root"
  [[ -d "$(dir_of 0)" ]] || { say "not running ($(dir_of 0) does not exist)"; return 0; }
  take_lock
  local n
  # All at once: a worker's leave takes 5 s whatever the order (it waits on the dispatcher).
  for n in 0 1 2; do
    if node_engine "$n" status >/dev/null 2>&1; then
      dk "$n" swarm leave --force >/dev/null 2>&1 &
    fi
  done
  wait
  for n in 0 1 2; do
    node_engine "$n" stop 2>/dev/null &
  done
  wait
  for n in 0 1 2; do
    unmount_left "$(dir_of "$n")"
  done
  rm -f "$PORTS_FILE"
  say "stopped"
}

cmd_status() {
  if swarm_up; then
    host_of 0
    return 0
  fi
  say "not running"
  return 1
}

cmd_env() {
  echo "export TSDTOP_SWARM_MANAGER=$(host_of 0)"
  echo "export TSDTOP_SWARM_WORKER1=$(host_of 1)"
  echo "export TSDTOP_SWARM_WORKER2=$(host_of 2)"
}

cmd_restart_manager() {
  [[ "$(id -u)" -eq 0 ]] || die "must run as root"
  take_lock
  node_engine 0 stop
  unmount_left "$(dir_of 0)"
  node_engine 0 start >/dev/null
  say "manager restarted"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  env) cmd_env ;;
  restart-manager) cmd_restart_manager ;;
  *)
    echo "usage: bash $0 <start|stop|status|env|restart-manager>" >&2
    exit 2
    ;;
esac
