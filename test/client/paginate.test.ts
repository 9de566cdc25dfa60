import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  createWebinar,
  listWebinarPanelists,
  listWebinarRegistrants,
  listWebinars,
  paginate,
  ZoomApiError,
} from "../../src/index.js";
import { fastClient, SUB_ACCOUNT } from "./support/clients.js";
import { gated, json, startFakeZoom, type FakeZoom, type Responder } from "./support/fake-zoom.js";

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

let fake: FakeZoom;
beforeEach(async () => {
  fake = await startFakeZoom();
});
afterEach(async () => {
  await fake.close();
});

const WEBINAR = "97871060099";
const USER = "me";
const REGISTRANTS = `/v2/accounts/${SUB_ACCOUNT}/webinars/${WEBINAR}/registrants`;
const WEBINARS = `/v2/accounts/${SUB_ACCOUNT}/users/${USER}/webinars`;
const PANELISTS = `/v2/accounts/${SUB_ACCOUNT}/webinars/${WEBINAR}/panelists`;
const registrantParams = { accountId: SUB_ACCOUNT, webinarId: WEBINAR };

const registrant = (n: number) => ({ id: `r${n}`, email: `r${n}@example.org`, first_name: `R${n}` });
const urls = () => fake.apiRequests.map((request) => request.rawUrl);

/** Everything the iteration yields, or the error it ends with (and the items before it). */
async function drain<T>(iterator: AsyncIterable<T>): Promise<{ items: T[]; error?: unknown }> {
  const items: T[] = [];
  try {
    for await (const item of iterator) items.push(item);
    return { items };
  } catch (error) {
    return { items, error };
  }
}

function zoomError(error: unknown): ZoomApiError {
  expect(error).toBeInstanceOf(ZoomApiError);
  return error as ZoomApiError;
}

describe("paginate: following next_page_token", () => {
  it("reads 3 pages, sends the largest page_size and each token once, in order", async () => {
    fake.api(
      json(200, { page_size: 300, total_records: 4, next_page_token: "tok-2", registrants: [registrant(1), registrant(2)] }),
      json(200, { page_size: 300, total_records: 4, next_page_token: "tok/3+", registrants: [registrant(3)] }),
      json(200, { page_size: 300, total_records: 4, next_page_token: "", registrants: [registrant(4)] }),
    );
    const { zoom } = fastClient(fake);

    const { items, error } = await drain(paginate(listWebinarRegistrants, zoom, { ...registrantParams, status: "approved" }));

    expect(error).toBeUndefined();
    expect(items).toEqual([registrant(1), registrant(2), registrant(3), registrant(4)]);
    expect(urls()).toEqual([
      `${REGISTRANTS}?status=approved&page_size=300`,
      `${REGISTRANTS}?status=approved&page_size=300&next_page_token=tok-2`,
      `${REGISTRANTS}?status=approved&page_size=300&next_page_token=tok%2F3%2B`,
    ]);
  });

  it("stops when the token is missing, and keeps a page_size the caller chose", async () => {
    fake.api(json(200, { next_page_token: "a", registrants: [registrant(1)] }), json(200, { registrants: [registrant(2)] }));
    const { zoom } = fastClient(fake);

    const { items } = await drain(paginate(listWebinarRegistrants, zoom, { ...registrantParams, page_size: 2 }));

    expect(items).toEqual([registrant(1), registrant(2)]);
    expect(urls()).toEqual([`${REGISTRANTS}?page_size=2`, `${REGISTRANTS}?page_size=2&next_page_token=a`]);
  });

  it("starts from the caller's next_page_token, and a page_number given applies to the first page only", async () => {
    fake.api(json(200, { next_page_token: "b", registrants: [registrant(5)] }), json(200, { next_page_token: "", registrants: [] }));
    const { zoom } = fastClient(fake);

    const { items } = await drain(paginate(listWebinarRegistrants, zoom, { ...registrantParams, next_page_token: "a", page_number: 2 }));

    expect(items).toEqual([registrant(5)]);
    expect(urls()).toEqual([
      `${REGISTRANTS}?page_size=300&page_number=2&next_page_token=a`,
      `${REGISTRANTS}?page_size=300&next_page_token=b`,
    ]);
  });

  it("a token seen before ends the iteration with a ZoomApiError naming the operation and the pages", async () => {
    fake.api(
      json(200, { next_page_token: "t2", registrants: [registrant(1)] }),
      json(200, { next_page_token: "t3", registrants: [registrant(2)] }),
      json(200, { next_page_token: "t2", registrants: [registrant(3)] }),
    );
    const { zoom } = fastClient(fake);

    const { items, error } = await drain(paginate(listWebinarRegistrants, zoom, registrantParams));

    const failure = zoomError(error);
    expect(failure.message).toBe("listWebinarRegistrants: page 3 returned the same next_page_token as page 1; stopped to avoid a loop");
    expect(items).toEqual([registrant(1), registrant(2)]);
    expect(fake.apiRequests).toHaveLength(3);
  });

  it("a page repeating the caller's starting token is refused too", async () => {
    fake.api(json(200, { next_page_token: "start", registrants: [registrant(1)] }));
    const { zoom } = fastClient(fake);

    const { error } = await drain(paginate(listWebinarRegistrants, zoom, { ...registrantParams, next_page_token: "start" }));

    expect(zoomError(error).message).toContain("page 1 returned the same next_page_token as the starting next_page_token");
    expect(fake.apiRequests).toHaveLength(1);
  });

  it("a server that never stops is cut off after maxPages pages", async () => {
    let page = 0;
    const endless: Responder = (res, req) => {
      page += 1;
      json(200, { next_page_token: `t${page}`, registrants: [registrant(page)] })(res, req);
    };
    fake.api(endless);
    const { zoom } = fastClient(fake);

    const { items, error } = await drain(paginate(listWebinarRegistrants, zoom, registrantParams, { maxPages: 5 }));

    expect(zoomError(error).message).toBe("listWebinarRegistrants: more than 5 pages (maxPages); stopped before requesting page 6");
    expect(items).toHaveLength(5);
    expect(fake.apiRequests).toHaveLength(5);
  });

  it.each([
    ["a string", { next_page_token: "", registrants: "r1,r2" }, "page 1: `registrants` is not an array"],
    ["null", { next_page_token: "", registrants: null }, "page 1: `registrants` is not an array"],
    ["a number token", { next_page_token: 7, registrants: [] }, "page 1: `next_page_token` is not a string"],
  ])("items or token of the wrong type (%s) → ZoomApiError", async (_name, body, message) => {
    fake.api(json(200, body));
    const { zoom } = fastClient(fake);

    const { error } = await drain(paginate(listWebinarRegistrants, zoom, registrantParams));

    expect(zoomError(error).message).toBe(`listWebinarRegistrants: ${message}`);
  });

  it("a page without the items array counts as zero items, and the next page is still read", async () => {
    fake.api(json(200, { next_page_token: "n", total_records: 0 }), json(200, { registrants: [registrant(1)] }));
    const { zoom } = fastClient(fake);

    const { items, error } = await drain(paginate(listWebinarRegistrants, zoom, registrantParams));

    expect(error).toBeUndefined();
    expect(items).toEqual([registrant(1)]);
    expect(fake.apiRequests).toHaveLength(2);
  });
});

describe("paginate: by page_number", () => {
  const webinar = (n: number) => ({ id: n, topic: `W${n}` });

  it("sends page_number 1, 2, 3 with the largest page_size, until page_count", async () => {
    fake.api(
      json(200, { page_count: 3, page_number: 1, page_size: 300, webinars: [webinar(1), webinar(2)] }),
      json(200, { page_count: 3, page_number: 2, page_size: 300, webinars: [webinar(3)] }),
      json(200, { page_count: 3, page_number: 3, page_size: 300, webinars: [webinar(4)] }),
    );
    const { zoom } = fastClient(fake);

    const { items, error } = await drain(paginate(listWebinars, zoom, { accountId: SUB_ACCOUNT, userId: USER, type: "scheduled" }));

    expect(error).toBeUndefined();
    expect(items.map((w) => w.id)).toEqual([1, 2, 3, 4]);
    expect(urls()).toEqual([
      `${WEBINARS}?type=scheduled&page_size=300&page_number=1`,
      `${WEBINARS}?type=scheduled&page_size=300&page_number=2`,
      `${WEBINARS}?type=scheduled&page_size=300&page_number=3`,
    ]);
  });

  it("an absurd page_count is still bounded by maxPages", async () => {
    fake.api(json(200, { page_count: 1e12, webinars: [webinar(1)] }));
    const { zoom } = fastClient(fake);

    const { items, error } = await drain(paginate(listWebinars, zoom, { accountId: SUB_ACCOUNT, userId: USER }, { maxPages: 4 }));

    expect(zoomError(error).message).toContain("more than 4 pages (maxPages)");
    expect(items).toHaveLength(4);
    expect(urls().at(-1)).toBe(`${WEBINARS}?page_size=300&page_number=4`);
  });

  it("a page_count that is not a count → ZoomApiError; a missing one ends after the page", async () => {
    fake.api(json(200, { page_count: "3", webinars: [] }));
    const first = await drain(paginate(listWebinars, fastClient(fake).zoom, { accountId: SUB_ACCOUNT, userId: USER }));
    expect(zoomError(first.error).message).toBe("listWebinars: page 1: `page_count` is not a non-negative integer");

    fake.api(json(200, { webinars: [webinar(9)] }));
    const second = await drain(paginate(listWebinars, fastClient(fake).zoom, { accountId: SUB_ACCOUNT, userId: USER }));
    expect(second).toEqual({ items: [webinar(9)] });
    expect(fake.apiRequests).toHaveLength(2);
  });
});

describe("paginate: stopping", () => {
  it("an operation without paging sends one request, whatever the page says", async () => {
    fake.api(json(200, { total_records: 2, next_page_token: "ignored", page_count: 9, panelists: [{ id: "p1" }, { id: "p2" }] }));
    const { zoom } = fastClient(fake);

    const { items } = await drain(paginate(listWebinarPanelists, zoom, { accountId: SUB_ACCOUNT, webinarId: WEBINAR }));

    expect(items).toEqual([{ id: "p1" }, { id: "p2" }]);
    expect(urls()).toEqual([PANELISTS]);
  });

  it("breaking out of for await sends no further request", async () => {
    fake.api(json(200, { next_page_token: "more", registrants: [registrant(1), registrant(2)] }));
    const { zoom } = fastClient(fake);

    const seen: unknown[] = [];
    for await (const item of paginate(listWebinarRegistrants, zoom, registrantParams)) {
      seen.push(item);
      break;
    }

    expect(seen).toEqual([registrant(1)]);
    expect(fake.apiRequests).toHaveLength(1);
  });

  it("aborting between pages rejects with 'aborted by the caller' and sends nothing more", async () => {
    fake.api(json(200, { next_page_token: "more", registrants: [registrant(1), registrant(2)] }));
    const { zoom } = fastClient(fake);
    const controller = new AbortController();
    const iterator = paginate(listWebinarRegistrants, zoom, registrantParams, { signal: controller.signal });

    expect(await iterator.next()).toEqual({ done: false, value: registrant(1) });
    controller.abort();
    const error = await iterator.next().then(
      () => expect.fail("expected a rejection"),
      (e: unknown) => e,
    );

    const failure = zoomError(error);
    expect(failure.message).toBe("GET /accounts/{accountId}/webinars/{webinarId}/registrants: aborted by the caller");
    expect(failure.status).toBe(0);
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
    expect(fake.apiRequests).toHaveLength(1);
  });

  it("aborting while a page is in flight rejects the same way, and the next page is never asked for", async () => {
    const slow = gated(json(200, { next_page_token: "t3", registrants: [registrant(2)] }));
    fake.api(json(200, { next_page_token: "t2", registrants: [registrant(1)] }), slow);
    const { zoom } = fastClient(fake);
    const controller = new AbortController();
    const iterator = paginate(listWebinarRegistrants, zoom, registrantParams, { signal: controller.signal });

    expect((await iterator.next()).value).toEqual(registrant(1));
    const pending = iterator.next();
    await fake.apiArrived(2);
    controller.abort();
    const error = await pending.then(
      () => expect.fail("expected a rejection"),
      (e: unknown) => e,
    );
    slow.release();

    expect(zoomError(error).message).toContain("aborted by the caller");
    expect(fake.apiRequests).toHaveLength(2);
  });

  it("an already aborted signal sends nothing", async () => {
    const { zoom } = fastClient(fake);
    const { error } = await drain(paginate(listWebinarRegistrants, zoom, registrantParams, { signal: AbortSignal.abort() }));

    expect(zoomError(error).message).toContain("aborted by the caller");
    expect(fake.apiRequests).toHaveLength(0);
    expect(fake.tokenRequests).toHaveLength(0);
  });
});

describe("paginate: invalid arguments → TypeError at the call, nothing sent", () => {
  const loose = paginate as unknown as (...args: unknown[]) => unknown;

  it.each<[string, unknown[], RegExp]>([
    ["a non-list operation", [createWebinar, {}, { accountId: SUB_ACCOUNT, userId: USER }], /createWebinar is not a list operation/],
    ["not an operation", [() => undefined, {}, {}], /the operation is not a list operation/],
    ["params not an object", [listWebinarRegistrants, {}, "p"], /`params` must be an object/],
    ["an unknown parameter", [listWebinarRegistrants, {}, { ...registrantParams, pageSize: 10 }], /unknown parameter `pageSize`/],
    ["a missing path parameter", [listWebinarRegistrants, {}, { accountId: SUB_ACCOUNT }], /webinarId/],
    ["a token that is not a string", [listWebinarRegistrants, {}, { ...registrantParams, next_page_token: 5 }], /`next_page_token` must be a string/],
    ["page_number 0", [listWebinars, {}, { accountId: SUB_ACCOUNT, userId: USER, page_number: 0 }], /`page_number` must be a positive integer/],
    ["maxPages 0", [listWebinarRegistrants, {}, registrantParams, { maxPages: 0 }], /`maxPages` must be a positive integer/],
    ["maxPages Infinity", [listWebinarRegistrants, {}, registrantParams, { maxPages: Infinity }], /`maxPages` must be a positive integer/],
    ["a signal that is not one", [listWebinarRegistrants, {}, registrantParams, { signal: {} }], /`signal` must be an AbortSignal/],
    ["an Authorization header", [listWebinarRegistrants, {}, registrantParams, { headers: { Authorization: "Bearer x" } }], /Authorization/],
    ["options not an object", [listWebinarRegistrants, {}, registrantParams, null], /`options` must be an object/],
  ])("%s", (_name, args, message) => {
    const { zoom } = fastClient(fake);
    const [operation, , ...rest] = args;
    expect(() => loose(operation, zoom, ...rest)).toThrow(TypeError);
    expect(() => loose(operation, zoom, ...rest)).toThrow(message);
    expect(fake.apiRequests).toHaveLength(0);
  });
});
