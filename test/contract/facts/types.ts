/**
 * Fact tables: what the contract states, row by row, with the sources each fact comes from.
 *
 * Every file `test/contract/facts/<area>.facts.ts` is loaded by `test/contract/facts.test.ts`
 * (vitest `import.meta.glob("./facts/*.facts.ts")`), so a new area needs only a new file. A
 * fact file exports:
 *
 * - `schemaFacts: SchemaFacts` — for each component schema it covers, one row per node:
 *   `""` is the component itself, `"a"` a property, `"a.b"` a property of an inline object,
 *   `"a[]"` the items of an array, `"a[].b"` a property of those items. A row whose node is a
 *   `$ref` to another component is checked against that component (its type, its
 *   `x-sources`); the rows for its own properties live under its own name. Every node of a
 *   covered component must have a row, and every row must match the contract exactly:
 *   `sources` equals the node's `x-sources`, `keywordSources` its `x-keyword-sources`, and each
 *   keyword (type, format, enum, default, bounds, pattern, deprecated, required) is present
 *   exactly when the row states it. `required: true` means the parent lists the property in
 *   `required`.
 * - optionally `operationFacts: OperationFacts` — for each operationId: method, path, success
 *   status, error statuses with the Zoom codes documented under them, scopes, rate-limit
 *   category and parameters, each part with its sources.
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
}

export type SchemaFacts = Partial<Record<ComponentSchemaName, Record<string, FieldFact>>>;

export interface ParameterFact {
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  type: JsonType;
  sources: readonly SourceId[];
}

export interface OperationFact {
  method: "get" | "put" | "post" | "delete" | "patch";
  path: string;
  successStatus: string;
  /** HTTP status → the Zoom error codes documented under it. */
  errors: Readonly<Record<string, readonly number[]>>;
  /** Zoom error code → the sources that place it under its status. */
  errorSources: Readonly<Record<number, readonly SourceId[]>>;
  /** Scopes of each alternative security requirement. */
  scopes: readonly (readonly string[])[];
  rateLimitCategory?: "Light" | "Medium" | "Heavy" | "Resource-intensive";
  parameters: Readonly<Record<string, ParameterFact>>;
  sources: readonly SourceId[];
}

export type OperationFacts = Record<string, OperationFact>;

/** What a `*.facts.ts` module exports. */
export interface FactModule {
  schemaFacts: SchemaFacts;
  operationFacts?: OperationFacts;
}
