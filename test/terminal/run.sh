#!/usr/bin/env bash
# The REPL end to end in a real terminal: tmux (from Debian, installed here when missing), driving the built
# `eql repl` the way a user types. Run by .ci/run after `npm test`.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v tmux >/dev/null 2>&1; then
  echo "test/terminal: installing tmux" >&2
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq tmux >/dev/null; else sudo apt-get update -qq && sudo apt-get install -y -qq tmux >/dev/null; fi
fi
node scripts/build.mjs --quiet
npx vitest run --config test/terminal/vitest.config.ts
