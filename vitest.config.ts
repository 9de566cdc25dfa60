import { defineConfig } from "vitest/config";
import SlowFirstSequencer from "./tools/tooling/slow-first-sequencer.js";
import SummaryReporter from "./tools/tooling/summary-reporter.js";

export default defineConfig({
  test: {
    // Two workers on the two cores here; tests inject clocks and sleeps instead of waiting.
    maxWorkers: 2,
    // The long files start first, so both workers are busy until the end.
    sequence: { sequencer: SlowFirstSequencer },
    // The summary reporter comes last: its `N passed, N failed` is the final line CI reads.
    reporters: ["default", new SummaryReporter()],
    // Runs the compile-time tests (*.test-d.ts: expectTypeOf and @ts-expect-error) with tsc,
    // beside the runtime tests, so a type regression fails `npm test` as well as `npm run typecheck`.
    typecheck: {
      enabled: true,
      include: ["test/**/*.test-d.ts"],
      tsconfig: "tsconfig.json",
    },
  },
});
