import { callOperation, checkCallArguments } from "./call-operation.js";
import type { ZoomClient } from "./create-zoom-client.js";
import type { CallOptions, OperationDescriptor, OperationId, OperationParams, OperationResult, PageDescriptor } from "./operation-types.js";
import { ZoomApiError } from "./zoom-api-error.js";

/** A generated list operation: its descriptor has `page`, naming the array that holds the items. */
export interface PagedOperation {
  readonly operation: OperationDescriptor & { readonly page: PageDescriptor };
}

type IdOf<F extends PagedOperation> = F["operation"]["id"];
type ItemsOf<F extends PagedOperation> = F["operation"]["page"]["items"];

/** One item of a list operation's pages: an element of its `page.items` array. */
export type PageItem<F extends PagedOperation> =
  OperationResult<IdOf<F>> extends infer R
    ? ItemsOf<F> extends keyof R
      ? NonNullable<R[ItemsOf<F>]> extends readonly (infer E)[]
        ? E
        : never
      : never
    : never;

export interface PaginateOptions extends CallOptions {
  /**
   * Most pages requested before giving up with a ZoomApiError (default 1000): a server that
   * never stops, or claims a huge page_count, cannot keep the loop going.
   */
  maxPages?: number;
}

/** Default bound on the pages of one `paginate` run. */
export const DEFAULT_MAX_PAGES = 1000;

/**
 * Iterates over the items of every page of a list operation (`listWebinarRegistrants`,
 * `listWebinars`, …): `for await (const registrant of paginate(listWebinarRegistrants, zoom, params))`.
 *
 * - Pages by `next_page_token` when the operation has one (until Zoom returns an empty or no
 *   token), else by `page_number` 1, 2, … until it reaches `page_count`, else reads one page.
 * - `page_size` defaults to the largest the contract allows for the operation. A
 *   `next_page_token` or `page_number` in `params` is where the iteration starts.
 * - Requests are made one page at a time, as the loop asks for items: breaking out of
 *   `for await` sends nothing more. Each page is one call with the client's auth, timeouts,
 *   retries and validation; a failed page rejects the iteration with its ZoomApiError.
 * - `signal` aborts the iteration: the next step rejects with a ZoomApiError "aborted by the
 *   caller" and no further request is sent.
 * - Against a hostile server: a `next_page_token` seen before, more than `maxPages` pages, a
 *   page whose items field is not an array, or a `next_page_token`/`page_count` of the wrong
 *   type end the iteration with a ZoomApiError naming the operation and the page. A page
 *   without the items field counts as zero items (the contract does not require the array:
 *   Zoom leaves an empty list out on some endpoints).
 *
 * Invalid arguments (not a list operation, params or options of the wrong shape) throw a
 * TypeError at once, before anything is sent.
 */
export function paginate<F extends PagedOperation>(
  operation: F,
  client: ZoomClient,
  params: OperationParams<IdOf<F>>,
  options: PaginateOptions = {},
): AsyncIterableIterator<PageItem<F>> {
  const descriptor = pagedDescriptor(operation);
  if (typeof options !== "object" || options === null) throw new TypeError(`paginate(${descriptor.id}): \`options\` must be an object`);
  const { maxPages = DEFAULT_MAX_PAGES, signal, headers } = options;
  if (!Number.isSafeInteger(maxPages) || maxPages < 1) {
    throw new TypeError(`paginate(${descriptor.id}): \`maxPages\` must be a positive integer`);
  }
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new TypeError(`paginate(${descriptor.id}): \`signal\` must be an AbortSignal`);
  }
  const callOptions: CallOptions = { ...(signal === undefined ? {} : { signal }), ...(headers === undefined ? {} : { headers }) };
  // Everything the first call would refuse is refused now, not on the first `next()`.
  checkCallArguments(descriptor, params, callOptions);
  const start = startingParams(descriptor, params as Record<string, unknown>);
  return pages(client, descriptor, start, callOptions, maxPages) as AsyncIterableIterator<PageItem<F>>;
}

function pagedDescriptor(operation: unknown): OperationDescriptor & { page: PageDescriptor } {
  const descriptor = typeof operation === "function" ? (operation as Partial<PagedOperation>).operation : undefined;
  if (typeof descriptor !== "object" || descriptor === null || typeof descriptor.page !== "object" || descriptor.page === null) {
    const name = typeof descriptor?.id === "string" ? descriptor.id : "the operation";
    throw new TypeError(`paginate: ${name} is not a list operation (pass one of the generated list functions, e.g. listWebinarRegistrants)`);
  }
  return descriptor as OperationDescriptor & { page: PageDescriptor };
}

function startingParams(descriptor: OperationDescriptor & { page: PageDescriptor }, params: Record<string, unknown>): Record<string, unknown> {
  const { id, page, query } = descriptor;
  const start = { ...params };
  if (page.maxSize !== undefined && query.includes("page_size") && start.page_size === undefined) start.page_size = page.maxSize;
  const token = start.next_page_token;
  if (token !== undefined && typeof token !== "string") throw new TypeError(`paginate(${id}): \`next_page_token\` must be a string`);
  const number = start.page_number;
  if (number !== undefined && (typeof number !== "number" || !Number.isSafeInteger(number) || number < 1)) {
    throw new TypeError(`paginate(${id}): \`page_number\` must be a positive integer`);
  }
  // Paging by number sends page_number from the first page on: 1, 2, …
  if (!page.token && page.number && number === undefined) start.page_number = 1;
  return start;
}

type Mode = "token" | "number" | "single";

async function* pages(
  client: ZoomClient,
  descriptor: OperationDescriptor & { page: PageDescriptor },
  start: Record<string, unknown>,
  options: CallOptions,
  maxPages: number,
): AsyncGenerator<unknown, void, undefined> {
  const { id, page } = descriptor;
  const mode: Mode = page.token ? "token" : page.number ? "number" : "single";
  const target = `${descriptor.method} ${descriptor.path}`;
  const fail = (message: string): ZoomApiError => new ZoomApiError({ status: 0, message: `${id}: ${message}`, attempts: 0 });
  const checkAbort = (): void => {
    if (options.signal?.aborted) {
      throw new ZoomApiError({ status: 0, message: `${target}: aborted by the caller`, attempts: 0, cause: options.signal.reason });
    }
  };
  // Tokens already followed, with the page that returned each (the starting one as page 0).
  const seen = new Map<string, number>();
  if (typeof start.next_page_token === "string" && start.next_page_token !== "") seen.set(start.next_page_token, 0);
  let params = start;
  let pageNumber = typeof start.page_number === "number" ? start.page_number : 1;

  for (let count = 1; ; count++) {
    checkAbort();
    if (count > maxPages) throw fail(`more than ${maxPages} pages (maxPages); stopped before requesting page ${count}`);
    const result = await callOperation(client, descriptor, params, undefined, options);
    if (typeof result !== "object" || result === null) throw fail(`page ${count} has no body`);
    const body = result as Record<string, unknown>;
    const items = body[page.items];
    if (items !== undefined && !Array.isArray(items)) throw fail(`page ${count}: \`${page.items}\` is not an array`);

    let next: Record<string, unknown> | undefined;
    if (mode === "token") {
      const token = body.next_page_token;
      if (token !== undefined && token !== null && typeof token !== "string") throw fail(`page ${count}: \`next_page_token\` is not a string`);
      if (typeof token === "string" && token !== "") {
        const earlier = seen.get(token);
        if (earlier !== undefined) {
          const where = earlier === 0 ? "the starting next_page_token" : `page ${earlier}`;
          throw fail(`page ${count} returned the same next_page_token as ${where}; stopped to avoid a loop`);
        }
        seen.set(token, count);
        // The token carries the position; a page_number from the caller applied to the first page only.
        const { page_number: _dropped, ...rest } = params;
        next = { ...rest, next_page_token: token };
      }
    } else if (mode === "number") {
      const pageCount = body.page_count;
      if (pageCount !== undefined && pageCount !== null && (typeof pageCount !== "number" || !Number.isSafeInteger(pageCount) || pageCount < 0)) {
        throw fail(`page ${count}: \`page_count\` is not a non-negative integer`);
      }
      if (typeof pageCount === "number" && pageNumber < pageCount) {
        pageNumber += 1;
        next = { ...params, page_number: pageNumber };
      }
    }

    for (const item of (items as unknown[] | undefined) ?? []) {
      checkAbort();
      yield item;
    }
    if (next === undefined) return;
    params = next;
  }
}
