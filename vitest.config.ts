import { configDefaults, defineConfig } from "vitest/config";
import SlowFirstSequencer from "./tools/tooling/slow-first-sequencer.js";
import SummaryReporter from "./tools/tooling/summary-reporter.js";

/** Files that mock modules (vi.mock): they need a module registry of their own. */
const NEEDS_ISOLATION = ["test/client/response-validation.test.ts"];
/** The packed tarball's tests: their project packs and installs it once per run, when one is selected. */
const PACKAGE = "test/package/**/*.test.ts";

export default defineConfig({
  test: {
    // Two workers on the two cores here; tests inject clocks and sleeps instead of waiting.
    maxWorkers: 2,
    // As `npm run generate`: no syntax detection for .js files whose package declares no type.
    // TypeScript's one 9 MB file is such a file, and openapi-typescript and are-the-types-wrong
    // import it as ESM; Node would compile it once more only to find it is CommonJS.
    execArgv: ["--no-experimental-detect-module"],
    // Nets, not measurements: no outcome depends on time (clocks and sleeps are injected), but a
    // set-up that bundles or lints the contract can take more than the 10 s default on a machine
    // shared with other jobs.
    hookTimeout: 60_000,
    testTimeout: 30_000,
    // The long files start first, so both workers are busy until the end.
    sequence: { sequencer: SlowFirstSequencer },
    // The summary reporter comes last: its `N passed, N failed` is the final line CI reads.
    reporters: ["default", new SummaryReporter()],
    projects: [
      {
        extends: true,
        test: {
          name: "tests",
          exclude: [...configDefaults.exclude, ...NEEDS_ISOLATION, PACKAGE],
          // Files share each worker's loaded modules (Redocly, Spectral, Ajv, the loaded ruleset):
          // no test mutates globals or mocks a module; see docs/decisions/0009-test-speed.md.
          isolate: false,
          // Runs the compile-time tests (*.test-d.ts: expectTypeOf and @ts-expect-error) with tsc over
          // their own program (the client and generated/, not the tools): a type regression in what
          // users import fails `npm test`; the whole project is `npm run typecheck`.
          typecheck: {
            enabled: true,
            include: ["test/**/*.test-d.ts"],
            tsconfig: "tsconfig.type-tests.json",
          },
        },
      },
      {
        extends: true,
        test: { name: "isolated", include: NEEDS_ISOLATION, isolate: true },
      },
      {
        extends: true,
        test: { name: "package", include: [PACKAGE], globalSetup: ["test/package/global-setup.ts"], isolate: false },
      },
    ],
  },
});
