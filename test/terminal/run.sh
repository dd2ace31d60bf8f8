#!/usr/bin/env bash
# The REPL end to end in a real terminal: tmux (from Debian, installed here when missing), driving the built
# `eql repl` the way a user types. Run by .ci/run after `npm test`.
set -euo pipefail
cd "$(dirname "$0")/../.."
source test/clients/debian-packages.sh
debian_install test/terminal tmux
node scripts/build.mjs --quiet
npx vitest run --config test/terminal/vitest.config.ts
