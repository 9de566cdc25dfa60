// Compile-time checks of paginate, run by vitest's typecheck mode and by `npm run typecheck`.
import { describe, expectTypeOf, it } from "vitest";
import {
  createWebinar,
  getWebinar,
  listWebinarPanelists,
  listWebinarRegistrants,
  listWebinars,
  paginate,
  type components,
  type PageItem,
  type ZoomClient,
} from "../../src/index.js";

declare const zoom: ZoomClient;
type Schemas = components["schemas"];
const registrants = { accountId: "a", webinarId: 1 };

describe("paginate types", () => {
  it("yields the element type of the operation's items array", () => {
    expectTypeOf(paginate(listWebinarRegistrants, zoom, registrants)).toEqualTypeOf<
      AsyncIterableIterator<NonNullable<Schemas["RegistrantList"]["registrants"]>[number]>
    >();
    expectTypeOf(paginate(listWebinars, zoom, { accountId: "a", userId: "me" })).toEqualTypeOf<
      AsyncIterableIterator<NonNullable<Schemas["WebinarList"]["webinars"]>[number]>
    >();
    expectTypeOf(paginate(listWebinarPanelists, zoom, registrants)).toEqualTypeOf<
      AsyncIterableIterator<NonNullable<Schemas["PanelistList"]["panelists"]>[number]>
    >();
  });

  it("an item is a real object type, not never or unknown", () => {
    expectTypeOf<PageItem<typeof listWebinarRegistrants>>().not.toBeNever();
    expectTypeOf<PageItem<typeof listWebinarRegistrants>>().not.toBeUnknown();
    expectTypeOf<PageItem<typeof listWebinarRegistrants>["email"]>().toEqualTypeOf<string>();
  });

  it("takes the operation's own params, paging ones included", () => {
    paginate(listWebinarRegistrants, zoom, { ...registrants, page_size: 30, next_page_token: "t", status: "pending" });
    // @ts-expect-error `webinarId` is required
    paginate(listWebinarRegistrants, zoom, { accountId: "a" });
    // @ts-expect-error a status outside the enum
    paginate(listWebinarRegistrants, zoom, { ...registrants, status: "maybe" });
    // @ts-expect-error Zoom spells it page_size
    paginate(listWebinarRegistrants, zoom, { ...registrants, pageSize: 30 });
    paginate(listWebinarRegistrants, zoom, registrants, { maxPages: 10, signal: AbortSignal.timeout(1) });
    // @ts-expect-error maxPages is a number
    paginate(listWebinarRegistrants, zoom, registrants, { maxPages: "10" });
  });

  it("accepts list operations only", () => {
    // @ts-expect-error createWebinar is not a list operation
    paginate(createWebinar, zoom, { accountId: "a", userId: "me" });
    // @ts-expect-error getWebinar (the camelCase wrapper) is not one either
    paginate(getWebinar, zoom, { accountId: "a", webinarId: "1" });
  });
});
