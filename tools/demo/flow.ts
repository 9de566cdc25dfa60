// The demo's flow: the calls an application makes around one webinar, each printed as one line
// (what was sent → what came back). It only needs a client, so the same steps run against the
// mock (npm run demo) or any server that speaks the contract.
import {
  addWebinarPanelists,
  addWebinarRegistrant,
  createWebinar,
  deleteWebinar,
  getWebinar,
  listWebinarRegistrants,
  paginate,
  updateWebinarRegistrantStatus,
  type OperationBody,
  type ZoomClient,
} from "../../src/index.js";
import type { ExchangeLog } from "./exchange-log.js";

export interface FlowContext {
  zoom: ZoomClient;
  /** The log the client's fetch writes to: each step's line names the request it made. */
  log: ExchangeLog;
  accountId: string;
  userId: string;
  out: (line: string) => void;
  /** Extra headers for the getWebinar call (the mock's `Prefer: example=…`). */
  getWebinarHeaders?: HeadersInit;
  /** Lines printed under the getWebinar step (the demo's summary of the webinar). */
  describeWebinar?: (webinar: Awaited<ReturnType<typeof getWebinar>>) => string[];
}

const NAME_WIDTH = 32;

/** The new webinar: registration with manual approval, so the registrants need approving. */
export const NEW_WEBINAR = {
  topic: "Demo: the typed client, end to end",
  type: 5,
  start_time: "2026-12-10T16:00:00Z",
  duration: 30,
  timezone: "UTC",
  settings: { approval_type: 1 },
} satisfies OperationBody<"createWebinar">;

export const NEW_REGISTRANTS = [
  { first_name: "Ana", last_name: "Souza", email: "ana.souza@example.com" },
  { first_name: "Lena", last_name: "Vogel", email: "lena.vogel@example.com" },
] satisfies OperationBody<"addWebinarRegistrant">[];

export const NEW_PANELIST = { name: "Marta Ruiz", email: "marta.ruiz@example.com" };

/**
 * Runs the steps in order and prints one line for each. A failing step prints a `✗` line with
 * the error and rethrows it: later steps depend on what the earlier ones returned.
 */
export async function runFlow(context: FlowContext): Promise<void> {
  const { zoom, accountId, userId } = context;
  // `sent`: a short account of the request body, "" when there is none.
  const step = async <T>(name: string, sent: string, call: () => Promise<T>, received: (result: T) => string): Promise<T> => {
    context.log.take();
    let result: T;
    try {
      result = await call();
    } catch (error) {
      context.out(`✗ ${name.padEnd(NAME_WIDTH)} ${requestText(context.log.take())}${sentText(sent)} → ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
    const exchanges = context.log.take();
    context.out(`✓ ${name.padEnd(NAME_WIDTH)} ${requestText(exchanges)}${sentText(sent)} → ${statusText(exchanges)} ${received(result)}`);
    return result;
  };

  const created = await step(
    "createWebinar",
    `{ topic ${JSON.stringify(NEW_WEBINAR.topic)}, type ${NEW_WEBINAR.type}, approval manual }`,
    () => createWebinar(zoom, { accountId, userId }, NEW_WEBINAR),
    (webinar) => `webinar ${String(webinar.id)} ${JSON.stringify(webinar.topic ?? "")}`,
  );
  if (created.id === undefined) throw new Error("createWebinar answered without a webinar id");
  const webinarId = String(created.id);

  const registrants: { id: string; email: string }[] = [];
  for (const person of NEW_REGISTRANTS) {
    const added = await step(
      "addWebinarRegistrant",
      `{ ${person.first_name} ${person.last_name}, ${person.email} }`,
      () => addWebinarRegistrant(zoom, { accountId, webinarId }, person),
      (registrant) => `registrant ${String(registrant.registrant_id)}`,
    );
    if (added.registrant_id === undefined) throw new Error("addWebinarRegistrant answered without a registrant id");
    registrants.push({ id: added.registrant_id, email: person.email });
  }

  await step(
    "updateWebinarRegistrantStatus",
    `{ action approve, ${registrants.length} registrants }`,
    () => updateWebinarRegistrantStatus(zoom, { accountId, webinarId }, { action: "approve", registrants }),
    () => "no content: approved",
  );

  // paginate asks for the largest page Zoom allows and follows next_page_token to the last page.
  await step(
    "paginate(listWebinarRegistrants)",
    "",
    async () => {
      const found = [];
      for await (const registrant of paginate(listWebinarRegistrants, zoom, { accountId, webinarId, status: "approved" })) found.push(registrant);
      return found;
    },
    (items) => {
      const names = items.map((item) => `${`${item.first_name ?? "?"} ${item.last_name ?? ""}`.trim()} (${item.status ?? "no status"})`);
      return `${items.length} ${items.length === 1 ? "registrant" : "registrants"}${names.length > 0 ? `: ${names.join(", ")}` : ""}`;
    },
  );

  await step(
    "addWebinarPanelists",
    `{ ${NEW_PANELIST.name}, ${NEW_PANELIST.email} }`,
    () => addWebinarPanelists(zoom, { accountId, webinarId }, { panelists: [NEW_PANELIST] }),
    (answer) => `webinar ${String(answer.id)} updated at ${String(answer.updated_at)}`,
  );

  const webinar = await step(
    "getWebinar",
    "",
    () => getWebinar(zoom, { accountId, webinarId }, context.getWebinarHeaders === undefined ? {} : { headers: context.getWebinarHeaders }),
    (found) => `${JSON.stringify(found.topic ?? "")}, type ${String(found.type)}, ${found.duration ?? "?"} min`,
  );
  for (const line of context.describeWebinar?.(webinar) ?? []) context.out(`    ${line}`);

  await step(
    "deleteWebinar",
    "",
    () => deleteWebinar(zoom, { accountId, webinarId }),
    () => "no content: deleted",
  );
}

/**
 * `POST …/webinars/1/registrants`: the method and the path after the account of the step's first
 * request, and how many were sent when there were more (pages, retries).
 */
function requestText(exchanges: readonly { method: string; target: string }[]): string {
  const first = exchanges[0];
  if (first === undefined) return "(nothing sent)";
  const afterAccount = first.target.replace(/^(?:\/[^/]+)?\/accounts\/[^/]+/, "…");
  return `${first.method} ${afterAccount}${exchanges.length > 1 ? ` (${exchanges.length} requests)` : ""}`;
}

/** The body sent, in short; GET and DELETE send none (their URL says it all). */
function sentText(sent: string): string {
  return sent === "" ? "" : ` ${sent}`;
}

function statusText(exchanges: readonly { status: number }[]): string {
  const statuses = exchanges.map((exchange) => exchange.status);
  // More than one exchange means the client retried: show each status, in order.
  return statuses.length === 0 ? "?" : statuses.join("/");
}
