// Compile-time checks of the generated operations for a few representative ones: parameters,
// bodies and results come from the contract's `operations` (generated/schema.d.ts).
import { describe, expectTypeOf, it } from "vitest";
import {
  createWebinar,
  deleteWebinar,
  getWebinarToken,
  listWebinarRegistrants,
  updateWebinar,
  type components,
  type OperationBody,
  type OperationParams,
  type operations,
  type ZoomClient,
} from "../../src/index.js";

declare const zoom: ZoomClient;
const where = { accountId: "ABcdEFgh123456789IJklmN", webinarId: "97871060099" };

describe("createWebinar", () => {
  it("takes the contract's request body and resolves to the created webinar", () => {
    expectTypeOf<OperationBody<"createWebinar">>().toEqualTypeOf<components["schemas"]["WebinarCreateRequest"]>();
    expectTypeOf(createWebinar(zoom, { accountId: "a", userId: "me" }, { topic: "Launch", type: 5 })).toEqualTypeOf<
      Promise<components["schemas"]["WebinarCreated"]>
    >();
    // @ts-expect-error: `topic` is a string in the contract.
    void createWebinar(zoom, { accountId: "a", userId: "me" }, { topic: 42 });
    // @ts-expect-error: `type` is one of the webinar types (5, 6, 9), not any number.
    void createWebinar(zoom, { accountId: "a", userId: "me" }, { type: 2 });
  });
});

describe("listWebinarRegistrants", () => {
  it("resolves to the registrant list, and takes Zoom's query names beside the path ones", () => {
    type Result = Awaited<ReturnType<typeof listWebinarRegistrants>>;
    expectTypeOf<Result>().toEqualTypeOf<components["schemas"]["RegistrantList"]>();
    expectTypeOf<NonNullable<Result["registrants"]>[number]>().toEqualTypeOf<components["schemas"]["Registrant"]>();
    expectTypeOf(listWebinarRegistrants(zoom, { ...where, status: "pending", page_size: 300 })).toEqualTypeOf<Promise<Result>>();
    expectTypeOf<OperationParams<"listWebinarRegistrants">["status"]>().toEqualTypeOf<"approved" | "pending" | "denied" | undefined>();
  });

  it("refuses a missing path parameter and a status outside its enum", () => {
    // @ts-expect-error: `webinarId` is a path parameter, always required.
    void listWebinarRegistrants(zoom, { accountId: "a" });
    // @ts-expect-error: `status` is approved, pending or denied.
    void listWebinarRegistrants(zoom, { ...where, status: "cancelled" });
  });
});

describe("deleteWebinar", () => {
  it("resolves to undefined (204) and takes no body", () => {
    expectTypeOf(deleteWebinar(zoom, { ...where, occurrence_id: "1648194360000" })).toEqualTypeOf<Promise<undefined>>();
    // @ts-expect-error: no body; the third argument is the call options.
    void deleteWebinar(zoom, where, { topic: "x" });
  });
});

describe("updateWebinar", () => {
  it("takes the contract's update body and resolves to undefined (204)", () => {
    expectTypeOf<OperationBody<"updateWebinar">>().toEqualTypeOf<components["schemas"]["WebinarUpdateRequest"]>();
    expectTypeOf(updateWebinar(zoom, where, { topic: "New title", duration: 90 })).toEqualTypeOf<Promise<undefined>>();
    // @ts-expect-error: the body is required for a PATCH.
    void updateWebinar(zoom, where);
  });
});

describe("getWebinarToken", () => {
  it("takes `type` from the contract's query enum", () => {
    expectTypeOf<OperationParams<"getWebinarToken">["type"]>().toEqualTypeOf<
      NonNullable<operations["getWebinarToken"]["parameters"]["query"]>["type"]
    >();
    expectTypeOf(getWebinarToken(zoom, { ...where, type: "closed_caption_token" })).toEqualTypeOf<
      Promise<components["schemas"]["WebinarToken"]>
    >();
    // @ts-expect-error: the only token type the contract lists is closed_caption_token.
    void getWebinarToken(zoom, { ...where, type: "zak" });
  });
});
