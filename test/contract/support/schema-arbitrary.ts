// fast-check arbitraries built from the contract's JSON Schema (OpenAPI 3.1 = JSON Schema
// 2020-12), and the places where a valid value can be broken. Written here rather than taken
// from a library so that values shrink field by field under fast-check, replay from fast-check's
// seed and path, and so that a keyword this file does not understand stops the test with its
// location instead of being silently ignored (a generator that ignores `maximum` would only ever
// produce "valid" bodies by luck).
import fc from "fast-check";
import { escapeSegment, getAt, isRecord } from "../../../src/util/json-pointer.js";
import type { OpenApiDocument } from "../../../tools/spec/openapi-ajv.js";
import { followRefs, RefError } from "../../../tools/spec/refs.js";

export type Schema = Record<string, unknown>;
/** A property name, or `[]` for "an item of this array" (always item 0 in a built value). */
export type Step = string;

export const ITEM: Step = "[]";

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };
const SAFE = { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER };

// Keywords that describe and never constrain; `default` and `example` values are checked by
// `npm run generate`, not here.
const ANNOTATIONS = new Set(["description", "title", "example", "examples", "deprecated", "readOnly", "writeOnly", "default", "externalDocs", "xml"]);
const HANDLED = new Set([
  "$ref",
  "allOf",
  "type",
  "properties",
  "required",
  "additionalProperties",
  "items",
  "minItems",
  "maxItems",
  "enum",
  "format",
  "minimum",
  "maximum",
  "minLength",
  "maxLength",
  "pattern",
]);
const INTEGER_FORMATS = new Set(["int32", "int64"]);

export class UnsupportedSchemaError extends Error {
  override readonly name = "UnsupportedSchemaError";
}

function unsupported(pointer: string, what: string): never {
  throw new UnsupportedSchemaError(`${pointer}: ${what} — teach test/contract/support/schema-arbitrary.ts about it`);
}

/** `#/components/schemas/Name` for a bare name. */
export function componentPointer(name: string): string {
  return `#/components/schemas/${escapeSegment(name)}`;
}

interface Resolved {
  schema: Schema;
  pointer: string;
  /** `$ref` targets followed to get here, for cycle detection. */
  refs: readonly string[];
}

/** Follows `$ref`s (siblings may only be annotations) and checks every keyword is understood. */
function resolve(document: OpenApiDocument, node: unknown, pointer: string, refs: readonly string[]): Resolved {
  let followed;
  try {
    followed = followRefs(document, node, {
      pointer,
      seen: refs,
      onRef: (holder, where) => {
        for (const key of Object.keys(holder)) {
          if (key !== "$ref" && !ANNOTATIONS.has(key) && !key.startsWith("x-")) unsupported(where, `"${key}" beside $ref`);
        }
      },
    });
  } catch (error) {
    if (error instanceof RefError) unsupported(error.pointer, `${error.reason === "external" ? "external" : "recursive"} $ref ${error.ref}`);
    throw error;
  }
  const { node: current, pointer: where, seen } = followed;
  if (!isRecord(current)) unsupported(where, "no schema object here");
  for (const key of Object.keys(current)) {
    if (!HANDLED.has(key) && !ANNOTATIONS.has(key) && !key.startsWith("x-")) unsupported(where, `keyword "${key}"`);
  }
  const resolved = { schema: current, pointer: where, refs: seen };
  return current.allOf === undefined ? resolved : flattenAllOf(document, resolved);
}

/**
 * An `allOf` as the one schema its branches and its own keywords make together: properties and
 * `required` united, bounds narrowed, enums intersected. A property two branches both describe
 * becomes an `allOf` of the two, flattened in turn when it is reached. Keywords the branches set
 * differently and that cannot be narrowed (two formats, two patterns) stop the test.
 */
function flattenAllOf(document: OpenApiDocument, resolved: Resolved): Resolved {
  const { schema, pointer, refs } = resolved;
  const { allOf, ...own } = schema;
  if (!Array.isArray(allOf) || allOf.length === 0) unsupported(pointer, "allOf that is not a non-empty list");
  let merged: Schema = own;
  const seen = new Set(refs);
  allOf.forEach((branch, index) => {
    const part = resolve(document, branch, `${pointer}/allOf/${index}`, refs);
    for (const ref of part.refs) seen.add(ref);
    merged = mergeSchemas(merged, part.schema, pointer);
  });
  return { schema: merged, pointer, refs: [...seen] };
}

const NARROW_UP = new Set(["minLength", "minimum", "minItems"]);
const NARROW_DOWN = new Set(["maxLength", "maximum", "maxItems"]);

function mergeSchemas(into: Schema, from: Schema, pointer: string): Schema {
  const out: Schema = { ...into };
  for (const [key, value] of Object.entries(from)) {
    const mine = out[key];
    if (mine === undefined) {
      out[key] = value;
      continue;
    }
    if (ANNOTATIONS.has(key) || key.startsWith("x-")) continue;
    if (key === "properties" && isRecord(mine) && isRecord(value)) {
      const props: Record<string, unknown> = { ...mine };
      for (const [name, child] of Object.entries(value)) props[name] = name in props ? { allOf: [props[name], child] } : child;
      out.properties = props;
    } else if (key === "required" && Array.isArray(mine) && Array.isArray(value)) {
      out.required = [...new Set([...(mine as unknown[]), ...(value as unknown[])])];
    } else if (key === "enum" && Array.isArray(mine) && Array.isArray(value)) {
      out.enum = (mine as unknown[]).filter((item) => (value as unknown[]).includes(item));
    } else if (NARROW_UP.has(key) && typeof mine === "number" && typeof value === "number") {
      out[key] = Math.max(mine, value);
    } else if (NARROW_DOWN.has(key) && typeof mine === "number" && typeof value === "number") {
      out[key] = Math.min(mine, value);
    } else if (key === "items") {
      out.items = { allOf: [mine, value] };
    } else if (key === "additionalProperties" && typeof mine === "boolean" && typeof value === "boolean") {
      out.additionalProperties = mine && value;
    } else if (JSON.stringify(mine) !== JSON.stringify(value)) {
      unsupported(pointer, `allOf branches that set "${key}" differently`);
    }
  }
  return out;
}

function schemaType(resolved: Resolved): string {
  const { schema, pointer } = resolved;
  if (typeof schema.type === "string") return schema.type;
  if (schema.type === undefined && Array.isArray(schema.enum)) return "enum-only";
  // No type and no other validation keyword: the contract accepts any JSON value (a field whose
  // sources name it without stating its type).
  if (schema.type === undefined && Object.keys(schema).every((key) => ANNOTATIONS.has(key) || key.startsWith("x-"))) return "any";
  return unsupported(pointer, `type ${JSON.stringify(schema.type)} (only a single type name is handled)`);
}

function properties(resolved: Resolved): Record<string, unknown> {
  const props = resolved.schema.properties ?? {};
  if (!isRecord(props)) unsupported(resolved.pointer, "properties that are not an object");
  return props;
}

function requiredNames(resolved: Resolved): string[] {
  const required = resolved.schema.required ?? [];
  if (!Array.isArray(required) || !required.every((name): name is string => typeof name === "string")) {
    unsupported(resolved.pointer, "required that is not a list of names");
  }
  return required;
}

function numberKeyword(resolved: Resolved, key: string): number | undefined {
  const value = resolved.schema[key];
  if (value === undefined) return undefined;
  if (typeof value !== "number") unsupported(resolved.pointer, `${key} that is not a number`);
  return value;
}

/** The inclusive integer range a valid value may take: the schema's bounds within its format's. */
function integerRange(resolved: Resolved): { min: number; max: number } {
  const format = resolved.schema.format;
  if (format !== undefined && !INTEGER_FORMATS.has(String(format))) unsupported(resolved.pointer, `integer format ${String(format)}`);
  // int64 values travel as JSON numbers: past 2^53 they are no longer exact in JavaScript.
  const range = format === "int32" ? INT32 : SAFE;
  return {
    min: Math.max(range.min, Math.ceil(numberKeyword(resolved, "minimum") ?? range.min)),
    max: Math.min(range.max, Math.floor(numberKeyword(resolved, "maximum") ?? range.max)),
  };
}

function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

// Built once: these arbitraries are costly to construct, and every open object uses them.
const EXTRA_NAME = fc.stringMatching(/^[a-z][a-z0-9_]{0,15}$/);
// Through JSON once, so the extras are exactly what a body on the wire can hold.
const EXTRA_VALUE = fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.parse(JSON.stringify(value)) as unknown);

const ARBITRARIES = new WeakMap<OpenApiDocument, Map<string, fc.Arbitrary<unknown>>>();

export interface ArbitraryOptions {
  /** Steps that every generated value must contain (a mutation needs its site to exist). */
  force?: readonly Step[];
  /** Give open objects up to two snake_case properties the schema does not name, as Zoom may. */
  extraProperties?: boolean;
}

/** Values valid against the schema at `pointer` (e.g. `componentPointer("Webinar")`). */
export function schemaArbitrary(document: OpenApiDocument, pointer: string, options: ArbitraryOptions = {}): fc.Arbitrary<unknown> {
  return schemaArbitraryOf(document, { $ref: pointer }, pointer, [], options);
}

/** Values valid against `node`, a schema (or `$ref`) found at `pointer` after following `refs`. */
function schemaArbitraryOf(document: OpenApiDocument, root: unknown, rootPointer: string, rootRefs: readonly string[], options: ArbitraryOptions = {}): fc.Arbitrary<unknown> {
  // Arbitraries are immutable: a subtree built once is shared by every later build of the same
  // document (a forced path rebuilds only the nodes on it), which keeps one build per mutation
  // site cheap for the large schemas.
  let memo = ARBITRARIES.get(document);
  if (memo === undefined) {
    memo = new Map();
    ARBITRARIES.set(document, memo);
  }
  const shared = memo;
  const build = (node: unknown, where: string, refs: readonly string[], force: readonly Step[]): fc.Arbitrary<unknown> => {
    if (force.length > 0) return buildNode(node, where, refs, force);
    const key = `${options.extraProperties === true ? "+" : "-"}${where}`;
    let built = shared.get(key);
    if (built === undefined) {
      built = buildNode(node, where, refs, force);
      shared.set(key, built);
    }
    return built;
  };
  const buildNode = (node: unknown, where: string, refs: readonly string[], force: readonly Step[]): fc.Arbitrary<unknown> => {
    const resolved = resolve(document, node, where, refs);
    const { schema } = resolved;
    const type = schemaType(resolved);
    if (force.length > 0 && type !== "object" && type !== "array") unsupported(resolved.pointer, `path step ${force[0]} into a ${type}`);

    if (Array.isArray(schema.enum)) {
      if (schema.enum.length === 0) unsupported(resolved.pointer, "an empty enum");
      return fc.constantFrom(...(schema.enum as unknown[]));
    }
    switch (type) {
      case "any":
        return EXTRA_VALUE;
      case "boolean":
        return fc.boolean();
      case "null":
        return fc.constant(null);
      case "integer": {
        const { min, max } = integerRange(resolved);
        if (min > max) unsupported(resolved.pointer, "an empty integer range");
        return fc.integer({ min, max });
      }
      case "number": {
        const min = numberKeyword(resolved, "minimum");
        const max = numberKeyword(resolved, "maximum");
        // -0 is sent as 0: the body would not come back "unchanged" for a reason that is JSON's.
        return fc
          .double({ noNaN: true, noDefaultInfinity: true, ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) })
          .map((value) => (Object.is(value, -0) ? 0 : value));
      }
      case "string":
        return stringArbitrary(resolved);
      case "array": {
        if (schema.items === undefined) unsupported(resolved.pointer, "an array without items");
        const minItems = numberKeyword(resolved, "minItems") ?? 0;
        const maxItems = numberKeyword(resolved, "maxItems");
        const itemsPointer = `${resolved.pointer}/items`;
        const item = build(schema.items, itemsPointer, resolved.refs, []);
        if (force.length === 0) {
          return fc.array(item, { minLength: minItems, ...(maxItems === undefined ? {} : { maxLength: maxItems }) });
        }
        if (force[0] !== ITEM) unsupported(resolved.pointer, `path step ${force[0]} into an array`);
        const first = build(schema.items, itemsPointer, resolved.refs, force.slice(1));
        const rest = fc.array(item, {
          minLength: Math.max(0, minItems - 1),
          ...(maxItems === undefined ? {} : { maxLength: maxItems - 1 }),
        });
        return fc.tuple(first, rest).map(([head, tail]) => [head, ...tail]);
      }
      case "object": {
        const props = properties(resolved);
        const forced = force[0];
        if (forced !== undefined && !(forced in props)) unsupported(resolved.pointer, `path step ${forced}, which is no property`);
        const required = requiredNames(resolved);
        for (const name of required) if (!(name in props)) unsupported(resolved.pointer, `required "${name}" without a property schema`);
        const model: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [name, child] of Object.entries(props)) {
          model[name] = build(child, `${resolved.pointer}/properties/${escapeSegment(name)}`, resolved.refs, name === forced ? force.slice(1) : []);
        }
        const requiredKeys = forced === undefined ? required : [...new Set([...required, forced])];
        const record = fc.record(model, { requiredKeys, noNullPrototype: true });
        const additional = schema.additionalProperties;
        if (additional !== undefined && additional !== true && additional !== false) {
          unsupported(resolved.pointer, "additionalProperties with a schema");
        }
        if (additional === false || options.extraProperties !== true) return record;
        const extraName = EXTRA_NAME.filter((name) => !(name in props));
        const extras = fc.dictionary(extraName, EXTRA_VALUE, { maxKeys: 2, noNullPrototype: true });
        return fc.tuple(record, extras).map(([known, extra]) => ({ ...extra, ...known }));
      }
      default:
        return unsupported(resolved.pointer, `type ${type}`);
    }
  };
  return build(root, rootPointer, rootRefs, options.force ?? []);
}

function stringArbitrary(resolved: Resolved): fc.Arbitrary<string> {
  const { schema, pointer } = resolved;
  const minLength = numberKeyword(resolved, "minLength") ?? 0;
  const maxLength = numberKeyword(resolved, "maxLength");
  const pattern = schema.pattern;
  const format = schema.format;
  if (pattern !== undefined && format !== undefined) unsupported(pointer, "pattern and format together");
  let base: fc.Arbitrary<string>;
  if (typeof pattern === "string") {
    base = patternArbitrary(pattern);
  } else if (format !== undefined) {
    base = formatArbitrary(String(format), pointer);
  } else {
    // Any code point but lone surrogates (which no UTF-8 body can carry), counted as JSON
    // Schema counts length: in code points.
    return fc.string({ unit: "binary", minLength, ...(maxLength === undefined ? {} : { maxLength }) });
  }
  if (minLength === 0 && maxLength === undefined) return base;
  return base.filter((text) => {
    const length = codePointLength(text);
    return length >= minLength && (maxLength === undefined || length <= maxLength);
  });
}

// Zoom writes `2022-03-26T07:18:32Z`; ISO text with milliseconds is valid too.
const FORMAT_ARBITRARIES: Record<string, fc.Arbitrary<string>> = {
  "date-time": fc
    .tuple(fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T23:59:59Z"), noInvalidDate: true }), fc.boolean())
    .map(([date, millis]) => (millis ? date.toISOString() : date.toISOString().replace(/\.\d{3}Z$/, "Z"))),
  email: fc.emailAddress(),
  uri: fc.webUrl({ withQueryParameters: true, withFragments: true }),
};

function formatArbitrary(format: string, pointer: string): fc.Arbitrary<string> {
  return FORMAT_ARBITRARIES[format] ?? unsupported(pointer, `string format ${format}`);
}

const patternArbitraries = new Map<string, fc.Arbitrary<string>>();

function patternArbitrary(pattern: string): fc.Arbitrary<string> {
  let arbitrary = patternArbitraries.get(pattern);
  if (arbitrary === undefined) {
    // Ajv compiles patterns with the u flag; so must the generator, or classes differ.
    arbitrary = fc.stringMatching(new RegExp(pattern, "u"));
    patternArbitraries.set(pattern, arbitrary);
  }
  return arbitrary;
}

// ---------------------------------------------------------------------------------------------
// Mutation sites

export type MutationKind = "type" | "enum" | "range" | "maxLength" | "pattern" | "format" | "maxItems" | "required";

export interface MutationSite {
  kind: MutationKind;
  /** Steps from the root to the value that is replaced (for `required`: to the object). */
  steps: readonly Step[];
  /** What breaks, for test names: `must be integer`, `above 31`, `without "type"`. */
  detail: string;
  /** JSON pointer of the broken value in a built body (item 0 of every array on the way). */
  instancePath: string;
  /** Replacement values that break the schema at that place; absent for `required`. */
  replacement?: fc.Arbitrary<unknown>;
  /** For `required`: the property that is deleted. */
  deleteKey?: string;
  /** For `range`, `maxLength` and `maxItems`: the nearest value past the bound (maximum+1, a string of maxLength+1). */
  boundary?: unknown;
}

/** `/occurrences/0/status` for `["occurrences", "[]", "status"]`. */
export function instancePathOf(steps: readonly Step[]): string {
  return steps.map((step) => `/${step === ITEM ? "0" : escapeSegment(step)}`).join("");
}

/** JSON type names as JSON Schema's `type` sees a value (an integral number is also an integer). */
function fitsType(value: unknown, type: string): boolean {
  switch (type) {
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "number":
      return typeof value === "number";
    case "string":
      return typeof value === "string";
    case "boolean":
      return typeof value === "boolean";
    case "null":
      return value === null;
    case "array":
      return Array.isArray(value);
    case "object":
      return isRecord(value);
    default:
      return false;
  }
}

const anyJsonType: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.boolean(),
  fc.constant(null),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((value) => !Number.isInteger(value)),
  fc.dictionary(fc.stringMatching(/^[a-z]{1,6}$/), fc.integer(), { maxKeys: 2, noNullPrototype: true }),
  fc.array(fc.integer(), { maxLength: 2 }),
);

// Values that look close to valid but are not, per format. A hand list on purpose: choosing bad
// values with the validator's own format check would only test the validator against itself.
const BAD_FORMAT_VALUES: Record<string, readonly string[]> = {
  "date-time": ["yesterday", "2022-03-26T07:18:32", "2022-13-01T00:00:00Z", "2022-02-30T10:00:00Z", "2022-03-26T24:61:00Z", "1648194360000"],
  email: ["jchill", "jchill@", "@example.com", "j chill@example.com", "jchill@@example.com"],
  uri: ["example.com/j/11111", "/j/11111", "not a link", ""],
};

/** Every place in the schema at `pointer` where a value can be made invalid, and how. */
export function mutationSites(document: OpenApiDocument, pointer: string): MutationSite[] {
  const sites: MutationSite[] = [];
  const visit = (node: unknown, where: string, refs: readonly string[], steps: readonly Step[]): void => {
    const resolved = resolve(document, node, where, refs);
    const { schema } = resolved;
    const type = schemaType(resolved);
    const at = (kind: MutationKind, detail: string, replacement: fc.Arbitrary<unknown>, boundary?: unknown): void => {
      sites.push({ kind, steps, detail, instancePath: instancePathOf(steps), replacement, ...(boundary === undefined ? {} : { boundary }) });
    };

    if (steps.length > 0 && type !== "enum-only" && type !== "any") {
      at("type", `must be ${type}`, anyJsonType.filter((value) => !fitsType(value, type)));
    }
    if (Array.isArray(schema.enum)) {
      const allowed = schema.enum as unknown[];
      const outside: fc.Arbitrary<unknown> =
        type === "integer"
          ? fc.integer(INT32)
          : type === "string"
            ? fc.oneof(
                fc.string({ unit: "binary", maxLength: 20 }),
                // Near misses: what a careless producer sends for an allowed value.
                fc.constantFrom(...allowed.flatMap((value) => [String(value).toUpperCase(), ` ${String(value)}`, `${String(value)}_v2`])),
              )
            : unsupported(resolved.pointer, `an enum of type ${type}`);
      at("enum", `outside ${JSON.stringify(allowed)}`, outside.filter((value) => !allowed.includes(value)));
      return;
    }
    switch (type) {
      case "integer": {
        const { min, max } = integerRange(resolved);
        if (min > SAFE.min) at("range", `below ${min}`, fc.integer({ min: Math.max(SAFE.min, min - 1_000_000), max: min - 1 }), min - 1);
        if (max < SAFE.max) at("range", `above ${max}`, fc.integer({ min: max + 1, max: Math.min(SAFE.max, max + 1_000_000) }), max + 1);
        return;
      }
      case "number": {
        const min = numberKeyword(resolved, "minimum");
        const max = numberKeyword(resolved, "maximum");
        if (min !== undefined) at("range", `below ${min}`, fc.double({ max: min, noNaN: true, noDefaultInfinity: true }).filter((v) => v < min));
        if (max !== undefined) at("range", `above ${max}`, fc.double({ min: max, noNaN: true, noDefaultInfinity: true }).filter((v) => v > max));
        return;
      }
      case "string": {
        const maxLength = numberKeyword(resolved, "maxLength");
        if (maxLength !== undefined) {
          at("maxLength", `longer than ${maxLength}`, fc.string({ unit: "binary", minLength: maxLength + 1, maxLength: maxLength + 20 }), "x".repeat(maxLength + 1));
        }
        if (typeof schema.pattern === "string") {
          const regex = new RegExp(schema.pattern, "u");
          at("pattern", `not matching ${schema.pattern}`, fc.string({ unit: "binary", maxLength: 12 }).filter((text) => !regex.test(text)));
        }
        if (typeof schema.format === "string") {
          const bad = BAD_FORMAT_VALUES[schema.format];
          if (bad === undefined) unsupported(resolved.pointer, `no known bad values for format ${schema.format}`);
          at("format", `not a ${schema.format}`, fc.constantFrom(...bad));
        }
        return;
      }
      case "array": {
        const maxItems = numberKeyword(resolved, "maxItems");
        if (maxItems !== undefined) {
          // From the node, not its pointer: a flattened allOf has no place in the document.
          const item = schemaArbitraryOf(document, schema.items, `${resolved.pointer}/items`, resolved.refs);
          at("maxItems", `more than ${maxItems} items`, fc.array(item, { minLength: maxItems + 1, maxLength: maxItems + 2 }));
        }
        visit(schema.items, `${resolved.pointer}/items`, resolved.refs, [...steps, ITEM]);
        return;
      }
      case "object": {
        for (const name of requiredNames(resolved)) {
          sites.push({ kind: "required", steps, detail: `without "${name}"`, instancePath: instancePathOf(steps), deleteKey: name });
        }
        for (const [name, child] of Object.entries(properties(resolved))) {
          visit(child, `${resolved.pointer}/properties/${escapeSegment(name)}`, resolved.refs, [...steps, name]);
        }
        return;
      }
      default:
        return;
    }
  };
  visit({ $ref: pointer }, pointer, [], []);
  return sites;
}

/** A copy of `body` with the site broken: the value replaced, or the required property removed. */
export function applyMutation(body: unknown, site: MutationSite, replacement: unknown): unknown {
  const copy = structuredClone(body);
  const path = site.steps.map((step) => (step === ITEM ? "0" : step));
  if (site.kind === "required") {
    const target = getAt(copy, path);
    if (!isRecord(target) || site.deleteKey === undefined) throw new Error(`no object at ${site.instancePath}`);
    delete target[site.deleteKey];
    return copy;
  }
  const parentPath = path.slice(0, -1);
  const last = path[path.length - 1];
  const parent = parentPath.length === 0 ? copy : getAt(copy, parentPath);
  if (last === undefined || typeof parent !== "object" || parent === null) throw new Error(`no place for ${site.instancePath}`);
  (parent as Record<string, unknown>)[last] = replacement;
  return copy;
}
