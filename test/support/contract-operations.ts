// Every operation of the bundled contract (generated/openapi.json) as a table row: its
// parameters with their examples, its request examples and its response examples. The
// per-operation tests are driven from this table, so a new operation in the contract is tested
// without a line written for it, and an operation without examples fails here instead of being
// skipped.
import { readFileSync } from "node:fs";
import { escapeSegment, isRecord } from "../../src/util/json-pointer.js";
import { followRefs } from "../../tools/spec/refs.js";
import { GENERATED_OPENAPI_JSON } from "../../tools/spec/generated-files.js";

const METHODS = ["get", "put", "post", "delete", "patch"] as const;

export interface ParameterRow {
  name: string;
  in: "path" | "query";
  required: boolean;
  deprecated: boolean;
  /** The parameter's `example`, or the value of its first `examples` entry; undefined when it has none. */
  example: unknown;
  /** JSON pointer of the parameter's schema (after following `$ref`s). */
  schemaPointer: string;
}

export interface NamedExample {
  /** The key under `examples`, or `example` for a lone `example` (Prism's `example=` takes the key). */
  name: string;
  value: unknown;
}

export interface RequestBodyRow {
  mediaType: string;
  required: boolean;
  schemaPointer: string;
  examples: NamedExample[];
}

export interface ResponseRow {
  /** The status key as written (`200`, `4XX`). */
  key: string;
  /** The status a server answers with: the key, or `400` for `4XX`. */
  status: number;
  mediaType: string | undefined;
  schemaPointer: string | undefined;
  examples: NamedExample[];
}

export interface OperationRow {
  id: string;
  method: Uppercase<(typeof METHODS)[number]>;
  path: string;
  /** JSON pointer of the operation, for messages. */
  pointer: string;
  parameters: ParameterRow[];
  requestBody: RequestBodyRow | undefined;
  /** The documented 2xx response (the lowest, as Prism picks it). */
  success: ResponseRow;
  /** Every documented 4xx/5xx response. */
  errors: ResponseRow[];
}

export type ContractDocument = Record<string, unknown> & { paths: Record<string, Record<string, unknown>>; components: Record<string, unknown> };

export function loadContract(): ContractDocument {
  return JSON.parse(readFileSync(GENERATED_OPENAPI_JSON, "utf8")) as ContractDocument;
}

function fail(pointer: string, what: string): never {
  throw new Error(`${pointer}: ${what}`);
}

function record(node: unknown, pointer: string): Record<string, unknown> {
  if (!isRecord(node)) fail(pointer, "expected an object");
  return node;
}

function resolved(document: ContractDocument, node: unknown, pointer: string): { node: Record<string, unknown>; pointer: string } {
  const followed = followRefs(document, node, { pointer });
  return { node: record(followed.node, followed.pointer), pointer: followed.pointer };
}

function schemaPointerOf(media: Record<string, unknown>, pointer: string): string {
  const schema = media.schema;
  if (isRecord(schema) && typeof schema.$ref === "string") return schema.$ref;
  return `${pointer}/schema`;
}

function namedExamples(document: ContractDocument, holder: Record<string, unknown>, pointer: string): NamedExample[] {
  const found: NamedExample[] = [];
  if (holder.example !== undefined) found.push({ name: "example", value: holder.example });
  if (isRecord(holder.examples)) {
    for (const [name, exampleOrRef] of Object.entries(holder.examples)) {
      const example = resolved(document, exampleOrRef, `${pointer}/examples/${escapeSegment(name)}`);
      if (!("value" in example.node)) fail(example.pointer, "an example without an inline value");
      found.push({ name, value: example.node.value });
    }
  }
  return found;
}

function parameterRows(document: ContractDocument, pathItem: Record<string, unknown>, operation: Record<string, unknown>, pointer: string, pathPointer: string): ParameterRow[] {
  // Operation-level parameters override path-level ones of the same name and location.
  const byKey = new Map<string, ParameterRow>();
  const add = (list: unknown, where: string): void => {
    if (list === undefined) return;
    if (!Array.isArray(list)) fail(where, "parameters that are not a list");
    list.forEach((item, index) => {
      const { node, pointer: at } = resolved(document, item, `${where}/${index}`);
      const location = node.in;
      if (location !== "path" && location !== "query") fail(at, `a parameter in ${String(location)}, which these tests do not build`);
      const name = node.name;
      if (typeof name !== "string") fail(at, "a parameter without a name");
      const examples = namedExamples(document, node, at);
      byKey.set(`${location} ${name}`, {
        name,
        in: location,
        required: node.required === true,
        deprecated: node.deprecated === true,
        example: examples[0]?.value,
        schemaPointer: isRecord(node.schema) && typeof node.schema.$ref === "string" ? node.schema.$ref : `${at}/schema`,
      });
    });
  };
  add(pathItem.parameters, `${pathPointer}/parameters`);
  add(operation.parameters, `${pointer}/parameters`);
  return [...byKey.values()];
}

function responseRow(document: ContractDocument, key: string, responseOrRef: unknown, pointer: string): ResponseRow {
  const { node: response, pointer: at } = resolved(document, responseOrRef, pointer);
  const status = /^\dXX$/.test(key) ? Number(`${key[0]}00`) : Number(key);
  const content = response.content;
  if (!isRecord(content)) return { key, status, mediaType: undefined, schemaPointer: undefined, examples: [] };
  // JSON first: it is what the client parses; a proxy's text/html page carries no example here.
  const mediaType = Object.keys(content).find((type) => type === "application/json") ?? Object.keys(content)[0];
  if (mediaType === undefined) return { key, status, mediaType: undefined, schemaPointer: undefined, examples: [] };
  const mediaPointer = `${at}/content/${escapeSegment(mediaType)}`;
  const media = record(content[mediaType], mediaPointer);
  return { key, status, mediaType, schemaPointer: schemaPointerOf(media, mediaPointer), examples: namedExamples(document, media, mediaPointer) };
}

/** One row per operation of the contract, in document order. */
export function operationRows(document: ContractDocument = loadContract()): OperationRow[] {
  const rows: OperationRow[] = [];
  for (const [path, pathItemNode] of Object.entries(document.paths)) {
    const pathPointer = `#/paths/${escapeSegment(path)}`;
    const pathItem = record(pathItemNode, pathPointer);
    for (const method of METHODS) {
      const operationNode = pathItem[method];
      if (operationNode === undefined) continue;
      const pointer = `${pathPointer}/${method}`;
      const operation = record(operationNode, pointer);
      const id = operation.operationId;
      if (typeof id !== "string") fail(pointer, "an operation without an operationId");

      let requestBody: RequestBodyRow | undefined;
      if (operation.requestBody !== undefined) {
        const { node: body, pointer: bodyPointer } = resolved(document, operation.requestBody, `${pointer}/requestBody`);
        const content = record(body.content, `${bodyPointer}/content`);
        const mediaTypes = Object.keys(content);
        if (mediaTypes.length !== 1) fail(bodyPointer, `${mediaTypes.length} media types; these tests send one`);
        const mediaType = mediaTypes[0] as string;
        const mediaPointer = `${bodyPointer}/content/${escapeSegment(mediaType)}`;
        const media = record(content[mediaType], mediaPointer);
        requestBody = { mediaType, required: body.required === true, schemaPointer: schemaPointerOf(media, mediaPointer), examples: namedExamples(document, media, mediaPointer) };
      }

      const responses = record(operation.responses, `${pointer}/responses`);
      const all = Object.entries(responses)
        .filter(([key]) => /^[1-5](\d\d|XX)$/.test(key))
        .map(([key, response]) => responseRow(document, key, response, `${pointer}/responses/${key}`));
      const successes = all.filter((row) => row.status >= 200 && row.status < 300).sort((a, b) => a.status - b.status);
      const success = successes[0] ?? fail(pointer, "no 2xx response");
      rows.push({
        id,
        method: method.toUpperCase() as OperationRow["method"],
        path,
        pointer,
        parameters: parameterRows(document, pathItem, operation, pointer, pathPointer),
        requestBody,
        success,
        errors: all.filter((row) => row.status >= 400),
      });
    }
  }
  return rows;
}

/** `{ accountId, webinarId, …, page_size, … }`: every path parameter and every query parameter that has an example. */
export function exampleParams(row: OperationRow): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const parameter of row.parameters) {
    if (parameter.example === undefined) {
      if (parameter.in === "path") fail(row.pointer, `path parameter ${parameter.name} has no example`);
      continue;
    }
    params[parameter.name] = parameter.example;
  }
  return params;
}

/** The smallest valid PNG (a 1×1 transparent pixel), 67 bytes: an upload the contract's types allow. */
export const TINY_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);
