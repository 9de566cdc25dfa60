// The named response examples of an operation, read from the bundled contract: what Prism can
// be asked for with `Prefer: code=…, example=…`.
import type { OpenApiDocument } from "../spec/openapi-ajv.js";
import { escapeSegment, getAt, isRecord, parsePointer } from "../../src/util/json-pointer.js";
import { followRefs } from "../spec/refs.js";

export interface ResponseExample {
  /** The HTTP status the example belongs to. */
  status: number;
  /** The example's key under the response's media type; Prism's `example=` takes this name. */
  name: string;
  mediaType: string;
  value: unknown;
  /** JSON pointer of the response's schema in the document (after following `$ref`s). */
  schemaPointer: string;
}

export const GET_WEBINAR_PATH = "/accounts/{accountId}/webinars/{webinarId}";

/**
 * Every named example of every numbered response of `method path`, in document order.
 * Throws when the operation is missing or an example has no value, so a test built on the list
 * cannot pass by finding nothing.
 */
export function responseExamples(document: OpenApiDocument, path = GET_WEBINAR_PATH, method = "get"): ResponseExample[] {
  const operationPointer = `#/paths/${escapeSegment(path)}/${method}`;
  const operation = getAt(document, parsePointer(operationPointer));
  if (!isRecord(operation) || !isRecord(operation.responses)) throw new Error(`the contract has no responses at ${operationPointer}`);

  const found: ResponseExample[] = [];
  for (const [statusKey, responseOrRef] of Object.entries(operation.responses)) {
    if (!/^\d{3}$/.test(statusKey)) continue;
    const { node: response, pointer: responsePointer } = followRefs(document, responseOrRef, { pointer: `${operationPointer}/responses/${statusKey}` });
    if (!isRecord(response) || !isRecord(response.content)) continue;
    for (const [mediaType, media] of Object.entries(response.content)) {
      if (!isRecord(media) || !isRecord(media.examples)) continue;
      const schemaPointer = isRecord(media.schema) && typeof media.schema.$ref === "string" ? media.schema.$ref : undefined;
      for (const [name, exampleOrRef] of Object.entries(media.examples)) {
        const { node: example, pointer } = followRefs(document, exampleOrRef, { pointer: `${operationPointer}/responses/${statusKey}/${name}` });
        if (!isRecord(example) || !("value" in example)) throw new Error(`example ${pointer} has no inline value`);
        found.push({
          status: Number(statusKey),
          name,
          mediaType,
          value: example.value,
          schemaPointer: schemaPointer ?? `${responsePointer}/content/${escapeSegment(mediaType)}/schema`,
        });
      }
    }
  }
  return found;
}

/** The value of a named parameter component's example (`AccountId`), or its first `examples` entry. */
export function parameterExample(document: OpenApiDocument, component: string): string {
  const parameter = document.components?.parameters;
  const node = isRecord(parameter) ? parameter[component] : undefined;
  if (isRecord(node)) {
    if (node.example !== undefined) return String(node.example);
    if (isRecord(node.examples)) {
      const first = Object.values(node.examples)[0];
      if (isRecord(first) && first.value !== undefined) return String(first.value);
    }
  }
  throw new Error(`the contract's parameter ${component} has no example`);
}
