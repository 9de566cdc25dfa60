import { describe, expect, it } from "vitest";
import { followRefs, RefError, resolveObject, tryFollowRefs } from "../../tools/spec/refs.js";

const document = {
  components: {
    schemas: {
      A: { $ref: "#/components/schemas/B" },
      B: { type: "object", description: "b" },
      "a/b": { type: "string" },
      Loop: { $ref: "#/components/schemas/Loop2" },
      Loop2: { $ref: "#/components/schemas/Loop" },
      Away: { $ref: "other.yaml#/Thing" },
      Gone: { $ref: "#/components/schemas/Nothing" },
    },
  },
};

describe("followRefs", () => {
  it("follows a chain to its end and names where it ended and what it passed", () => {
    expect(followRefs(document, { $ref: "#/components/schemas/A" }, { pointer: "#/paths/x" })).toEqual({
      node: { type: "object", description: "b" },
      pointer: "#/components/schemas/B",
      seen: ["#/components/schemas/A", "#/components/schemas/B"],
    });
  });

  it("reads escaped and URI-encoded pointers", () => {
    expect(followRefs(document, { $ref: "#/components/schemas/a~1b" }).node).toEqual({ type: "string" });
    expect(followRefs(document, { $ref: "#/components/schemas/a%7E1b" }).node).toEqual({ type: "string" });
  });

  it("leaves a node without $ref as it is", () => {
    expect(followRefs(document, 3, { pointer: "#/x" })).toEqual({ node: 3, pointer: "#/x", seen: [] });
  });

  it.each([
    ["a cycle", "Loop", "cycle"],
    ["an external ref", "Away", "external"],
  ] as const)("refuses %s with a RefError", (_, name, reason) => {
    const error = (() => {
      try {
        followRefs(document, { $ref: `#/components/schemas/${name}` });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(RefError);
    expect((error as RefError).reason).toBe(reason);
  });

  it("sees recursion across calls through `seen`", () => {
    expect(() => followRefs(document, { $ref: "#/components/schemas/B" }, { seen: ["#/components/schemas/B"] })).toThrow(/recursive \$ref/);
  });

  it("shows each ref holder to onRef before following it", () => {
    const holders: string[] = [];
    followRefs(document, { $ref: "#/components/schemas/A" }, { onRef: (_, where) => holders.push(where) });
    expect(holders).toEqual(["#", "#/components/schemas/A"]);
  });
});

describe("tryFollowRefs", () => {
  it.each(["Loop", "Away"])("gives nothing where followRefs refuses (%s), having shown onRef the holders it reached", (name) => {
    const holders: string[] = [];
    expect(tryFollowRefs(document, { $ref: `#/components/schemas/${name}` }, { onRef: (_, where) => holders.push(where) })).toBeUndefined();
    expect(holders[0]).toBe("#");
  });

  it("gives what followRefs gives otherwise", () => {
    expect(tryFollowRefs(document, { $ref: "#/components/schemas/A" })).toEqual(followRefs(document, { $ref: "#/components/schemas/A" }));
  });
});

describe("resolveObject", () => {
  it.each([
    ["an object at the end", { $ref: "#/components/schemas/A" }, { type: "object", description: "b" }],
    ["nothing for a dangling ref", { $ref: "#/components/schemas/Gone" }, undefined],
    ["nothing for a cycle", { $ref: "#/components/schemas/Loop" }, undefined],
    ["nothing for a non-object", 7, undefined],
  ])("gives %s", (_, node, expected) => {
    expect(resolveObject(document, node)).toEqual(expected);
  });
});
