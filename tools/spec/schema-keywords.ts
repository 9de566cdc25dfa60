// The keywords whose values are subschemas (JSON Schema 2020-12, and draft-07's `definitions`),
// for every tool that walks or copies schemas: one table, so a walker cannot miss a keyword.

/** Keywords whose value is one subschema. */
export const SUBSCHEMA_KEYWORDS = ["items", "additionalProperties", "unevaluatedProperties", "unevaluatedItems", "contains", "propertyNames", "not", "if", "then", "else"] as const;
/** Keywords whose value is a map of subschemas. */
export const SUBSCHEMA_MAP_KEYWORDS = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"] as const;
/** Keywords whose value is a list of subschemas. */
export const SUBSCHEMA_LIST_KEYWORDS = ["allOf", "anyOf", "oneOf", "prefixItems"] as const;
