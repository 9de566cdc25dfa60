// The consumer type-checks under the ESM resolutions (test/package/type-check.ts).
import path from "node:path";
import { expect, inject, it } from "vitest";
import { checkConsumer } from "./type-check.js";

const { consumer } = inject("packed");

it.each(["node16 (ESM)", "bundler"] as const)("an installed consumer type-checks under moduleResolution %s", { timeout: 120_000 }, async (resolution) => {
  const { problems, declarations } = await checkConsumer(consumer, resolution);
  expect(problems).toEqual([]);
  // Checked against the installed declarations, not this repository's sources.
  expect(declarations.length).toBeGreaterThan(0);
  expect(declarations.every((f) => f.startsWith(path.join(consumer, "node_modules/zoom-webinar-contract/dist/")))).toBe(true);
});
