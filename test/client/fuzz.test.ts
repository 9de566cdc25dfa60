// fast-check properties for issue 11: any id is refused or stays in the template; any error body
// gives a ZoomApiError after a bounded amount of reading. Replay a failure with the seed and
// path fast-check prints (fc.assert(..., { seed, path })).
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { createZoomClient, getWebinar, ZoomApiError } from "../../src/index.js";
import { MAX_TEXT_INPUT, textSnippet } from "../../src/client/response-text.js";
import { countingFetch } from "./support/counting-fetch.js";
import { manualClock } from "./support/manual-clock.js";
import { recurringWebinar } from "./support/spec-examples.js";

// Work per test is bounded by counts (runs, bytes); the timeout is only a net for a machine
// shared by many processes.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

// Code units chosen to hit every special case: dots, slashes, percent signs, URL delimiters,
// whitespace, lone and paired surrogates, plus any code point.
const idUnit = fc.oneof(
  fc.constantFrom(".", "/", "%", "%2e", "%2F", "?", "#", "\\", " ", "\t", "\n", "\uD800", "\uDFFF", "😀", ";", "@", ":"),
  fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
);
const anyId = fc.oneof(fc.constantFrom(".", "..", "", " "), fc.string({ unit: idUnit, maxLength: 12 }), fc.string({ unit: "binary", maxLength: 40 }));

describe("any string as a path parameter", () => {
  // The fetch sees the Request exactly as it goes on the wire (the URL parser has already resolved
  // any dot segment), so capturing it in memory is as strict as loopback and much cheaper; the
  // loopback versions of these attacks are in hostile-server.test.ts.
  it("is refused with TypeError before sending, or sent inside the template and decoded back", async () => {
    const sent: string[] = [];
    const zoom = createZoomClient({
      baseUrl: "http://127.0.0.1:9/v2",
      accessToken: "fuzz-token",
      clock: manualClock().clock,
      fetch: async (input) => {
        sent.push(new URL(input instanceof Request ? input.url : String(input)).pathname);
        return new Response(JSON.stringify(recurringWebinar()), { status: 200, headers: { "Content-Type": "application/json" } });
      },
    });
    await fc.assert(
      fc.asyncProperty(anyId, anyId, async (accountId, webinarId) => {
        const before = sent.length;
        const outcome = await getWebinar(zoom, { accountId, webinarId }).then(
          () => undefined,
          (e: unknown) => e,
        );
        if (outcome instanceof TypeError) {
          expect(sent.length).toBe(before);
          return;
        }
        expect(outcome).toBeUndefined();
        expect(sent.length).toBe(before + 1);
        const match = /^\/v2\/accounts\/([^/?#]+)\/webinars\/([^/?#]+)$/.exec(sent[before] ?? "");
        expect(match).not.toBeNull();
        expect(decodeURIComponent(match?.[1] ?? "")).toBe(accountId);
        const wire = decodeURIComponent(match?.[2] ?? "");
        // UUIDs starting with "/" or holding "//" are encoded twice, as Zoom requires.
        expect(webinarId.startsWith("/") || webinarId.includes("//") ? decodeURIComponent(wire) : wire).toBe(webinarId);
      }),
      { numRuns: 300 },
    );
  });
});

const KiB = 1024;
const MiB = 1024 * KiB;
const hostileText = fc.oneof(
  fc.string({ maxLength: 2000 }),
  fc
    .tuple(fc.constantFrom("<script", "<", "<!--", "<style>", "&amp;", "a", "\u0000", "{\"code\":", "<a href='", " "), fc.integer({ min: 1, max: 3 * MiB }))
    .map(([unit, bytes]) => unit.repeat(Math.ceil(bytes / unit.length))),
  fc.tuple(fc.integer({ min: 0, max: 999 }), fc.string({ maxLength: 50 }), fc.integer({ min: 1, max: 200_000 })).map(([code, word, n]) => JSON.stringify({ code, message: word.repeat(n), errors: [{ field: word, message: word }] })),
);

describe("any error body up to a few MB", () => {
  it("gives a ZoomApiError after reading at most the error-body limit, with a short message", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(400, 401, 404, 429, 500, 502, 503), hostileText, async (status, body) => {
        const bytes = new TextEncoder().encode(body);
        // In memory, in 64 KiB chunks as a socket would deliver them.
        const upstream: typeof fetch = async () =>
          new Response(
            new ReadableStream<Uint8Array>({
              start(controller) {
                for (let i = 0; i < bytes.length; i += 64 * KiB) controller.enqueue(bytes.subarray(i, i + 64 * KiB));
                controller.close();
              },
            }),
            { status, headers: { "Content-Type": "text/html" } },
          );
        const counting = countingFetch(upstream);
        const zoom = createZoomClient({ baseUrl: "http://127.0.0.1:9/v2", accessToken: "fuzz-token", fetch: counting.fetch, retry: { retries: 0 }, clock: manualClock().clock });
        const error = await getWebinar(zoom, { accountId: "a", webinarId: "1" }).then(
          () => expect.fail("an error status must reject"),
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(ZoomApiError);
        expect((error as ZoomApiError).status).toBe(status);
        expect((error as ZoomApiError).message.length).toBeLessThanOrEqual(1000);
        // Bounded work: never more than the 64 KiB error limit plus the chunk in hand is read.
        expect(counting.pulled()).toBeLessThanOrEqual(128 * KiB);
      }),
      { numRuns: 30 },
    );
  });

  it("the snippet of any text depends only on its first MAX_TEXT_INPUT characters", () => {
    fc.assert(
      fc.property(hostileText, fc.string({ maxLength: 100 }), (text, tail) => {
        // Whatever follows the first MAX_TEXT_INPUT characters is never looked at.
        const head = text.slice(0, MAX_TEXT_INPUT);
        expect(textSnippet(text)).toBe(textSnippet(text.length > MAX_TEXT_INPUT ? head + tail : head));
      }),
      { numRuns: 25 },
    );
  });
});
