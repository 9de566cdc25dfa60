import { cp, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lintContract } from "../../tools/pipeline/lint-contract.js";
import { formatProblem, isFailing } from "../../tools/pipeline/problems.js";
import { repoRoot } from "../support/spec.js";

const copies: string[] = [];
afterAll(async () => {
  await Promise.all(copies.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A copy of the contract and its lint configuration, edited by `edit`, in a temp folder. */
async function editedCopy(file: string, edit: (text: string) => string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "contract-lint-"));
  copies.push(dir);
  for (const entry of ["openapi", ".spectral.yaml", ".spectral", "redocly.yaml"]) {
    await cp(path.join(repoRoot, entry), path.join(dir, entry), { recursive: true });
  }
  // Spectral resolves the OWASP ruleset from the ruleset's own folder, as Node does.
  await symlink(path.join(repoRoot, "node_modules"), path.join(dir, "node_modules"), "dir");
  await keepOnlyPaths(path.join(dir, "openapi", "openapi.yaml"), LINTED_PATHS);
  const target = path.join(dir, file);
  const before = await readFile(target, "utf8");
  const after = edit(before);
  expect(after, "the edit must change the file").not.toBe(before);
  await writeFile(target, after);
  return dir;
}

/**
 * The paths whose files reach every component the edits below touch. Linting only these keeps
 * each bad edit to one small lint (the whole contract is linted once, by the first test).
 */
const LINTED_PATHS = ["/accounts/{accountId}/webinars/{webinarId}", "/accounts/{accountId}/webinars/{webinarId}/registrants"];

async function keepOnlyPaths(rootFile: string, keep: readonly string[]): Promise<void> {
  const text = await readFile(rootFile, "utf8");
  const start = text.indexOf("\npaths:\n") + "\npaths:\n".length;
  const end = text.indexOf("\ncomponents:\n", start);
  const entries = text.slice(start, end + 1).split(/\n(?=  \/)/);
  const kept = entries.filter((entry) => keep.some((p) => entry.trimStart().startsWith(`${p}:\n`)));
  expect(kept, "every kept path is in the contract").toHaveLength(keep.length);
  await writeFile(rootFile, `${text.slice(0, start)}${kept.map((e) => e.replace(/\n?$/, "\n")).join("")}${text.slice(end + 1)}`);
}

describe("npm run lint", () => {
  it("finds 0 errors and 0 warnings in openapi/", async () => {
    const problems = await lintContract({ rootDir: repoRoot });
    expect(problems.filter(isFailing).map(formatProblem)).toEqual([]);
  }, 120_000);

  it.each([
    {
      rule: "house-schema-description",
      file: "openapi/components/schemas/WebinarSettings.yaml",
      edit: (t: string) => t.replace("    description: Whether the host's video is on when the host joins.\n", ""),
    },
    {
      rule: "house-enum-described",
      file: "openapi/components/schemas/WebinarSettings.yaml",
      edit: (t: string) => t.replace("      thirdParty: A third-party audio conference.\n", ""),
    },
    {
      rule: "house-snake-case-properties",
      file: "openapi/components/schemas/QuestionAndAnswer.yaml",
      edit: (t: string) => t.replace("  attendees_can_upvote:", "  attendeesCanUpvote:"),
    },
    {
      rule: "house-open-response-schemas",
      file: "openapi/components/schemas/TrackingField.yaml",
      edit: (t: string) => t.replace("type: object\n", "type: object\nadditionalProperties: false\n"),
    },
    {
      // the copy of OWASP's rule that exempts only Zoom's paging cursor `next_page_token`
      rule: "house-no-credentials-in-url",
      file: "openapi/components/parameters/TrackingSourceId.yaml",
      edit: (t: string) => t.replace("name: tracking_source_id", "name: access_token"),
    },
    {
      rule: "oas3-valid-media-example",
      file: "openapi/components/examples/ScheduledWebinar.yaml",
      edit: (t: string) => t.replace("  duration: 45", '  duration: "45 minutes"'),
    },
    {
      rule: "house-provenance",
      file: "openapi/components/schemas/QuestionAndAnswer.yaml",
      edit: (t: string) => t.replace("  attendees_can_upvote:\n    x-sources: [page, zoom-spec-2023, zoom-sdk-2026]\n", "  attendees_can_upvote:\n"),
      message: "No x-sources",
      line: 41,
    },
    {
      rule: "house-provenance",
      file: "openapi/components/schemas/TrackingField.yaml",
      edit: (t: string) => t.replace("  value:\n    x-sources: [page, zoom-spec-2023, zoom-sdk-2026]", "  value:\n    x-sources: [page, zoom-docs-2099]"),
      message: '"zoom-docs-2099", which is not in the root x-sources registry',
    },
    {
      rule: "house-provenance",
      file: "openapi/components/schemas/WebinarRecurrence.yaml",
      edit: (t: string) => t.replace("      maximum: [zoom-spec-2023]\n    type: integer\n    maximum: 365\n", "      maximum: [zoom-spec-2023]\n    type: integer\n"),
      message: 'credits "maximum", which this node does not have',
    },
  ])("fails on $rule, naming the file and line", async ({ rule, file, edit, message, line }) => {
    const dir = await editedCopy(file, edit);
    const problems = (await lintContract({ rootDir: dir })).filter(isFailing);
    const hit = problems.find((p) => p.rule === rule && (message === undefined || p.message.includes(message)));
    expect(hit, problems.map(formatProblem).join("\n")).toBeDefined();
    expect(hit?.file).toBe(file);
    expect(hit?.line).toBeGreaterThan(0);
    if (line !== undefined) expect(hit?.line).toBe(line);
  }, 30_000);
});
