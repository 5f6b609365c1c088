#!/usr/bin/env bash
# Builds the offline test image `tsdtop-test/busybox:latest` from the host's
# static busybox (Debian package busybox-static), without any registry access.
#
# Usable two ways:
#   source test/engine/image.sh; tsdtop_build_image unix:///tmp/tsdtop-engine/docker.sock [force]
#   bash test/engine/image.sh [--force]        (uses $DOCKER_HOST or the private engine socket)
#
# The root filesystem is: bin/busybox + one symlink per applet in bin/,
# etc/passwd (root, shell /bin/sh), etc/group, tmp/ (1777), root/.

TSDTOP_TEST_IMAGE="${TSDTOP_TEST_IMAGE:-tsdtop-test/busybox:latest}"

tsdtop_find_static_busybox() {
  local cand
  for cand in "${TSDTOP_BUSYBOX:-}" /bin/busybox /usr/bin/busybox "$(command -v busybox 2>/dev/null || true)"; do
    [[ -n "$cand" && -x "$cand" ]] || continue
    if tsdtop_is_static "$cand"; then
      printf '%s\n' "$cand"
      return 0
    fi
  done
  return 1
}

# True when the ELF file has no dynamic loader (i.e. is statically linked).
tsdtop_is_static() {
  local bin="$1"
  if command -v file >/dev/null 2>&1; then
    file -L "$bin" | grep -q 'statically linked' && return 0
    # static-pie binaries are reported differently by some `file` versions
    file -L "$bin" | grep -q 'static-pie linked' && return 0
    return 1
  fi
  # No `file`: ldd prints "not a dynamic executable" (glibc) for static binaries.
  LC_ALL=C ldd "$bin" 2>&1 | grep -qE 'not a dynamic executable|statically linked'
}

# tsdtop_image_root BUSYBOX DIR: fills DIR with the test image's root filesystem (also used by
# podman.sh, so both engines run the same image).
tsdtop_image_root() {
  local busybox="$1" root="$2"
  mkdir -p "$root/bin" "$root/etc" "$root/tmp" "$root/root"
  chmod 1777 "$root/tmp"
  chmod 0700 "$root/root"
  cp "$busybox" "$root/bin/busybox"
  chmod 0755 "$root/bin/busybox"

  local applet
  while IFS= read -r applet; do
    applet="${applet##*/}"             # --list-full style paths -> basename
    [[ -z "$applet" || "$applet" == busybox ]] && continue
    ln -sf busybox "$root/bin/$applet"
  done < <("$busybox" --list)
  if [[ ! -e "$root/bin/sh" ]]; then
    echo "tsdtop engine: $busybox --list has no 'sh' applet; cannot build test image" >&2
    return 1
  fi

  cat >"$root/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/bin/sh
nobody:x:65534:65534:nobody:/nonexistent:/bin/false
EOF
  cat >"$root/etc/group" <<'EOF'
root:x:0:
nogroup:x:65534:
EOF
  chmod 0644 "$root/etc/passwd" "$root/etc/group"
}

# tsdtop_build_image HOST [force]
#   HOST: a docker -H value, e.g. unix:///tmp/tsdtop-engine/docker.sock
#   force: non-empty => rebuild even if the image already exists
tsdtop_build_image() (
  # Runs in a subshell so the EXIT trap cleans the temp dir without leaking.
  set -euo pipefail
  local host="$1" force="${2:-}"
  local docker=(docker -H "$host")

  if [[ -z "$force" ]] && "${docker[@]}" image inspect "$TSDTOP_TEST_IMAGE" >/dev/null 2>&1; then
    echo "tsdtop engine: image $TSDTOP_TEST_IMAGE already present"
    return 0
  fi

  local busybox
  if ! busybox="$(tsdtop_find_static_busybox)"; then
    echo "tsdtop engine: static busybox not found: run \`apt-get install -y busybox-static\` as root" >&2
    return 1
  fi

  local root
  root="$(mktemp -d "${TMPDIR:-/tmp}/tsdtop-image.XXXXXX")"
  # shellcheck disable=SC2064
  trap "rm -rf '$root'" EXIT

  tsdtop_image_root "$busybox" "$root" || return 1

  local old_id
  old_id="$("${docker[@]}" image inspect --format '{{.Id}}' "$TSDTOP_TEST_IMAGE" 2>/dev/null || true)"

  echo "tsdtop engine: building $TSDTOP_TEST_IMAGE from $busybox"
  tar -C "$root" --numeric-owner --owner=0 --group=0 -cf - . |
    "${docker[@]}" import \
      --change 'CMD ["sh"]' \
      --change 'ENV PATH=/bin' \
      - "$TSDTOP_TEST_IMAGE" >/dev/null
  # Drop the previous build (now untagged) unless a container still uses it.
  if [[ -n "$old_id" ]]; then
    "${docker[@]}" image rm "$old_id" >/dev/null 2>&1 || true
  fi
  echo "tsdtop engine: image $TSDTOP_TEST_IMAGE built"
)

# Standalone use.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  force=""
  [[ "${1:-}" == "--force" ]] && force=1
  host="${DOCKER_HOST:-unix://${TSDTOP_ENGINE_DIR:-/tmp/tsdtop-engine}/docker.sock}"
  tsdtop_build_image "$host" "$force"
fi
