import type { ResponseMismatch } from "./zoom-api-error.js";
// placeholder until src/validation/openapi-ajv.ts exists
export function findWebinarMismatches(_body: unknown): ResponseMismatch[] | undefined {
  return undefined;
}
