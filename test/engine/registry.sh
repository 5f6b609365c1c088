#!/usr/bin/env bash
# tsdtop test registries: Debian's `docker-registry` (distribution 2.8) on loopback, each instance
# with its own config and storage folder under $TSDTOP_ENGINE_DIR/registry-NAME, so the private
# Engine can push and pull without reaching the internet.
#
# The Engine treats 127.0.0.0/8 registries as insecure (plain HTTP) by default: no daemon setting
# is needed.
#
# Usage: bash test/engine/registry.sh <start|stop|status> [plain|auth]
#   start   start the instance (idempotent); prints its address (127.0.0.1:PORT) on stdout
#           plain: no login; auth: htpasswd login, user tsdtop, password tsdtop-secret
#   stop    stop the named instance, or every instance of $TSDTOP_ENGINE_DIR without a name
#   status  exit 0 and print the address if it runs, else exit 1
#
# Requires: apt-get install -y docker-registry apache2-utils (htpasswd), and node (a free port).
set -euo pipefail

# shellcheck source=test/engine/alive.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/alive.sh"

BASE="${TSDTOP_ENGINE_DIR:-/tmp/tsdtop-engine}"
BASE="${BASE%/}"
USER_NAME=tsdtop
USER_PASSWORD=tsdtop-secret
START_TIMEOUT=30

say() { echo "tsdtop registry: $*" >&2; }
die() { say "$*"; exit 1; }


# The pid in DIR/registry.pid when it is a live docker-registry serving DIR's config.
our_pid() {
	local dir="$1" pid
	[[ -r "$dir/registry.pid" ]] || return 1
	pid="$(tr -dc '0-9' <"$dir/registry.pid")"
	alive "$pid" || return 1
	tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | grep -qxF "$dir/config.yml" || return 1
	echo "$pid"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
	node -e 'const s = require("node:net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

write_config() { # dir port kind
	local dir="$1" port="$2" kind="$3"
	{
		echo 'version: 0.1'
		echo 'log: {level: warn}'
		echo 'storage:'
		echo "  filesystem: {rootdirectory: $dir/storage}"
		echo '  delete: {enabled: true}'
		echo "http: {addr: 127.0.0.1:$port, secret: tsdtop-test-secret}"
		if [[ "$kind" == auth ]]; then
			echo 'auth:'
			echo "  htpasswd: {realm: tsdtop-test, path: $dir/htpasswd}"
		fi
	} >"$dir/config.yml"
}

cmd_start() {
	local kind="$1" dir="$BASE/registry-$1" pid port
	command -v docker-registry >/dev/null 2>&1 || die 'docker-registry not found: run `apt-get install -y docker-registry` as root'
	mkdir -p "$dir/storage"
	exec 9>"$dir/lock"
	flock -w 60 9 || die "timed out waiting for $dir/lock"
	if our_pid "$dir" >/dev/null && port_open "$(cat "$dir/port")"; then
		echo "127.0.0.1:$(cat "$dir/port")"
		return 0
	fi

	if [[ "$kind" == auth ]]; then
		command -v htpasswd >/dev/null 2>&1 || die 'htpasswd not found: run `apt-get install -y apache2-utils` as root'
		# The registry reads only bcrypt entries.
		htpasswd -Bbn "$USER_NAME" "$USER_PASSWORD" >"$dir/htpasswd" 2>/dev/null
	fi

	# A free port can be taken by someone else before the registry binds it: try a few.
	local attempt
	for attempt in 1 2 3; do
		port="$(free_port)"
		write_config "$dir" "$port" "$kind"
		echo "$port" >"$dir/port"
		setsid docker-registry serve "$dir/config.yml" </dev/null >"$dir/registry.log" 2>&1 9>&- &
		pid=$!
		disown "$pid" 2>/dev/null || true
		echo "$pid" >"$dir/registry.pid"
		local deadline=$((SECONDS + START_TIMEOUT))
		until port_open "$port"; do
			alive "$pid" || break
			(( SECONDS < deadline )) || die "docker-registry did not listen on 127.0.0.1:$port within ${START_TIMEOUT}s (log: $dir/registry.log)"
			sleep 0.1
		done
		if alive "$pid"; then
			say "$kind registry at 127.0.0.1:$port (pid $pid, storage $dir/storage)"
			echo "127.0.0.1:$port"
			return 0
		fi

		say "attempt $attempt: docker-registry exited: $(tail -n 3 "$dir/registry.log" | tr '\n' ' ')"
	done

	die "docker-registry did not start (log: $dir/registry.log)"
}

stop_one() {
	local dir="$1" pid
	if pid="$(our_pid "$dir")"; then
		kill -TERM "$pid" 2>/dev/null || true
		local deadline=$((SECONDS + 10))
		while alive "$pid" && (( SECONDS < deadline )); do sleep 0.1; done
		alive "$pid" && kill -KILL "$pid" 2>/dev/null || true
		say "stopped ${dir##*/} (pid $pid)"
	fi

	rm -f "$dir/registry.pid"
}

cmd_stop() {
	if [[ -n "${1:-}" ]]; then
		stop_one "$BASE/registry-$1"
		return 0
	fi

	local dir
	for dir in "$BASE"/registry-*/; do
		[[ -d "$dir" ]] && stop_one "${dir%/}"
	done
	return 0
}

cmd_status() {
	local dir="$BASE/registry-$1"
	if our_pid "$dir" >/dev/null && port_open "$(cat "$dir/port")"; then
		echo "127.0.0.1:$(cat "$dir/port")"
		return 0
	fi

	return 1
}

kind="${2:-}"
case "$kind" in "" | plain | auth) ;; *) die "unknown instance $kind (plain or auth)" ;; esac
case "${1:-}" in
	start) cmd_start "${kind:-plain}" ;;
	stop) cmd_stop "$kind" ;;
	status) cmd_status "${kind:-plain}" ;;
	*)
		echo "usage: bash $0 <start|stop|status> [plain|auth]" >&2
		exit 2
		;;
esac
