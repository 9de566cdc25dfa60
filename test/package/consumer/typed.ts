// A downstream project's view of the package, by its name only. test/package/types.test.ts
// type-checks this file inside a consumer that installed the tarball, once per moduleResolution.
import { createWebinar, createZoomClient, deleteWebinar, getWebinar, listWebinarRegistrants, ZoomApiError } from "zoom-webinar-contract";
import type { components, paths, Webinar } from "zoom-webinar-contract";
import type { paths as schemaPaths } from "zoom-webinar-contract/schema";

// The ./schema entry and the package root name the same generated types.
const samePaths: keyof schemaPaths = "/accounts/{accountId}/webinars/{webinarId}";
void samePaths;

type Audio = NonNullable<Webinar["settings"]>["audio"];
const audio: Audio = "voip";

type ErrorBody = components["schemas"]["ZoomError"];
const notFound: ErrorBody = { code: 3001, message: "Webinar does not exist." };

const path = "/accounts/{accountId}/webinars/{webinarId}" satisfies keyof paths;

export async function topicOf(accountId: string, webinarId: string): Promise<string | undefined> {
  const zoom = createZoomClient({
    serverToServer: { accountId: "master", clientId: "id", clientSecret: "secret" },
    retry: { retries: 1 },
    validateResponses: true,
  });
  try {
    const webinar: Webinar = await getWebinar(zoom, { accountId, webinarId, showPreviousOccurrences: true });
    return webinar.topic;
  } catch (error) {
    if (error instanceof ZoomApiError && error.status === 404 && error.code === notFound.code) return undefined;
    throw error;
  }
}

export async function rawGet(accountId: string, webinarId: string): Promise<Webinar | undefined> {
  const zoom = createZoomClient({ accessToken: () => "token" });
  const { data, error } = await zoom.GET(path, { params: { path: { accountId, webinarId } } });
  if (error) return undefined;
  // @ts-expect-error the package's types are strict for consumers too: audio is an enum
  const wrong: Audio = "bluetooth";
  void wrong;
  void audio;
  return data;
}

// Generated operations, imported by operationId: body, params and result typed from the contract.
export async function createAndList(accountId: string): Promise<number | undefined> {
  const zoom = createZoomClient({ accessToken: "token" });
  const created = await createWebinar(zoom, { accountId, userId: "me" }, { topic: "Launch", type: 5 });
  const page = await listWebinarRegistrants(zoom, { accountId, webinarId: created.id ?? 0, page_size: 300 });
  // @ts-expect-error a registrant status outside the contract's enum
  await listWebinarRegistrants(zoom, { accountId, webinarId: "1", status: "maybe" });
  const gone: undefined = await deleteWebinar(zoom, { accountId, webinarId: "1" });
  void gone;
  return page.total_records;
}
