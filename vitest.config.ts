import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/src/**/*.test.tsx', 'test/**/*.test.ts', 'extension/test/**/*.test.ts'],
    // The REPL in a real terminal runs on its own (npm run test:terminal).
    exclude: [...configDefaults.exclude, 'test/terminal/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
