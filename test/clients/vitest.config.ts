// The real-client tests (code-server + Chromium, Neovim): slow, and each needs tools its script installs first,
// so they are not part of `npm test`. Run one with test/clients/<name>.sh.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/clients/**/*.client.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 300_000,
    reporters: ['verbose'],
  },
});
