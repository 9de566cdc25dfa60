// Statuses whose Response cannot carry a body (the Response constructor refuses one).
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * `response` with a body that ends in `onExceeded()`'s error as soon as more than `maxBytes`
 * have arrived; the upstream read is cancelled there, so the connection is dropped rather than
 * drained. With `truncate`, the body simply ends at the limit instead (for error bodies, whose
 * start is all a message needs). Nothing is buffered here: whoever reads the body reads it.
 */
export function limitBody(
  response: Response,
  maxBytes: number,
  onExceeded: (limited: Response) => Error,
  truncate = false,
): Response {
  const body = response.body;
  if (body === null || NULL_BODY_STATUSES.has(response.status) || framedWithin(response.headers, maxBytes)) return response;
  const reader = body.getReader();
  let received = 0;
  const limited = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) {
          controller.close();
          return;
        }
        received += value.byteLength;
        if (received <= maxBytes) {
          controller.enqueue(value);
          return;
        }
        if (truncate) {
          controller.enqueue(value.subarray(0, value.byteLength - (received - maxBytes)));
          controller.close();
          await reader.cancel().catch(() => undefined);
          return;
        }
        const error = onExceeded(copy);
        controller.error(error);
        await reader.cancel(error).catch(() => undefined);
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
  const copy = new Response(limited, { status: response.status, statusText: response.statusText, headers: response.headers });
  // The url is what messages name; the Response constructor cannot set it.
  Object.defineProperty(copy, "url", { value: response.url });
  return copy;
}

/**
 * True when HTTP framing already bounds the body: an uncompressed body with a Content-Length
 * within the limit ends there (fetch reads no further on the connection). The common case, and
 * it skips a stream copy per call; compressed or chunked bodies are counted as they stream.
 */
function framedWithin(headers: Headers, maxBytes: number): boolean {
  const length = headers.get("content-length");
  if (length === null || !/^\d{1,15}$/.test(length) || Number(length) > maxBytes) return false;
  const encoding = headers.get("content-encoding");
  return encoding === null || encoding.trim().toLowerCase() === "identity";
}

/** The body as text, failing with `onExceeded()`'s error past `maxBytes` (read cancelled). */
export async function readBoundedText(
  response: Response,
  maxBytes: number,
  onExceeded: () => Error,
): Promise<string> {
  return limitBody(response, maxBytes, onExceeded).text();
}

/** "4 MiB", "64 KiB", "1000 bytes": how a limit is named in messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1 << 20 && bytes % (1 << 20) === 0) return `${bytes / (1 << 20)} MiB`;
  if (bytes >= 1 << 10 && bytes % (1 << 10) === 0) return `${bytes / (1 << 10)} KiB`;
  return `${bytes} bytes`;
}
