// The REPL in a real terminal (tmux): its own run (`npm run test:terminal`, run by .ci/run), not part of `npm test`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/terminal/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
