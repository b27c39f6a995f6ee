import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

/**
 * Two projects. unit: everything in process, test files sharing their workers (no per-file isolation), so a
 * new test file lands here by default. e2e (test/e2e/): the built CLI and package as real processes, for
 * what only a real process shows: exit codes, signals, stdout apart from stderr, the bin and its files.
 */
export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: a single worker on the 2-core machines we test on.
    maxWorkers: Math.max(availableParallelism() - 1, 2),
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: ["test/e2e/**", "test/fixtures/**", "node_modules/**", "dist/**"],
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          globalSetup: ["test/helpers/e2e-setup.ts"],
        },
      },
    ],
  },
});
