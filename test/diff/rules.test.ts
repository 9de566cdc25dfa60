// One before/after pair per rule: each edit to the base fixture must produce exactly the listed
// changes, classed as shown (BREAKING or ok), at the listed location.
import { describe, expect, it } from "vitest";
import { dereferenceText, diffSpecs, formatChange, type JsonObject } from "../../tools/contract-diff/index.js";
import { BODY, POST, baseSpec, brief, changesAfter, edit, type Edit } from "./fixture.js";

const THING = "/components/schemas/Thing/properties";
const GET = "/paths/~1things~1{thingId}/get";
const CREATE = "/paths/~1boards~1{boardKind}~1things/post";
const NEW = "/components/schemas/NewThing";
const REQ = `${POST} requestBody/application/json`;

interface Case {
  name: string;
  edits: Edit[];
  expected: string[];
}

const responseCases: Case[] = [
  { name: "response property removed", edits: [[`${THING}/email`, undefined]], expected: [`BREAKING property-removed ${BODY}#/email`] },
  {
    name: "response property renamed = removed + added",
    edits: [[`${THING}/email`, undefined], [`${THING}/e_mail`, { type: "string", format: "email" }]],
    expected: [`BREAKING property-removed ${BODY}#/email`, `ok property-added ${BODY}#/e_mail`],
  },
  { name: "response property added", edits: [[`${THING}/color`, { type: "string" }]], expected: [`ok property-added ${BODY}#/color`] },
  { name: "response type changed", edits: [[`${THING}/score/type`, "string"]], expected: [`BREAKING type-changed ${BODY}#/score`] },
  { name: "response made nullable", edits: [[`${THING}/name/type`, ["string", "null"]]], expected: [`BREAKING type-loosened ${BODY}#/name`] },
  { name: "response number narrowed to integer", edits: [[`${THING}/score/type`, "integer"]], expected: [`ok type-tightened ${BODY}#/score`] },
  {
    name: "enum value added to a response",
    edits: [[`${THING}/status/enum`, ["active", "ended", "paused"]]],
    expected: [`BREAKING enum-value-added ${BODY}#/status`],
  },
  { name: "enum value removed from a response", edits: [[`${THING}/status/enum`, ["active"]]], expected: [`ok enum-value-removed ${BODY}#/status`] },
  { name: "response format changed", edits: [[`${THING}/email/format`, "uri"]], expected: [`BREAKING format-changed ${BODY}#/email`] },
  { name: "response format added", edits: [[`${THING}/name/format`, "hostname"]], expected: [`ok format-tightened ${BODY}#/name`] },
  { name: "response format removed", edits: [[`${THING}/email/format`, undefined]], expected: [`BREAKING format-loosened ${BODY}#/email`] },
  { name: "response bound loosened", edits: [[`${THING}/name/maxLength`, 80]], expected: [`BREAKING bound-loosened ${BODY}#/name`] },
  { name: "response bound tightened", edits: [[`${THING}/name/maxLength`, 20]], expected: [`ok bound-tightened ${BODY}#/name`] },
  {
    name: "response property made non-required",
    edits: [["/components/schemas/Thing/required", ["id"]]],
    expected: [`BREAKING property-made-optional ${BODY}#/name`],
  },
  {
    name: "response property made required",
    edits: [["/components/schemas/Thing/required", ["id", "name", "email"]]],
    expected: [`ok property-made-required ${BODY}#/email`],
  },
  {
    name: "error body field made non-required (through a shared $ref)",
    edits: [["/components/schemas/Error/required", ["code"]]],
    expected: ["BREAKING property-made-optional responses/404/application/json#/message"],
  },
  {
    name: "additionalProperties closed on a response",
    edits: [["/components/schemas/Thing/additionalProperties", false]],
    expected: [`BREAKING additional-properties-closed ${BODY}`],
  },
  {
    name: "property removed inside array items",
    edits: [["/components/schemas/Tag/properties/label", undefined]],
    expected: [`BREAKING property-removed ${BODY}#/tags/[]/label`],
  },
  {
    name: "oneOf branch added to a response",
    edits: [[`${THING}/shape/oneOf/2`, { type: "boolean" }]],
    expected: [`BREAKING oneOf-branch-added ${BODY}#/shape/oneOf/2`],
  },
  { name: "status code removed", edits: [[`${GET}/responses/404`, undefined]], expected: ["BREAKING status-removed responses/404"] },
  { name: "status code added", edits: [[`${GET}/responses/500`, { description: "Oops" }]], expected: ["ok status-added responses/500"] },
  {
    name: "media type removed (and another added)",
    edits: [[`${GET}/responses/200/content/application~1json`, undefined], [`${GET}/responses/200/content/application~1xml`, { schema: { type: "string" } }]],
    expected: [`BREAKING media-type-removed ${BODY}`, "ok media-type-added responses/200/application/xml"],
  },
  {
    name: "response header removed",
    edits: [[`${GET}/responses/200/headers/X-Rate-Remaining`, undefined]],
    expected: ["BREAKING response-header-removed responses/200/headers/X-Rate-Remaining"],
  },
  {
    name: "response header made optional",
    edits: [[`${GET}/responses/200/headers/X-Rate-Remaining/required`, false]],
    expected: ["BREAKING response-header-made-optional responses/200/headers/X-Rate-Remaining"],
  },
  { name: "description edited", edits: [["/components/schemas/Thing/description", "A better thing."]], expected: [`ok documentation-changed ${BODY}`] },
];

const requestCases: Case[] = [
  {
    name: "required parameter added",
    edits: [[`${GET}/parameters/2`, { name: "region", in: "query", required: true, schema: { type: "string" } }]],
    expected: ["BREAKING required-parameter-added parameters/query/region"],
  },
  {
    name: "optional parameter added",
    edits: [[`${GET}/parameters/2`, { name: "region", in: "query", schema: { type: "string" } }]],
    expected: ["ok optional-parameter-added parameters/query/region"],
  },
  { name: "parameter made required", edits: [[`${GET}/parameters/0/required`, true]], expected: ["BREAKING parameter-made-required parameters/query/mode"] },
  { name: "parameter removed", edits: [[`${GET}/parameters/0`, undefined]], expected: ["BREAKING parameter-removed parameters/query/mode"] },
  {
    name: "enum value removed from a request parameter",
    edits: [[`${GET}/parameters/0/schema/enum`, ["full"]]],
    expected: ["BREAKING enum-value-removed parameters/query/mode"],
  },
  {
    name: "enum value added to a request parameter",
    edits: [[`${GET}/parameters/0/schema/enum`, ["brief", "full", "debug"]]],
    expected: ["ok enum-value-added parameters/query/mode"],
  },
  { name: "request bound tightened", edits: [[`${GET}/parameters/1/schema/maximum`, 50]], expected: ["BREAKING bound-tightened parameters/query/limit"] },
  { name: "request bound loosened", edits: [[`${GET}/parameters/1/schema/maximum`, 500]], expected: ["ok bound-loosened parameters/query/limit"] },
  {
    name: "path-level $ref parameter tightened",
    edits: [["/components/parameters/ThingId/schema/minLength", 3]],
    expected: ["BREAKING bound-tightened parameters/path/thingId"],
  },
  {
    name: "format added to a request parameter",
    edits: [["/components/parameters/ThingId/schema/format", "uuid"]],
    expected: ["BREAKING format-tightened parameters/path/thingId"],
  },
  { name: "request type changed", edits: [[`${GET}/parameters/1/schema/type`, "string"]], expected: ["BREAKING type-changed parameters/query/limit"] },
  { name: "request default changed", edits: [[`${GET}/parameters/1/schema/default`, 20]], expected: ["BREAKING default-changed parameters/query/limit"] },
  {
    name: "serialization changed",
    edits: [[`${GET}/parameters/0/explode`, false]],
    expected: ["BREAKING serialization-changed parameters/query/mode"],
  },
];

const bodyCases: Case[] = [
  // A caller's body breaks when the server accepts less than before.
  {
    name: "required request field added",
    edits: [[`${NEW}/properties/owner`, { type: "string" }], [`${NEW}/required`, ["name", "owner"]]],
    expected: [`BREAKING required-property-added ${REQ}#/owner`],
  },
  {
    name: "required request field added in a nested object",
    edits: [[`${NEW}/properties/settings/properties/size`, { type: "integer" }], [`${NEW}/properties/settings/required`, ["size"]]],
    expected: [`BREAKING required-property-added ${REQ}#/settings/size`],
  },
  {
    name: "required request field added in array items (through $ref)",
    edits: [["/components/schemas/Label/properties/lang", { type: "string" }], ["/components/schemas/Label/required", ["lang"]]],
    expected: [`BREAKING required-property-added ${REQ}#/labels/[]/lang`],
  },
  {
    name: "required request field added to the allOf base (through $ref)",
    edits: [["/components/schemas/ThingCore/properties/owner", { type: "string" }], ["/components/schemas/ThingCore/required", ["owner"]]],
    expected: [`BREAKING required-property-added ${REQ}#/allOf/0/owner`],
  },
  {
    name: "allOf branch with a required request field added",
    edits: [[`${NEW}/allOf/1`, { type: "object", required: ["owner"], properties: { owner: { type: "string" } } }]],
    expected: [`BREAKING allOf-branch-added ${REQ}#/allOf/1`],
  },
  { name: "optional request field made required", edits: [[`${NEW}/required`, ["name", "kind"]]], expected: [`BREAKING property-made-required ${REQ}#/kind`] },
  {
    name: "optional request field made required in the allOf base",
    edits: [["/components/schemas/ThingCore/required", ["note"]]],
    expected: [`BREAKING property-made-required ${REQ}#/allOf/0/note`],
  },
  { name: "request body enum narrowed", edits: [[`${NEW}/properties/kind/enum`, ["plain"]]], expected: [`BREAKING enum-value-removed ${REQ}#/kind`] },
  {
    name: "request path parameter enum narrowed",
    edits: [[`${CREATE}/parameters/0/schema/enum`, ["public"]]],
    expected: [`BREAKING enum-value-removed ${POST} parameters/path/boardKind`],
  },
  {
    name: "request header parameter enum narrowed",
    edits: [[`${CREATE}/parameters/1/schema/enum`, ["web"]]],
    expected: [`BREAKING enum-value-removed ${POST} parameters/header/X-Thing-Source`],
  },
  { name: "request field type changed (string to integer)", edits: [[`${NEW}/properties/code/type`, "integer"]], expected: [`BREAKING type-changed ${REQ}#/code`] },
  { name: "request field type removed from a list", edits: [[`${NEW}/properties/size/type`, "integer"]], expected: [`BREAKING type-tightened ${REQ}#/size`] },
  { name: "request maxLength lowered", edits: [[`${NEW}/properties/name/maxLength`, 40]], expected: [`BREAKING bound-tightened ${REQ}#/name`] },
  { name: "request minLength raised", edits: [[`${NEW}/properties/name/minLength`, 3]], expected: [`BREAKING bound-tightened ${REQ}#/name`] },
  { name: "request maximum lowered", edits: [[`${NEW}/properties/count/maximum`, 5]], expected: [`BREAKING bound-tightened ${REQ}#/count`] },
  { name: "request minimum raised", edits: [[`${NEW}/properties/count/minimum`, 1]], expected: [`BREAKING bound-tightened ${REQ}#/count`] },
  { name: "request maxItems lowered", edits: [[`${NEW}/properties/labels/maxItems`, 3]], expected: [`BREAKING bound-tightened ${REQ}#/labels`] },
  { name: "request pattern added", edits: [[`${NEW}/properties/name/pattern`, "^\\S"]], expected: [`BREAKING bound-tightened ${REQ}#/name`] },
  { name: "request pattern changed", edits: [[`${NEW}/properties/code/pattern`, "^[a-z0-9]+$"]], expected: [`BREAKING bound-changed ${REQ}#/code`] },
  {
    name: "request property removed from a closed object",
    edits: [[`${NEW}/properties/settings/properties/legacy`, undefined]],
    expected: [`BREAKING property-removed ${REQ}#/settings/legacy`],
  },
  {
    name: "request property removed where unknown properties must match a schema",
    edits: [[`${NEW}/properties/settings/properties/legacy`, undefined], [`${NEW}/properties/settings/additionalProperties`, { type: "string" }]],
    expected: [`BREAKING property-removed ${REQ}#/settings/legacy`, `ok additional-properties-opened ${REQ}#/settings`],
  },
  {
    name: "readOnly property removed from a closed request object",
    edits: [[`${NEW}/properties/settings/properties/updated_at`, undefined]],
    expected: [`ok property-removed ${REQ}#/settings/updated_at`],
  },
  { name: "request property removed from an open object", edits: [[`${NEW}/properties/kind`, undefined]], expected: [`ok property-removed ${REQ}#/kind`] },
  { name: "request body made required", edits: [[`${CREATE}/requestBody/required`, true]], expected: [`BREAKING request-body-made-required ${POST} requestBody`] },
  {
    name: "request media type removed (multipart/form-data dropped)",
    edits: [[`${CREATE}/requestBody/content/multipart~1form-data`, undefined]],
    expected: [`BREAKING media-type-removed ${POST} requestBody/multipart/form-data`],
  },
  {
    name: "required header parameter added",
    edits: [[`${CREATE}/parameters/2`, { name: "X-Board-Token", in: "header", required: true, schema: { type: "string" } }]],
    expected: [`BREAKING required-parameter-added ${POST} parameters/header/X-Board-Token`],
  },
  // Safe: the server accepts at least what it accepted before.
  { name: "optional request field added", edits: [[`${NEW}/properties/color`, { type: "string" }]], expected: [`ok property-added ${REQ}#/color`] },
  {
    name: "required readOnly field added (callers never send it)",
    edits: [["/components/schemas/ThingCore/properties/created_at", { type: "string", readOnly: true }], ["/components/schemas/ThingCore/required", ["created_at"]]],
    expected: [`ok property-added ${REQ}#/allOf/0/created_at`],
  },
  { name: "readOnly request field made required", edits: [["/components/schemas/ThingCore/required", ["id"]]], expected: [`ok property-made-required ${REQ}#/allOf/0/id`] },
  { name: "request field made optional", edits: [[`${NEW}/required`, []]], expected: [`ok property-made-optional ${REQ}#/name`] },
  { name: "request body enum widened", edits: [[`${NEW}/properties/kind/enum`, ["plain", "fancy", "odd"]]], expected: [`ok enum-value-added ${REQ}#/kind`] },
  {
    name: "request path parameter enum widened",
    edits: [[`${CREATE}/parameters/0/schema/enum`, ["public", "private", "shared"]]],
    expected: [`ok enum-value-added ${POST} parameters/path/boardKind`],
  },
  { name: "request type widened", edits: [[`${NEW}/properties/size/type`, ["integer", "string", "null"]]], expected: [`ok type-loosened ${REQ}#/size`] },
  { name: "request maxLength raised", edits: [[`${NEW}/properties/name/maxLength`, 80]], expected: [`ok bound-loosened ${REQ}#/name`] },
  { name: "request minimum lowered", edits: [[`${NEW}/properties/count/minimum`, -1]], expected: [`ok bound-loosened ${REQ}#/count`] },
  { name: "request maxItems raised", edits: [[`${NEW}/properties/labels/maxItems`, 10]], expected: [`ok bound-loosened ${REQ}#/labels`] },
  { name: "request pattern removed", edits: [[`${NEW}/properties/code/pattern`, undefined]], expected: [`ok bound-loosened ${REQ}#/code`] },
  {
    name: "request media type added",
    edits: [[`${CREATE}/requestBody/content/application~1x-www-form-urlencoded`, { schema: { type: "object" } }]],
    expected: [`ok media-type-added ${POST} requestBody/application/x-www-form-urlencoded`],
  },
];

const otherCases: Case[] = [
  { name: "keyword no rule knows fails closed", edits: [[`${THING}/name/not`, { const: "" }]], expected: [`BREAKING unclassified ${BODY}#/name`] },
  {
    name: "OAuth scope description edited",
    edits: [["/components/securitySchemes/oauth/flows/clientCredentials/scopes/things:read", "Read things"]],
    expected: ["ok documentation-changed components/securitySchemes/oauth/flows/clientCredentials/scopes/things:read"],
  },
  {
    name: "security alternative removed (root requirement, so every operation)",
    edits: [["/security", [{ oauth: ["things:read"] }]]],
    expected: ["BREAKING security-alternative-removed security", `BREAKING security-alternative-removed ${POST} security`],
  },
  {
    name: "server removed",
    edits: [["/servers/0/url", "https://api.example.test/v2"]],
    expected: ["BREAKING server-removed servers", "ok server-added servers", `BREAKING server-removed ${POST} servers`, `ok server-added ${POST} servers`],
  },
  { name: "operation removed", edits: [[GET, undefined]], expected: ["BREAKING operation-removed GET /things/{thingId}"] },
  { name: "path removed with its operation", edits: [["/paths/~1boards~1{boardKind}~1things", undefined]], expected: [`BREAKING operation-removed ${POST}`] },
  {
    name: "operation added",
    edits: [["/paths/~1things~1{thingId}/delete", { responses: { "204": { description: "Deleted" } } }]],
    expected: ["ok operation-added DELETE /things/{thingId}"],
  },
  { name: "version raised", edits: [["/info/version", "2.0.0"]], expected: ["ok version-changed info/version"] },
];

describe.each([
  ["response rules", responseCases],
  ["request parameter rules", requestCases],
  ["request body rules", bodyCases],
  ["other rules", otherCases],
])("%s", (_, cases) => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const changes = await changesAfter(c.edits);
    expect(changes.map(brief)).toEqual(c.expected);
    expect(changes.every((ch) => ch.message.length > 0)).toBe(true);
  });
});

describe("structure", () => {
  it("finds no change between identical documents, recursive schema included", async () => {
    expect(await changesAfter([])).toEqual([]);
  });

  it("treats a path parameter renamed in the template and the parameter as the same parameter", async () => {
    const head = baseSpec();
    const paths = head.paths as JsonObject;
    paths["/things/{id}"] = paths["/things/{thingId}"] as JsonObject;
    delete paths["/things/{thingId}"];
    edit(head, "/components/parameters/ThingId/name", "id");
    const renamed = diffSpecs(await dereferenceText(JSON.stringify(baseSpec()), "/b.json"), await dereferenceText(JSON.stringify(head), "/h.json"));
    expect(renamed.map(brief)).toEqual(["ok path-parameter-renamed GET /things/{id} parameters/path/id"]);
  });

  it("prints request-side verdicts with the operation, the JSON pointer and the change", async () => {
    const changes = await changesAfter([
      [`${NEW}/properties/owner`, { type: "string" }],
      [`${NEW}/required`, ["name", "owner"]],
      [`${NEW}/properties/settings/properties/legacy`, undefined],
      [`${NEW}/properties/kind`, undefined],
    ]);
    expect(changes.map(formatChange)).toEqual([
      `ok        ${REQ}#/kind  property removed from an open object: callers that still send it are not refused`,
      `BREAKING  ${REQ}#/settings/legacy  property removed from a closed object (additionalProperties: false): callers that still send it are refused`,
      `BREAKING  ${REQ}#/owner  required property added: every caller must now send it`,
    ]);
  });

  it("refuses documents that still contain $ref", () => {
    expect(() => diffSpecs(baseSpec(), baseSpec())).toThrow(/dereferenced/);
  });
});
