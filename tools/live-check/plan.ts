// What the live check calls: every GET operation of the contract (from generated/operations.ts,
// so a new operation is checked without an edit here), with its path parameters from the
// environment, or the variables it still needs.
import * as generated from "../../generated/operations.js";
import type { ZoomClient } from "../../src/client/create-zoom-client.js";
import type { OperationDescriptor } from "../../src/client/operation-types.js";
import { ID_VARIABLES, type LiveCheckConfig } from "./config.js";

/** A generated operation as the check calls it: GET operations take no body. */
export interface ReadOperation {
  (client: ZoomClient, params: Record<string, string>): Promise<unknown>;
  readonly operation: OperationDescriptor;
}

export type PlannedCheck =
  | { kind: "call"; operation: ReadOperation; params: Record<string, string> }
  | { kind: "skip"; operation: ReadOperation; needs: string[] };

function isOperation(value: unknown): value is ReadOperation {
  return typeof value === "function" && typeof (value as Partial<ReadOperation>).operation?.method === "string";
}

/** Every GET operation the package exports, by operationId. */
export function readOperations(): ReadOperation[] {
  return Object.values(generated as Record<string, unknown>)
    .filter(isOperation)
    .filter((fn) => fn.operation.method === "GET")
    .sort((a, b) => (a.operation.id < b.operation.id ? -1 : a.operation.id > b.operation.id ? 1 : 0));
}

/**
 * One entry per operation: called when every path parameter has a value, else skipped with the
 * variables to set. Refuses anything but GET, so no list handed in can make the check write.
 */
export function planChecks(ids: LiveCheckConfig["ids"], operations: readonly ReadOperation[] = readOperations()): PlannedCheck[] {
  return operations.map((operation) => {
    if (operation.operation.method !== "GET") {
      throw new Error(`contract:live calls GET operations only; ${operation.operation.id} is ${operation.operation.method}`);
    }
    const params: Record<string, string> = {};
    const needs: string[] = [];
    for (const name of operation.operation.pathParams) {
      const variable = (ID_VARIABLES as Record<string, string | undefined>)[name];
      const value = (ids as Record<string, string | undefined>)[name];
      if (value !== undefined) params[name] = value;
      else needs.push(variable ?? `a variable for the path parameter ${name} (none is defined)`);
    }
    return needs.length === 0 ? { kind: "call", operation, params } : { kind: "skip", operation, needs };
  });
}
