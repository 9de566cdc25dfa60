import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Runs the compile-time tests (*.test-d.ts: expectTypeOf and @ts-expect-error) with tsc,
    // beside the runtime tests, so a type regression fails `npm test` as well as `npm run typecheck`.
    typecheck: {
      enabled: true,
      include: ["test/**/*.test-d.ts"],
      tsconfig: "tsconfig.json",
    },
  },
});
