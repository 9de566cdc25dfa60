// `npm run lint` (lintContract: Spectral, Redocly and validate-examples) on bad edits of the
// contract. The unedited contract's verdict (0 errors, 0 warnings from the same steps) is proven
// by test/pipeline/drift.test.ts, whose `--check` run fails on any failing lint problem.
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lintContract } from "../../tools/pipeline/lint-contract.js";
import { type Problem, formatProblem, isFailing } from "../../tools/pipeline/problems.js";
import { repoRoot } from "../support/spec.js";

interface BadEdit {
  rule: string;
  file: string;
  edit: (text: string) => string;
  /** Where the problem must be reported, in the edited file. */
  line: number;
  /** Words of the message, where the rule has several. */
  message?: string;
}

/** Each edit breaks one rule at one place; no two edits touch the same node. */
const EDITS: readonly BadEdit[] = [
  {
    rule: "house-schema-description",
    file: "openapi/components/schemas/WebinarSettings.yaml",
    edit: (t) => t.replace("    description: Whether the host's video is on when the host joins.\n", ""),
    line: 8,
  },
  {
    rule: "house-enum-described",
    file: "openapi/components/schemas/WebinarSettings.yaml",
    edit: (t) => t.replace("      thirdParty: A third-party audio conference.\n", ""),
    line: 35, // the `audio` property (line numbers are those of the file with every edit)
  },
  {
    rule: "house-snake-case-properties",
    file: "openapi/components/schemas/QuestionAndAnswer.yaml",
    edit: (t) => t.replace("  allow_auto_reply:", "  allowAutoReply:"),
    line: 45,
  },
  {
    rule: "house-open-response-schemas",
    file: "openapi/components/schemas/TrackingField.yaml",
    edit: (t) => t.replace("type: object\n", "type: object\nadditionalProperties: false\n"),
    line: 2,
  },
  {
    // the copy of OWASP's rule that exempts only Zoom's paging cursor `next_page_token`
    rule: "house-no-credentials-in-url",
    file: "openapi/components/parameters/TrackingSourceId.yaml",
    edit: (t) => t.replace("name: tracking_source_id", "name: access_token"),
    line: 1,
  },
  {
    // The OpenAPI schema itself, in a file behind a $ref (Spectral lints the bundle).
    rule: "oas3-schema",
    file: "openapi/components/parameters/TrackingSourceId.yaml",
    edit: (t) => t.replace("schema:\n  type: string\n", "schema:\n  type: strin\n"),
    message: '"type" property must be equal to one of the allowed values',
    line: 8,
  },
  {
    // Examples are judged by validate-examples (Spectral's example rules are off in .spectral.yaml).
    rule: "example-matches-schema",
    file: "openapi/components/examples/ScheduledWebinar.yaml",
    edit: (t) => t.replace("  duration: 45", '  duration: "45 minutes"'),
    line: 12,
    message: "/duration must be integer",
  },
  {
    rule: "house-provenance",
    file: "openapi/components/schemas/QuestionAndAnswer.yaml",
    edit: (t) => t.replace("  attendees_can_upvote:\n    x-sources: [page, zoom-spec-2023, zoom-sdk-2026]\n", "  attendees_can_upvote:\n"),
    message: "No x-sources",
    line: 41,
  },
  {
    rule: "house-provenance",
    file: "openapi/components/schemas/TrackingField.yaml",
    edit: (t) => t.replace("  value:\n    x-sources: [page, zoom-spec-2023, zoom-sdk-2026]", "  value:\n    x-sources: [page, zoom-docs-2099]"),
    message: '"zoom-docs-2099", which is not in the root x-sources registry',
    line: 11,
  },
  {
    rule: "house-provenance",
    file: "openapi/components/schemas/WebinarRecurrence.yaml",
    edit: (t) => t.replace("      maximum: [zoom-spec-2023]\n    type: integer\n    maximum: 365\n", "      maximum: [zoom-spec-2023]\n    type: integer\n"),
    message: 'credits "maximum", which this node does not have',
    line: 112,
  },
];

/**
 * The root with no paths and the edited components named directly (the example in a response,
 * so it is checked against its schema): the rules judge each node where it is written, so they
 * need the edited files, not the 26 paths. About a third of the time of linting two paths.
 */
const COMPONENTS = `  schemas:
    WebinarSettings:
      $ref: components/schemas/WebinarSettings.yaml
    QuestionAndAnswer:
      $ref: components/schemas/QuestionAndAnswer.yaml
    TrackingField:
      $ref: components/schemas/TrackingField.yaml
    WebinarRecurrence:
      $ref: components/schemas/WebinarRecurrence.yaml
  parameters:
    TrackingSourceId:
      $ref: components/parameters/TrackingSourceId.yaml
  responses:
    WebinarCreated:
      description: The schema the example is checked against.
      content:
        application/json:
          schema:
            $ref: components/schemas/WebinarCreated.yaml
          examples:
            scheduledWebinar:
              $ref: components/examples/ScheduledWebinar.yaml
`;

async function minimalRoot(rootFile: string): Promise<void> {
  const text = await readFile(rootFile, "utf8");
  const start = text.indexOf("\npaths:\n");
  const components = text.indexOf("\ncomponents:\n", start);
  expect([start, components].every((i) => i > 0), "the root has paths, then components last").toBe(true);
  expect(text.slice(components + 1).split("\n").filter((l) => /^\S/.test(l)), "components is the last root key").toEqual(["components:"]);
  await writeFile(rootFile, `${text.slice(0, start)}\npaths: {}${text.slice(components).replace(/\n*$/, "\n")}${COMPONENTS}`);
}

let dir = "";
let problems: Promise<Problem[]>;

/** One copy with every edit, linted once: each test below reads its own problem from it. */
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "contract-lint-"));
  for (const entry of ["openapi", ".spectral.yaml", ".spectral", "redocly.yaml"]) {
    await cp(path.join(repoRoot, entry), path.join(dir, entry), { recursive: true });
  }
  // Spectral resolves the OWASP ruleset from the ruleset's own folder, as Node does.
  await symlink(path.join(repoRoot, "node_modules"), path.join(dir, "node_modules"), "dir");
  await minimalRoot(path.join(dir, "openapi", "openapi.yaml"));
  for (const { file, edit } of EDITS) {
    const target = path.join(dir, file);
    const before = await readFile(target, "utf8");
    const after = edit(before);
    expect(after, `the edit for ${file} must change it`).not.toBe(before);
    await writeFile(target, after);
  }
  problems = lintContract({ rootDir: dir });
  await problems;
}, 60_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("npm run lint", () => {
  it.each(EDITS)("fails on $rule, naming the file and line", async ({ rule, file, message, line }) => {
    const failing = (await problems).filter(isFailing);
    const hit = failing.find((p) => p.rule === rule && p.file === file && (message === undefined || p.message.includes(message)));
    expect(hit, failing.map(formatProblem).join("\n")).toBeDefined();
    expect(hit?.line).toBe(line);
  });
});
