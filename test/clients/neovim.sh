#!/usr/bin/env bash
# Neovim client test: installs Debian's Neovim when missing, then runs test/clients/neovim.client.ts against
# `eql lsp --stdio`. Run after `npm ci`. A missing tool fails the run.
set -euo pipefail
cd "$(dirname "$0")/../.."

fail() { echo "test/clients/neovim.sh: $*" >&2; exit 1; }

source test/clients/debian-packages.sh
debian_install test/clients/neovim.sh neovim
EQLKIT_NVIM=$(command -v nvim) || fail "nvim is still missing"
export EQLKIT_NVIM
nvim --version | head -1

timeout 600 npx vitest run --config test/clients/vitest.config.ts test/clients/neovim.client.ts
