// The README's per-operation example, type-checked as written (bar the client's construction).
import { describe, expectTypeOf, it } from "vitest";
import { addWebinarRegistrant, createWebinar, deleteWebinar, updateWebinarRegistrantStatus, type components, type ZoomClient } from "../../src/index.js";

declare const zoom: ZoomClient;

describe("the README's example", () => {
  it("type-checks, with the results the contract gives", async () => {
    const account = { accountId: "ABcdEFgh123456789IJklmN" };
    const webinar = await createWebinar(zoom, { ...account, userId: "me" }, { topic: "Launch", type: 5, start_time: "2027-03-01T15:00:00Z", duration: 60 });
    expectTypeOf(webinar).toEqualTypeOf<components["schemas"]["WebinarCreated"]>();
    const { registrant_id } = await addWebinarRegistrant(zoom, { ...account, webinarId: webinar.id! }, { email: "ada@example.com", first_name: "Ada" });
    await updateWebinarRegistrantStatus(zoom, { ...account, webinarId: webinar.id! }, { action: "approve", registrants: [{ id: registrant_id }] });
    expectTypeOf(await deleteWebinar(zoom, { ...account, webinarId: webinar.id! })).toEqualTypeOf<undefined>();
  });
});
