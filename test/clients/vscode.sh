#!/usr/bin/env bash
# Real VS Code test: installs Debian's Chromium and code-server (into a cache folder outside the checkout), builds the
# extension's .vsix, then runs test/clients/vscode.client.ts. Run after `npm ci`. Any missing piece fails the run.
# EQLKIT_SCREENSHOT=docs/vscode-extension.png also saves the screenshot shown in the README.
set -euo pipefail
cd "$(dirname "$0")/../.."

fail() { echo "test/clients/vscode.sh: $*" >&2; exit 1; }

if ! command -v chromium >/dev/null; then
  [[ $(id -u) == 0 ]] || fail "chromium is missing (apt-get install chromium, as root)"
  apt-get update || fail "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive apt-get install -y chromium || fail "apt-get install chromium failed"
fi
EQLKIT_CHROMIUM=$(command -v chromium) || fail "chromium is still missing"
EQLKIT_CODE_SERVER=$(timeout 1800 test/clients/install-code-server.sh) || fail "installing code-server failed"
export EQLKIT_CHROMIUM EQLKIT_CODE_SERVER

(cd extension && timeout 600 npm run package) || fail "building the .vsix failed"

timeout 1200 npx vitest run --config test/clients/vitest.config.ts test/clients/vscode.client.ts
