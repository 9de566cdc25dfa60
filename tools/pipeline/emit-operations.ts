// Writes generated/operations.ts: one exported function per operation of the bundled contract,
// each a descriptor handed to the client's one caller (src/client/define-operation.ts). Every
// string from the contract enters the output through JSON.stringify or a checked identifier.
import { isRecord } from "../../src/util/json-pointer.js";
import { validatorFile } from "../spec/generated-files.js";
import { followRefs, resolveObject } from "../spec/refs.js";
import { responseSchemaUses, type ResponseSchemaUse } from "../spec/response-schemas.js";

const METHODS = ["get", "post", "put", "patch", "delete"] as const;
const IDENTIFIER = /^[a-z][A-Za-z0-9]{0,99}$/;
const SCHEMA_NAME = /^[A-Z][A-Za-z0-9]{0,99}$/;
const SCHEMA_PREFIX = "#/components/schemas/";

export interface OperationSummary {
  id: string;
  method: string;
  path: string;
  pathParams: string[];
  query: string[];
  body?: "json" | "multipart";
  success: number;
  schema?: string;
  page?: { items: string; token: boolean; number: boolean; maxSize?: number };
  upload?: { field: string; types: string[]; maxBytes: number };
  summary: string;
  deprecated: boolean;
}

/** Thrown for a contract the generator cannot turn into safe code; the pipeline reports it as a problem. */
export class OperationsError extends Error {
  override readonly name = "OperationsError";
}

/** The operations of a bundled document, in document order. */
export function readOperations(document: Record<string, unknown>): OperationSummary[] {
  const paths = isRecord(document.paths) ? document.paths : {};
  const found: OperationSummary[] = [];
  const ids = new Set<string>();
  const responseUses = new Map(responseSchemaUses(document).map((use) => [`${use.operation} ${use.status}`, use] as const));
  for (const [template, item] of Object.entries(paths)) {
    const pathItem = resolveObject(document, item);
    if (pathItem === undefined) continue;
    for (const method of METHODS) {
      const operation = resolveObject(document, pathItem[method]);
      if (operation === undefined) continue;
      const where = `${method.toUpperCase()} ${template}`;
      const id = operation.operationId;
      if (typeof id !== "string" || !IDENTIFIER.test(id)) {
        throw new OperationsError(`${where}: operationId must be a camelCase identifier to name its function, got ${JSON.stringify(id)}`);
      }
      if (ids.has(id)) throw new OperationsError(`${where}: operationId ${id} is used twice`);
      ids.add(id);
      found.push(describe(document, template, method, pathItem, operation, id, where, responseUses));
    }
  }
  return found;
}

function describe(
  document: Record<string, unknown>,
  template: string,
  method: string,
  pathItem: Record<string, unknown>,
  operation: Record<string, unknown>,
  id: string,
  where: string,
  responseUses: ReadonlyMap<string, ResponseSchemaUse>,
): OperationSummary {
  const parameters = new Map<string, Record<string, unknown>>();
  for (const list of [pathItem.parameters, operation.parameters]) {
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      const parameter = resolveObject(document, entry);
      if (parameter === undefined || typeof parameter.name !== "string") continue;
      // An operation's parameter replaces the path item's one of the same name and place.
      parameters.set(`${String(parameter.in)}:${parameter.name}`, parameter);
    }
  }
  const pathParams = [...template.matchAll(/\{([^}]*)\}/g)].map((match) => match[1] ?? "");
  for (const name of pathParams) {
    if (!parameters.has(`path:${name}`)) throw new OperationsError(`${where}: path parameter {${name}} is not declared`);
  }
  const query = [...parameters.values()].filter((p) => p.in === "query").map((p) => p.name as string);
  for (const name of [...pathParams, ...query]) {
    // Parameter names become property names in the generated types, quoted; still keep them tame.
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,99}$/.test(name)) throw new OperationsError(`${where}: parameter name ${JSON.stringify(name)} is not a plain identifier`);
  }

  const summary: OperationSummary = {
    id,
    method: method.toUpperCase(),
    path: template,
    pathParams,
    query,
    success: 0,
    summary: typeof operation.summary === "string" ? operation.summary : id,
    deprecated: operation.deprecated === true,
  };

  const requestBody = resolveObject(document, operation.requestBody);
  const content = isRecord(requestBody?.content) ? requestBody.content : undefined;
  if (content?.["application/json"] !== undefined) summary.body = "json";
  else if (isRecord(content?.["multipart/form-data"])) {
    summary.body = "multipart";
    summary.upload = uploadOf(document, content["multipart/form-data"], where);
  } else if (content !== undefined) {
    throw new OperationsError(`${where}: request media types ${Object.keys(content).join(", ")} are not supported by the client`);
  }

  const responses = isRecord(operation.responses) ? operation.responses : {};
  const success = Object.keys(responses).filter((status) => /^2\d\d$/.test(status));
  if (success.length !== 1) throw new OperationsError(`${where}: expected exactly one 2xx response, found ${success.length}`);
  summary.success = Number(success[0]);
  // The validators step writes a module for exactly the schemas responseSchemaUses names, so the
  // operation imports the one it finds for this response.
  const use = responseUses.get(`${id} ${summary.success}`);
  if (use !== undefined) {
    const name = use.schema;
    if (name === undefined || !SCHEMA_NAME.test(name)) {
      throw new OperationsError(`${where}: the ${summary.success} JSON body must be a $ref to a PascalCase component schema, to have a validator`);
    }
    summary.schema = name;
    if (method === "get" && id.startsWith("list")) {
      const page = pageOf(document, name, parameters);
      if (page !== undefined) summary.page = page;
    }
  }
  return summary;
}

/** The array a list answer carries its items in (the only one), and how the operation pages. */
function pageOf(document: Record<string, unknown>, schemaName: string, parameters: Map<string, Record<string, unknown>>): OperationSummary["page"] {
  const properties = propertiesOf(document, `${SCHEMA_PREFIX}${schemaName}`);
  const arrays = [...properties].filter(([, schema]) => resolveObject(document, schema)?.type === "array").map(([name]) => name);
  if (arrays.length !== 1) return undefined;
  const pageSize = parameters.get("query:page_size");
  const maximum = pageSize === undefined ? undefined : resolveObject(document, pageSize.schema)?.maximum;
  return {
    items: arrays[0] as string,
    token: parameters.has("query:next_page_token") && properties.has("next_page_token"),
    number: parameters.has("query:page_number") && properties.has("page_count"),
    ...(typeof maximum === "number" && Number.isSafeInteger(maximum) ? { maxSize: maximum } : {}),
  };
}

/** Every property of a schema, through `$ref` and `allOf`. */
function propertiesOf(document: Record<string, unknown>, ref: string, depth = 0): Map<string, unknown> {
  const found = new Map<string, unknown>();
  if (depth > 20) return found;
  const schema = resolveObject(document, { $ref: ref });
  if (schema === undefined) return found;
  const collect = (node: Record<string, unknown>, level: number): void => {
    if (level > 20) return;
    if (isRecord(node.properties)) for (const [name, value] of Object.entries(node.properties)) found.set(name, value);
    if (Array.isArray(node.allOf)) {
      for (const branch of node.allOf) {
        const target = resolveObject(document, branch);
        if (target !== undefined) collect(target, level + 1);
      }
    }
  };
  collect(schema, 0);
  return found;
}

/** The file field of a multipart body, with the media types and size the contract allows. */
function uploadOf(document: Record<string, unknown>, media: Record<string, unknown>, where: string): NonNullable<OperationSummary["upload"]> {
  const schema = followRefs(document, media.schema).node;
  const properties = isRecord(schema) && isRecord(schema.properties) ? schema.properties : {};
  const files = Object.entries(properties).filter(([, value]) => isRecord(value) && value.format === "binary");
  const [file] = files;
  if (files.length !== 1 || file === undefined) throw new OperationsError(`${where}: a multipart body needs exactly one binary field, found ${files.length}`);
  const [field, property] = file as [string, Record<string, unknown>];
  const encoding = isRecord(media.encoding) && isRecord(media.encoding[field]) ? media.encoding[field] : {};
  const types = typeof encoding.contentType === "string" ? encoding.contentType.split(",").map((type) => type.trim()).filter(Boolean) : [];
  const maxBytes = property["x-max-file-size"];
  if (types.length === 0) throw new OperationsError(`${where}: the encoding of \`${field}\` must list the accepted contentType`);
  if (typeof maxBytes !== "number" || !Number.isSafeInteger(maxBytes) || maxBytes <= 0) {
    throw new OperationsError(`${where}: \`${field}\` must state its size limit in x-max-file-size`);
  }
  return { field, types, maxBytes };
}

/** The text of generated/operations.ts. */
export function emitOperations(document: Record<string, unknown>, specEntry: string): string {
  const operations = readOperations(document);
  const out = [
    "/**",
    ` * Generated by \`npm run generate\` from ${commentText(specEntry)} (bundled): one function per operation,`,
    " * named by its operationId. Do not edit: change the spec and regenerate.",
    " */",
    'import { defineOperation } from "../src/client/define-operation.js";',
    'import type { OperationFunction } from "../src/client/operation-types.js";',
    "",
  ];
  for (const operation of operations) {
    const descriptor: Record<string, unknown> = {
      id: operation.id,
      method: operation.method,
      path: operation.path,
      pathParams: operation.pathParams,
      query: operation.query,
      ...(operation.body ? { body: operation.body } : {}),
      success: operation.success,
      ...(operation.schema ? { schema: operation.schema } : {}),
      ...(operation.page ? { page: operation.page } : {}),
      ...(operation.upload ? { upload: operation.upload } : {}),
    };
    const fields = Object.entries(descriptor).map(([key, value]) => `  ${key}: ${JSON.stringify(value)},`);
    if (operation.schema) fields.push(`  validator: () => import(${JSON.stringify(`./${validatorFile(operation.schema)}`)}),`);
    out.push(
      "/**",
      ` * ${commentText(operation.summary)}: \`${operation.method} ${commentText(operation.path)}\`.`,
      ...(operation.deprecated ? [" * @deprecated Zoom marks this operation as deprecated."] : []),
      " */",
      // A list operation also names its items array in the type, so `paginate` accepts only those.
      // The type is written out so declarations need no type checker (isolatedDeclarations).
      `export const ${operation.id}: OperationFunction<${JSON.stringify(operation.id)}${operation.page ? `, ${JSON.stringify(operation.page.items)}` : ""}> = /* @__PURE__ */ defineOperation({`,
      ...fields,
      "});",
      "",
    );
  }
  return out.join("\n");
}

/** Text that goes inside a block comment: one line, and never its end. */
function commentText(text: string): string {
  return text.replace(/\s+/g, " ").trim().replace(/\*\//g, "*\\/");
}
