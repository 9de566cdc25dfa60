/**
 * Fact tables: what the contract states, row by row, with the sources each fact comes from.
 *
 * Every file `test/contract/facts/<area>.facts.ts` is loaded by `test/contract/facts.test.ts`
 * (vitest `import.meta.glob("./facts/*.facts.ts")`), so a new area needs only a new file. A
 * fact file exports:
 *
 * - `schemaFacts: SchemaFacts` — for each component schema it covers, one row per node:
 *   `""` is the component itself, `"a"` a property, `"a.b"` a property of an inline object,
 *   `"a[]"` the items of an array, `"a[].b"` a property of those items, `"allOf[0]"` the first
 *   member of an `allOf` (`"a[].allOf[0]"` one of the items' members). A row whose node is a
 *   `$ref` to another component is checked against that component (its type, its
 *   `x-sources`; `ref` names the component); the rows for its own properties live under its own
 *   name. Every node of a covered component must have a row, every name in a `required` list a
 *   row stating `required: true`, and every row must match the contract exactly: `sources`
 *   equals the node's `x-sources`, `keywordSources` its `x-keyword-sources`, and each keyword
 *   (type, format, enum, default, bounds, pattern, deprecated, required) is present exactly
 *   when the row states it. `required: true` means the parent lists the property in
 *   `required`.
 * - Properties are addressed in the merged view of `allOf`, the way a validator reads it:
 *   `"a"` is the node's own property `a`, else `a` of its first `allOf` member (followed through
 *   `$ref`) that has one, and `required` is the union of the node's and its members' lists. So
 *   the properties of an inline member are rows of the component (`"b"`, not `"allOf[1].b"`),
 *   those of a referenced member live with that component, and a row may still reach one
 *   (`"tracking_fields[].field"`) to state that this component requires it.
 * - optionally `operationFacts: OperationFacts` — for each operationId: method, path, its only
 *   2xx status, every 4xx status (but 401 and 429, which every operation shares) with the Zoom
 *   codes documented under it, scopes (each declared by a security scheme), rate-limit category
 *   (or none) and parameters, each part with its sources; where stated, the tag, the components
 *   of the JSON bodies and a parameter's pattern.
 *
 * Source ids are those of the root `x-sources` registry in openapi/openapi.yaml.
 */
import type { components } from "../../../generated/schema.js";

export type SourceId =
  | "page"
  | "zoom-spec-2023"
  | "zoom-sdk-2026"
  | `zoom-changelog-${string}`
  | `zoom-issues-${string}`
  | `rfc${number}`
  | "zoom-granular-scopes";

export type ComponentSchemaName = keyof components["schemas"];

export type JsonType = "string" | "integer" | "number" | "boolean" | "object" | "array";

export interface FieldFact {
  /** The node's `x-sources`, in the same order. */
  sources: readonly SourceId[];
  /** Absent where no source states a type (the contract then accepts any JSON value). */
  type?: JsonType;
  format?: string;
  enum?: readonly (string | number)[];
  default?: string | number | boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  deprecated?: true;
  required?: true;
  /** The node's `x-keyword-sources`: keywords whose source differs from `sources`. */
  keywordSources?: Readonly<Record<string, readonly SourceId[]>>;
  /** The component the node is a `$ref` to; checked where stated (the row's keywords are then that component's). */
  ref?: ComponentSchemaName;
}

export type SchemaFacts = Partial<Record<ComponentSchemaName, Record<string, FieldFact>>>;

export interface ParameterFact {
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  type: JsonType;
  /** The schema's pattern; checked where stated. */
  pattern?: string;
  sources: readonly SourceId[];
}

/** The component schemas of an operation's JSON bodies; a side left out has no JSON body. */
export interface BodyFacts {
  request?: ComponentSchemaName;
  response?: ComponentSchemaName;
}

export interface OperationFact {
  method: "get" | "put" | "post" | "delete" | "patch";
  path: string;
  /** The operation's only 2xx status. */
  successStatus: string;
  /** The one tag of the operation; checked where stated. */
  tag?: string;
  /** Checked where stated: the success answer's and the (required) request body's components. */
  bodies?: BodyFacts;
  /**
   * Every 4xx status but 401 and 429 → the Zoom error codes documented under it: each is described
   * and has an example, and the examples show these codes and no other.
   */
  errors: Readonly<Record<string, readonly number[]>>;
  /** Zoom error code → the sources that place it under its status. */
  errorSources: Readonly<Record<number, readonly SourceId[]>>;
  /** Scopes of each alternative security requirement. */
  scopes: readonly (readonly string[])[];
  /** Named by the description and `x-rate-limit-category`; absent: neither, and the description says "not stated". */
  rateLimitCategory?: "Light" | "Medium" | "Heavy" | "Resource-intensive";
  /** After OpenAPI's rule: an operation's parameter replaces the path's one of the same name and place. */
  parameters: Readonly<Record<string, ParameterFact>>;
  sources: readonly SourceId[];
}

export type OperationFacts = Record<string, OperationFact>;

/** What a `*.facts.ts` module exports. */
export interface FactModule {
  schemaFacts: SchemaFacts;
  operationFacts?: OperationFacts;
}
