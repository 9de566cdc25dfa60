// Compile-time checks, run by vitest's typecheck mode (vitest.config.ts) and by `npm run typecheck`.
import { describe, expectTypeOf, it } from "vitest";
import {
  createZoomClient,
  getWebinar,
  ZoomApiError,
  type components,
  type paths,
  type Webinar,
  type ZoomClient,
} from "../../src/index.js";

declare const zoom: ZoomClient;
const PATH = "/accounts/{accountId}/webinars/{webinarId}";

describe("public types", () => {
  it("Webinar is the contract's schema, and getWebinar returns Promise<Webinar>", () => {
    expectTypeOf<Webinar>().toEqualTypeOf<components["schemas"]["Webinar"]>();
    expectTypeOf(getWebinar).returns.toEqualTypeOf<Promise<Webinar>>();
    expectTypeOf(createZoomClient).returns.toEqualTypeOf<ZoomClient>();
  });

  it("settings.audio is the optional four-value enum", () => {
    expectTypeOf<NonNullable<Webinar["settings"]>["audio"]>().toEqualTypeOf<
      "both" | "telephony" | "voip" | "thirdParty" | undefined
    >();
    // Optional, not merely possibly undefined: Zoom leaves the key out.
    expectTypeOf<Required<NonNullable<Webinar["settings"]>>["audio"]>().toEqualTypeOf<
      "both" | "telephony" | "voip" | "thirdParty"
    >();
  });

  it("zoom.GET is typed by the contract", async () => {
    const { data, error } = await zoom.GET(PATH, {
      params: { path: { accountId: "a", webinarId: "1" }, query: { show_previous_occurrences: true } },
    });
    expectTypeOf(data).toEqualTypeOf<Webinar | undefined>();
    expectTypeOf(error).toEqualTypeOf<components["schemas"]["ZoomError"] | undefined>();
    // The contract now has the whole Webinars section: this path is one of its keys.
    expectTypeOf<"/accounts/{accountId}/webinars/{webinarId}">().toExtend<keyof paths>();
  });

  it("rejects a wrong path parameter name", () => {
    void zoom.GET(PATH, {
      // @ts-expect-error `meetingId` is not a path parameter (and `webinarId` is missing)
      params: { path: { accountId: "a", meetingId: "1" } },
    });
  });

  it("rejects a wrong query type", () => {
    void zoom.GET(PATH, {
      params: {
        path: { accountId: "a", webinarId: "1" },
        // @ts-expect-error show_previous_occurrences is a boolean, not the text "true"
        query: { show_previous_occurrences: "true" },
      },
    });
  });

  it("getWebinar's parameters are checked too", () => {
    // @ts-expect-error showPreviousOccurrences is a boolean
    void getWebinar(zoom, { accountId: "a", webinarId: "1", showPreviousOccurrences: "yes" });
    // @ts-expect-error webinarId is required
    void getWebinar(zoom, { accountId: "a" });
    void getWebinar(zoom, { accountId: "a", webinarId: 97871060099 });
    void getWebinar(zoom, { accountId: "a", webinarId: "1" }, { headers: { Prefer: "code=404" }, signal: AbortSignal.abort() });
    // @ts-expect-error headers are names and string values
    void getWebinar(zoom, { accountId: "a", webinarId: "1" }, { headers: { Prefer: 404 } });
  });

  it("onDrift receives the pointer, the value and what was expected", () => {
    createZoomClient({
      accessToken: "t",
      validateResponses: true,
      onDrift: (drift) => {
        expectTypeOf(drift.pointer).toEqualTypeOf<string>();
        expectTypeOf(drift.value).toEqualTypeOf<unknown>();
        expectTypeOf(drift.expected).toEqualTypeOf<readonly unknown[]>();
        expectTypeOf(drift.kind).toEqualTypeOf<"enum" | "unknown-field">();
      },
    });
  });

  it("ZoomApiError exposes typed fields", () => {
    expectTypeOf<ZoomApiError>().toExtend<Error>();
    expectTypeOf<ZoomApiError["status"]>().toEqualTypeOf<number>();
    expectTypeOf<ZoomApiError["code"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<ZoomApiError["attempts"]>().toEqualTypeOf<number>();
    expectTypeOf<NonNullable<ZoomApiError["rateLimit"]>["remaining"]>().toEqualTypeOf<number | undefined>();
  });

  it("createZoomClient needs credentials of the right shape", () => {
    // @ts-expect-error clientSecret is missing
    createZoomClient({ serverToServer: { accountId: "a", clientId: "b" } });
    // @ts-expect-error accessToken is a string or a function returning one
    createZoomClient({ accessToken: 42 });
  });
});
