#!/usr/bin/env bash
# Real VS Code test: installs Debian's Chromium and code-server (into a cache folder outside the checkout), builds the
# extension's .vsix, then runs test/clients/vscode.client.ts. Run after `npm ci`. Any missing piece fails the run.
# EQLKIT_SCREENSHOT=docs/vscode-extension.png also saves the screenshot shown in the README.
set -euo pipefail
cd "$(dirname "$0")/../.."

fail() { echo "test/clients/vscode.sh: $*" >&2; exit 1; }

source test/clients/debian-packages.sh
debian_install test/clients/vscode.sh chromium
EQLKIT_CHROMIUM=$(command -v chromium) || fail "chromium is still missing"
EQLKIT_CODE_SERVER=$(timeout 1800 test/clients/install-code-server.sh) || fail "installing code-server failed"
export EQLKIT_CHROMIUM EQLKIT_CODE_SERVER

(cd extension && timeout 600 npm run package) || fail "building the .vsix failed"

timeout 1200 npx vitest run --config test/clients/vitest.config.ts test/clients/vscode.client.ts
