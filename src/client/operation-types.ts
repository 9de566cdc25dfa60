// The types of every operation, read from the contract's generated `operations` (schema.d.ts):
// nothing here names a field, so a contract change reaches every signature at once.
import type { operations } from "../../generated/schema.js";
import type { ZoomClient } from "./create-zoom-client.js";

export type OperationId = keyof operations;
type Operation<K extends OperationId> = operations[K];
type NonNever<T> = [T] extends [never] ? Record<never, never> : T;

/** A numeric webinar ID may be passed as the number Zoom returns it as (`Webinar["id"]`). */
type WithNumericIds<P> = { [N in keyof P]: N extends "webinarId" ? P[N] | number : P[N] };

type PathParams<K extends OperationId> = WithNumericIds<Operation<K>["parameters"]["path"]>;
type QueryParams<K extends OperationId> = NonNever<NonNullable<Operation<K>["parameters"]["query"]>>;

/** Path and query parameters in one object: path ones by their template names, query ones as Zoom spells them. */
export type OperationParams<K extends OperationId> = PathParams<K> & QueryParams<K>;

type RequestContent<K extends OperationId> = Operation<K> extends { requestBody?: infer B }
  ? NonNullable<B> extends { content: infer C }
    ? C
    : never
  : never;

/** What an upload field accepts: the bytes, or the path of a file to read (Node only). */
export type UploadFile = Blob | Uint8Array | string;
/** A multipart body as the caller writes it: its binary fields take an {@link UploadFile}. */
export type UploadBody<M> = { [F in keyof M]: M[F] extends string ? UploadFile : M[F] };

/** The request body: the JSON object, or for uploads the form's fields. `never` when the operation takes none. */
export type OperationBody<K extends OperationId> = RequestContent<K> extends { "application/json": infer J }
  ? J
  : RequestContent<K> extends { "multipart/form-data": infer M }
    ? UploadBody<M>
    : never;

type Responses<K extends OperationId> = Operation<K>["responses"];
type SuccessStatus<K extends OperationId> = Extract<keyof Responses<K>, 200 | 201 | 202 | 204>;

/** What the call resolves with: the parsed 2xx body, or `undefined` for 204 No Content. */
export type OperationResult<K extends OperationId> = Responses<K>[SuccessStatus<K>] extends {
  content: { "application/json": infer R };
}
  ? R
  : undefined;

export interface CallOptions {
  /** Aborts the call, including any wait between retries; an abort is never retried. */
  signal?: AbortSignal;
  /**
   * Extra request headers for this call (e.g. `Prefer: code=404` for the mock). Checked before
   * anything is sent; `Authorization` is refused, since the client sets it.
   */
  headers?: HeadersInit;
}

/** How a list operation pages, as the pipeline read it from the contract. */
export interface PageDescriptor {
  /** The array of the answer that holds the items (e.g. `registrants`). */
  readonly items: string;
  /** The operation takes and returns `next_page_token`. */
  readonly token: boolean;
  /** The operation takes `page_number` and returns `page_count`. */
  readonly number: boolean;
  /** Largest `page_size` Zoom accepts, when the operation takes one. */
  readonly maxSize?: number;
}

/** What an upload operation accepts, as the contract states it. */
export interface UploadDescriptor {
  /** The multipart field that carries the file. */
  readonly field: string;
  /** Media types Zoom accepts for it. */
  readonly types: readonly string[];
  /** Largest file in bytes (`x-max-file-size`). */
  readonly maxBytes: number;
}

/** The shape of a standalone response validator module in generated/validators/. */
export interface ValidatorModule {
  validate: unknown;
}

/** One operation, as `npm run generate` describes it in generated/operations.ts. */
export interface OperationDescriptor<K extends OperationId = OperationId> {
  readonly id: K;
  readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** The path template, e.g. `/accounts/{accountId}/webinars/{webinarId}`. */
  readonly path: string;
  readonly pathParams: readonly string[];
  readonly query: readonly string[];
  /** How the body is sent; absent when the operation takes none. */
  readonly body?: "json" | "multipart";
  /** The request body must be given. */
  readonly bodyRequired?: boolean;
  /** The documented 2xx status. */
  readonly success: number;
  /** The schema of the 2xx body, for messages. */
  readonly schema?: string;
  /** Loads the standalone validator of the 2xx body: only when a call first validates one. */
  readonly validator?: () => Promise<ValidatorModule>;
  readonly page?: PageDescriptor;
  readonly upload?: UploadDescriptor;
}

/**
 * What a list operation's descriptor adds at the type level: `page` is present and names its
 * items array `I`. Nothing for other operations (`I` = never).
 */
export type PagedDescriptor<I extends string> = [I] extends [never]
  ? unknown
  : { readonly page: PageDescriptor & { readonly items: I } };

type HasBody<K extends OperationId> = [OperationBody<K>] extends [never] ? false : true;

/**
 * A callable operation: `(client, params, options?)`, or `(client, params, body, options?)` when
 * it takes a body. `operation` describes it (for `paginate`, and for tools).
 */
export type OperationFunction<K extends OperationId, I extends string = never> = (HasBody<K> extends true
  ? (client: ZoomClient, params: OperationParams<K>, body: OperationBody<K>, options?: CallOptions) => Promise<OperationResult<K>>
  : (client: ZoomClient, params: OperationParams<K>, options?: CallOptions) => Promise<OperationResult<K>>) & {
  readonly operation: OperationDescriptor<K> & PagedDescriptor<I>;
};
