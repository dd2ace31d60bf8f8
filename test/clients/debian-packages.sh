# Sourced by the real-client scripts: installs Debian packages that are missing (as root, with apt-get), or fails.
# Progress goes to stderr, so that a script's stdout stays its answer.

# debian_install NAME PACKAGE...: install those of the PACKAGEs dpkg does not know as installed; NAME prefixes messages.
debian_install() {
  local name=$1 missing=() p
  shift
  for p in "$@"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  ((${#missing[@]})) || return 0
  if [[ $(id -u) != 0 ]]; then
    echo "$name: missing Debian packages: ${missing[*]} (install them as root)" >&2
    exit 1
  fi
  echo "$name: apt-get install ${missing[*]}" >&2
  apt-get update >&2 || { echo "$name: apt-get update failed" >&2; exit 1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" >&2 || { echo "$name: apt-get install ${missing[*]} failed" >&2; exit 1; }
}
