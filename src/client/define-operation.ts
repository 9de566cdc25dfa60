import { callOperation } from "./call-operation.js";
import type { ZoomClient } from "./create-zoom-client.js";
import type { CallOptions, OperationDescriptor, OperationFunction, OperationId } from "./operation-types.js";

/**
 * The function generated/operations.ts exports for one operation. Every operation goes through
 * the one `callOperation`, so forty-five of them cost a descriptor each, not a copy of the caller.
 */
export function defineOperation<K extends OperationId>(operation: OperationDescriptor<K>): OperationFunction<K> {
  const call =
    operation.body === undefined
      ? (client: ZoomClient, params: unknown, options?: CallOptions) => callOperation(client, operation, params, undefined, options)
      : (client: ZoomClient, params: unknown, body: unknown, options?: CallOptions) => callOperation(client, operation, params, body, options);
  return Object.assign(call, { operation }) as unknown as OperationFunction<K>;
}
