#!/usr/bin/env bash
# Installs code-server (VS Code in the browser) for the real-VS Code test, into a cache folder outside the checkout,
# and prints the path of its `code-server` command. Idempotent: an install that finished before is reused.
#
# code-server 4.100.x is the last line that runs on Node 20. Its install script builds VS Code's native modules
# (kerberos needs Debian's libkrb5-dev) and @vscode/ripgrep downloads rg from GitHub, which this network cannot
# reach: we seed that package's download cache with Debian's rg instead.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
cache_root="${EQLKIT_CLIENT_CACHE:-${HOME}/.cache/eqlkit}"
prefix="$cache_root/code-server-$CODE_SERVER_VERSION"
bin="$prefix/node_modules/.bin/code-server"
done_marker="$prefix/.installed"

fail() { echo "install-code-server: $*" >&2; exit 1; }

if [[ -f "$done_marker" && -x "$bin" ]]; then
  echo "$bin"
  exit 0
fi

node_major=$(node -p 'process.versions.node.split(".")[0]')
[[ "$node_major" == 20 ]] || fail "code-server $CODE_SERVER_VERSION needs Node.js 20 (found $(node --version))"

source "$(dirname "$0")/debian-packages.sh"
debian_install install-code-server ripgrep libkrb5-dev
rg_path=$(command -v rg) || fail "ripgrep (rg) is still missing"

# Install scripts write into HOME and XDG folders; keep them out of the real ones.
work=$(mktemp -d "${TMPDIR:-/tmp}/eqlkit-code-server-install.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/home" "$work/config" "$work/data" "$work/cache" "$work/tmp"
# …but keep the npm settings that live there: the download cache, and Node's own headers for node-gyp (this network
# cannot download them from nodejs.org).
export npm_config_cache="${npm_config_cache:-$(npm config get cache)}"
nodedir="${npm_config_nodedir:-$(npm config get nodedir)}"
if [[ -z "$nodedir" || "$nodedir" == undefined || "$nodedir" == null ]]; then
  node_prefix=$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")
  [[ -f "$node_prefix/include/node/node.h" ]] || fail "Node.js headers not found under $node_prefix/include/node (needed to build native modules offline)"
  nodedir="$node_prefix"
fi
export npm_config_nodedir="$nodedir"
export HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache" TMPDIR="$work/tmp"
export npm_config_unsafe_perm=true npm_config_yes=true npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

# Seed @vscode/ripgrep's download cache ($TMPDIR/vscode-ripgrep-cache-<version>/ripgrep-<rg version>-<target>.tar.gz,
# see its lib/download.js) with Debian's rg, for the exact versions code-server's VS Code pins.
npm pack --silent --pack-destination "$work" "code-server@$CODE_SERVER_VERSION" >/dev/null || fail "npm pack code-server failed"
tar -xzf "$work/code-server-$CODE_SERVER_VERSION.tgz" -C "$work" package/lib/vscode/npm-shrinkwrap.json
rg_pkg_version=$(node -p 'require(process.argv[1]).packages["node_modules/@vscode/ripgrep"].version' "$work/package/lib/vscode/npm-shrinkwrap.json")
npm pack --silent --pack-destination "$work" "@vscode/ripgrep@$rg_pkg_version" >/dev/null || fail "npm pack @vscode/ripgrep failed"
tar -xzf "$work/vscode-ripgrep-$rg_pkg_version.tgz" -C "$work" package/lib/postinstall.js
rg_asset_version=$(sed -n "s/^const VERSION = '\(.*\)';/\1/p" "$work/package/lib/postinstall.js")
[[ -n "$rg_asset_version" ]] || fail "could not read the ripgrep version from @vscode/ripgrep@$rg_pkg_version"
case "$(uname -m)" in
  x86_64) rg_target=x86_64-unknown-linux-musl ;;
  aarch64) rg_target=aarch64-unknown-linux-musl ;;
  *) fail "unsupported machine $(uname -m)" ;;
esac
seed="$TMPDIR/vscode-ripgrep-cache-$rg_pkg_version"
mkdir -p "$seed" "$work/rg"
cp "$rg_path" "$work/rg/rg"
tar -czf "$seed/ripgrep-$rg_asset_version-$rg_target.tar.gz" -C "$work/rg" rg

rm -rf "$prefix"
mkdir -p "$prefix"
echo '{"name":"eqlkit-code-server","private":true}' > "$prefix/package.json"
echo "install-code-server: npm install code-server@$CODE_SERVER_VERSION into $prefix (several minutes)" >&2
npm install --prefix "$prefix" --no-save --no-package-lock "code-server@$CODE_SERVER_VERSION" >&2 || fail "npm install code-server@$CODE_SERVER_VERSION failed (see above)"
[[ -x "$bin" ]] || fail "code-server was installed but $bin is missing"
[[ -x "$prefix/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ]] || fail "code-server's ripgrep is missing"
"$bin" --version >&2 || fail "the installed code-server does not start"
touch "$done_marker"
echo "$bin"
