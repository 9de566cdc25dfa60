// The versioning rule of CHANGELOG.md: the package's major.minor is the contract's info.version
// major.minor, and the changelog keeps an Unreleased section in Keep a Changelog form.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GENERATED_OPENAPI_JSON_PATH } from "../../tools/spec/generated-files.js";

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), "utf8");
const majorMinor = (version: string) => /^(\d+)\.(\d+)\.\d+/.exec(version)?.slice(1, 3).join(".");

describe("versions", () => {
  it("the package's major.minor is the contract's", () => {
    const pkg = JSON.parse(read("package.json")) as { version: string };
    const contract = JSON.parse(read(GENERATED_OPENAPI_JSON_PATH)) as { info: { version: string } };
    expect(majorMinor(pkg.version)).toBeDefined();
    expect(majorMinor(pkg.version)).toBe(majorMinor(contract.info.version));
  });

  it("CHANGELOG.md has an Unreleased section and only Keep a Changelog section names", () => {
    const changelog = read("CHANGELOG.md");
    expect(changelog).toMatch(/^## \[Unreleased\]$/m);
    const sections = [...changelog.matchAll(/^### (.+)$/gm)].map((match) => match[1]);
    expect(sections.length).toBeGreaterThan(0);
    for (const section of sections) expect(["Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"]).toContain(section);
  });
});
