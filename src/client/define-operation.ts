import { callOperation } from "./call-operation.js";
import type { ZoomClient } from "./create-zoom-client.js";
import type { CallOptions, OperationDescriptor, OperationFunction, OperationId, PagedDescriptor } from "./operation-types.js";

/**
 * The function generated/operations.ts exports for one operation. Every operation goes through
 * the one `callOperation`, so forty-five of them cost a descriptor each, not a copy of the caller.
 * `I` is the items array of a list operation (its `page.items`), for `paginate`'s types.
 */
export function defineOperation<K extends OperationId, I extends string = never>(
  operation: OperationDescriptor<K> & PagedDescriptor<I>,
): OperationFunction<K, I> {
  const call =
    operation.body === undefined
      ? (client: ZoomClient, params: unknown, options?: CallOptions) => callOperation(client, operation, params, undefined, options)
      : (client: ZoomClient, params: unknown, body: unknown, options?: CallOptions) => callOperation(client, operation, params, body, options);
  return Object.assign(call, { operation }) as unknown as OperationFunction<K, I>;
}
