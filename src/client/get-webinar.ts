import type { components, operations } from "../../generated/schema.js";
import { getWebinar as getWebinarOperation } from "../../generated/operations.js";
import { isRecord } from "../util/json-pointer.js";
import { refuseUnknownParams } from "./call-operation.js";
import type { ZoomClient } from "./create-zoom-client.js";
import type { CallOptions } from "./operation-types.js";

export type Webinar = components["schemas"]["Webinar"];

type Parameters = operations["getWebinar"]["parameters"];
type QueryParams = NonNullable<Parameters["query"]>;

export interface GetWebinarParams {
  /** The sub account that owns the webinar. */
  accountId: Parameters["path"]["accountId"];
  /** The numeric webinar ID (as string or number) or a webinar instance UUID, unencoded. */
  webinarId: Parameters["path"]["webinarId"] | NonNullable<Webinar["id"]>;
  occurrenceId?: QueryParams["occurrence_id"];
  showPreviousOccurrences?: QueryParams["show_previous_occurrences"];
}

export type GetWebinarOptions = CallOptions;

const KNOWN_PARAMS = new Set(["accountId", "webinarId", "occurrenceId", "showPreviousOccurrences"]);

/**
 * Gets one webinar of a sub account. Resolves with the webinar; every failure (HTTP error,
 * network, timeout, abort, unreadable, oversized or off-contract body) rejects with
 * ZoomApiError, redacted. Only invalid arguments reject with TypeError, before anything is sent.
 * Its parameters are camelCase, as they were before the generated operations; the generated
 * form takes Zoom's query names.
 */
export async function getWebinar(client: ZoomClient, params: GetWebinarParams, options: GetWebinarOptions = {}): Promise<Webinar> {
  // As in every generated operation (callOperation): an object, and a misspelt key (`occurrence_id`
  // here) is refused rather than dropped silently.
  if (!isRecord(params)) throw new TypeError("getWebinar: `params` must be an object");
  refuseUnknownParams("getWebinar", params, KNOWN_PARAMS);
  const { accountId, webinarId, occurrenceId, showPreviousOccurrences } = params;
  return getWebinarOperation(
    client,
    {
      accountId,
      webinarId,
      ...(occurrenceId === undefined ? {} : { occurrence_id: occurrenceId }),
      ...(showPreviousOccurrences === undefined ? {} : { show_previous_occurrences: showPreviousOccurrences }),
    },
    options,
  );
}
