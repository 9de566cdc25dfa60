import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkContractMarkup, checkMarkupText, checkYamlMarkup } from "../../tools/docs/markup-check.js";
import { runPipeline } from "../../tools/pipeline/run-pipeline.js";

const IFRAME = `<iframe srcdoc="<img src=x onerror=parent.document.title='pwned'>"></iframe>`;

describe("checkMarkupText", () => {
  it.each([
    ["an iframe with srcdoc", `Text ${IFRAME}`, 1, "<iframe srcdoc>"],
    ["an inline handler on an allowed element", "one\ntwo <span onmouseover=\"x()\">a</span>", 2, "<span onmouseover>"],
    ["a script inside an HTML block", "<p>\nhi\n<script>alert(1)</script>\n</p>", 3, "<script>"],
    ["a meta refresh", '<meta http-equiv="refresh" content="0;url=https://example.org">', 1, "<meta http-equiv content>"],
    ["a javascript: href, entity-encoded", '<a href="&#106;avascript:alert(1)">x</a>', 1, "<a href>"],
    ["a javascript: Markdown link", "[x](javascript:alert(1))", 1, "[…](javascript:alert(1))"],
    ["a data: Markdown link", "[x](data:text/html,hi)", 1, "[…](data:text/html,hi)"],
    ["a Markdown image", "![x](https://example.org/x.png)", 1, "![…](https://example.org/x.png)"],
    ["a form", "<form><button>go</button></form>", 1, "<form>"],
    ["a doctype", "<!DOCTYPE html>", 1, "<!doctype>"],
  ])("refuses %s", (_name, text, line, element) => {
    expect(checkMarkupText(text)).toContainEqual(expect.objectContaining({ line, element }));
  });

  it.each([
    ["plain Markdown", "**bold**, `code`, a list:\n\n- one\n- two"],
    ["allowed elements", '<b>bold</b> <code>x</code> <br> <a href="https://zoom.us" title="Zoom">Zoom</a>'],
    ["markup shown as code", "Write `<iframe>` or\n\n```\n<script>alert(1)</script>\n```"],
    ["relative and mailto links", "[other page](zh-CN.html) · [mail](mailto:a@example.org) · [anchor](#top)"],
  ])("accepts %s", (_name, text) => {
    expect(checkMarkupText(text)).toEqual([]);
  });
});

describe("checkYamlMarkup", () => {
  it("names the file and the line of the element inside a block scalar", () => {
    const source = ["type: object", "description: |", "  First line.", `  Second ${IFRAME}`, "properties: {}"].join("\n");
    const [problem, ...rest] = checkYamlMarkup("openapi/components/schemas/Evil.yaml", source);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ file: "openapi/components/schemas/Evil.yaml", line: 4, rule: "docs-markup", severity: "error" });
    expect(problem!.message).toMatch(/<iframe srcdoc> in description: element <iframe> is not allowed/);
  });

  it("sees markup spelled with YAML escapes and in x-enumDescriptions", () => {
    const source = ['type: string', 'enum: [a]', 'x-enumDescriptions:', '  a: "\\x3cimg src=x onerror=alert(1)>"'].join("\n");
    expect(checkYamlMarkup("E.yaml", source)).toEqual([expect.objectContaining({ line: 4, message: expect.stringMatching(/^<img src onerror> in x-enumDescriptions\.a/) })]);
  });

  it("checks an Overlay's string updates and ignores code samples", () => {
    const source = [
      "overlay: 1.0.0",
      "info: { title: t, version: '1' }",
      "actions:",
      "  - target: $.info.description",
      `    update: "${IFRAME.replace(/"/g, '\\"')}"`,
      "  - target: $.paths['/a'].get",
      "    update:",
      "      x-codeSamples: [{ lang: html, source: '<script>fine()</script>' }]",
    ].join("\n");
    expect(checkYamlMarkup("openapi/overlays/zh-CN.yaml", source)).toEqual([expect.objectContaining({ line: 5, message: expect.stringMatching(/actions\.0\.update/) })]);
  });
});

describe("generate refuses hostile markup", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it("fails the bundle step with file:line and the element, and writes nothing", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "docs-markup-"));
    dirs.push(root);
    await mkdir(path.join(root, "openapi"));
    await writeFile(path.join(root, "redocly.yaml"), "telemetry: off\n");
    await writeFile(
      path.join(root, "openapi/openapi.yaml"),
      ["openapi: 3.1.0", "info:", "  title: t", "  version: '1'", "  description: >-", "    Hello", `    ${IFRAME}`, "paths: {}"].join("\n"),
    );
    const result = await runPipeline({ rootDir: root, steps: ["bundle"] });
    expect(result.ok).toBe(false);
    const markup = result.problems.filter((problem) => problem.rule === "docs-markup");
    expect(markup).toEqual([expect.objectContaining({ file: "openapi/openapi.yaml", line: 7, severity: "error" })]);
    expect(markup[0]!.message).toContain("<iframe srcdoc>");
    await expect(checkContractMarkup([path.join(root, "openapi")], root)).resolves.toHaveLength(1);
  }, 20_000);
});
