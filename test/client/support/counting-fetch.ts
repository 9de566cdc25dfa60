/**
 * A fetch that counts the response body bytes the client actually pulls, so a test can show that
 * a read stopped at a limit (work bounded by bytes, not by time).
 */
export function countingFetch(inner: typeof fetch = (input, init) => globalThis.fetch(input, init)) {
  let pulled = 0;
  const countedFetch: typeof fetch = async (input, init) => {
    const response = await inner(input, init);
    if (response.body === null) return response;
    const reader = response.body.getReader();
    const counted = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          const { done, value } = await reader.read();
          if (done) {
            controller.close();
            return;
          }
          pulled += value.byteLength;
          controller.enqueue(value);
        },
        cancel: (reason) => reader.cancel(reason),
      },
      { highWaterMark: 0 },
    );
    const copy = new Response(counted, { status: response.status, statusText: response.statusText, headers: response.headers });
    Object.defineProperty(copy, "url", { value: response.url });
    return copy;
  };
  return { fetch: countedFetch, pulled: () => pulled };
}
