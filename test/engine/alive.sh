# shellcheck shell=bash
# Sourced by the test daemons' scripts (engine.sh, podman.sh, registry.sh).

# True if the pid exists and is not a zombie (a dead child that init has not
# reaped yet still has a /proc entry; some container inits reap lazily).
alive() {
  [[ -n "$1" && -d "/proc/$1" ]] || return 1
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
  stat="${stat##*) }"   # drop "pid (comm) " (comm may contain spaces)
  [[ "${stat%% *}" != Z ]]
}
