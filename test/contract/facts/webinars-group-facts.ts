// Facts of the webinars group (issue 14: operations #1, #2, #7, #8, #10, #12, #13, #20, #25,
// #28, #45), read by hand from Zoom's published Meetings API spec (2023 copy), Zoom's SDK types
// (2026) and the reference page. Each row names its sources by the ids of `x-sources` in
// openapi/openapi.yaml. Paths use `.` between properties and `[]` for array items.
// Rows marked `shared` are components reused from the Get a webinar contract: their contents
// are that component's facts, so only their presence is recorded here.

import type { FieldFact, SourceId } from "./types.js";

export type { SourceId };

/** A row of the shared fact format, with a type always stated, or a component reused from elsewhere. */
export interface SchemaFact extends Omit<FieldFact, "type" | "keywordSources"> {
  type: "string" | "integer" | "boolean" | "object" | "array";
  /** A component reused from elsewhere; its own facts live with its owner. */
  shared?: true;
}

export interface OperationFact {
  operationId: string;
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  tag: string;
  success: 200 | 201 | 204;
  /** The granular `:master` scope, then the classic scope. */
  scopes: readonly [string, string];
  /** Absent where Zoom's sources name no category. */
  rateLimit?: "Light" | "Medium" | "Heavy";
  requestSchema?: string;
  responseSchema?: string;
  /** Pattern of the `webinarId` path parameter where Zoom types it as a numeric ID (int64) only. */
  webinarIdPattern?: string;
  /** Zoom error codes per HTTP status, as the examples of that response show them. */
  errorCodes: Readonly<Record<string, readonly number[]>>;
  sources: readonly SourceId[];
}

const both = ["zoom-spec-2023", "zoom-sdk-2026"] as const;
const sdk = ["zoom-sdk-2026"] as const;
const f = (fact: Omit<SchemaFact, "sources">, sources: readonly SourceId[] = both): SchemaFact => ({ ...fact, sources });
const str = f({ type: "string" });
const bool = f({ type: "boolean" });
const int = f({ type: "integer" });
const obj = f({ type: "object" });
const arr = f({ type: "array" });
const dateTime = f({ type: "string", format: "date-time" });
const shared = (type: "object" | "array", sources: readonly SourceId[] = both): SchemaFact => ({ type, shared: true, sources });

const webinarType = f({ type: "integer", enum: [5, 6, 9], default: 5 });

// Fields of the create and update bodies that are the same in both.
const commonTop: Record<string, SchemaFact> = {
  // The 200-character limit is stated on the webinar Zoom returns (page; 2023 create answer).
  topic: f({ type: "string", maxLength: 200 }, ["page", "zoom-spec-2023", "zoom-sdk-2026"]),
  type: webinarType,
  start_time: dateTime,
  duration: int,
  timezone: str,
  // maxLength 10 and the character set are in the 2023 spec (update schema, create prose).
  password: f({ type: "string", maxLength: 10, pattern: "^[A-Za-z0-9@_*!-]*$" }),
  agenda: str,
  schedule_for: f({ type: "string" }, sdk),
  is_simulive: bool,
  record_file_id: str,
  recurrence: obj,
  "recurrence.type": f({ type: "integer", enum: [1, 2, 3], required: true }),
  "recurrence.repeat_interval": f({ type: "integer", maximum: 90 }),
  // The 2023 update body's single-digit enum contradicts its own comma-separated prose.
  "recurrence.weekly_days": f({ type: "string", pattern: "^[1-7](,[1-7])*$" }),
  "recurrence.monthly_day": f({ type: "integer", minimum: 1, maximum: 31 }),
  "recurrence.monthly_week": f({ type: "integer", enum: [-1, 1, 2, 3, 4] }),
  "recurrence.monthly_week_day": f({ type: "integer", enum: [1, 2, 3, 4, 5, 6, 7] }),
  // The page caps end_times at 60; the 2023 spec said 365. Requests take the stricter 60.
  "recurrence.end_times": f({ type: "integer", maximum: 60, default: 1 }, ["page", "zoom-spec-2023", "zoom-sdk-2026"]),
  "recurrence.end_date_time": dateTime,
  tracking_fields: arr,
  "tracking_fields[].field": str,
  "tracking_fields[].value": str,
  settings: obj,
};

const settings: Record<string, SchemaFact> = {
  "settings.host_video": bool,
  "settings.panelists_video": bool,
  "settings.hd_video": f({ type: "boolean", default: false }),
  "settings.hd_video_for_attendees": f({ type: "boolean", default: false }),
  "settings.send_1080p_video_to_attendees": f({ type: "boolean", default: false }),
  "settings.audio": f({ type: "string", enum: ["both", "telephony", "voip"], default: "both" }),
  "settings.audio_conference_info": f({ type: "string" }, sdk),
  "settings.global_dial_in_countries": arr,
  "settings.add_watermark": bool,
  "settings.add_audio_watermark": bool,
  "settings.auto_recording": f({ type: "string", enum: ["local", "cloud", "none"], default: "none" }),
  "settings.on_demand": f({ type: "boolean", default: false }),
  "settings.practice_session": f({ type: "boolean", default: false }),
  "settings.allow_multiple_devices": bool,
  "settings.alternative_hosts": str,
  "settings.alternative_host_update_polls": bool,
  "settings.panelists_invitation_email_notification": bool,
  "settings.enable_session_branding": bool,
  "settings.approval_type": f({ type: "integer", enum: [0, 1, 2], default: 2 }),
  "settings.registration_type": f({ type: "integer", enum: [1, 2, 3], default: 1 }),
  "settings.registrants_restrict_number": f({ type: "integer", minimum: 0, maximum: 20000, default: 0 }),
  "settings.registrants_email_notification": bool,
  "settings.close_registration": f({ type: "boolean", deprecated: true }),
  "settings.show_share_button": bool,
  "settings.contact_name": str,
  "settings.contact_email": str,
  // The 2023 spec lists the languages in prose only.
  "settings.email_language": f({
    type: "string",
    enum: ["en-US", "de-DE", "es-ES", "fr-FR", "jp-JP", "pt-PT", "ru-RU", "zh-CN", "zh-TW", "ko-KO", "it-IT", "vi-VN"],
  }),
  "settings.attendees_and_panelists_reminder_email_notification": shared("object"),
  "settings.follow_up_attendees_email_notification": shared("object"),
  "settings.follow_up_absentees_email_notification": shared("object"),
  "settings.post_webinar_survey": bool,
  "settings.survey_url": str,
  "settings.meeting_authentication": bool,
  "settings.authentication_option": str,
  "settings.authentication_domains": str,
  "settings.panelist_authentication": bool,
  "settings.enforce_login": f({ type: "boolean", deprecated: true }),
  "settings.enforce_login_domains": f({ type: "string", deprecated: true }),
  "settings.question_and_answer": shared("object"),
  "settings.language_interpretation": obj,
  "settings.language_interpretation.enable": bool,
  "settings.language_interpretation.interpreters": arr,
  "settings.language_interpretation.interpreters[].email": f({ type: "string", format: "email" }),
  "settings.language_interpretation.interpreters[].languages": str,
  "settings.sign_language_interpretation": shared("object", sdk),
};

export const schemaFacts: Record<string, Record<string, SchemaFact>> = {
  WebinarCreateRequest: {
    ...commonTop,
    ...settings,
    default_passcode: f({ type: "boolean" }, sdk),
    template_id: str,
    "tracking_fields[].field": f({ type: "string", required: true }),
  },
  WebinarUpdateRequest: {
    ...commonTop,
    ...settings,
    "settings.authentication_name": str,
    "settings.notify_registrants": bool,
    "settings.registrants_confirmation_email": bool,
  },
  // The 201 answer is the shared Webinar plus one field only this answer carries.
  WebinarCreated: {
    registrants_confirmation_email: bool,
  },
  WebinarList: {
    // PageInfo (the registrants group's component) states no integer width.
    page_size: f({ type: "integer", format: undefined }),
    total_records: f({ type: "integer", format: undefined }),
    next_page_token: str,
    page_count: f({ type: "integer", format: undefined }),
    page_number: f({ type: "integer", format: undefined, deprecated: true }),
    webinars: arr,
    "webinars[].id": f({ type: "integer", format: "int64" }),
    "webinars[].uuid": str,
    "webinars[].host_id": str,
    "webinars[].topic": str,
    "webinars[].type": webinarType,
    "webinars[].agenda": str,
    "webinars[].start_time": dateTime,
    "webinars[].duration": int,
    "webinars[].timezone": str,
    "webinars[].created_at": dateTime,
    "webinars[].join_url": str,
    "webinars[].is_simulive": bool,
  },
  WebinarStatusRequest: {
    action: f({ type: "string", enum: ["end"] }),
  },
  WebinarToken: {
    token: str,
  },
  WebinarInviteLinksRequest: {
    attendees: f({ type: "array", minItems: 1, maxItems: 500 }),
    "attendees[].name": f({ type: "string", maxLength: 64, required: true }),
    ttl: f({ type: "integer", format: "int64", minimum: 0, maximum: 7776000, default: 7200 }),
  },
  WebinarInviteLinks: {
    attendees: arr,
    "attendees[].name": str,
    "attendees[].join_url": str,
  },
  WebinarTrackingSources: {
    total_records: int,
    tracking_sources: arr,
    "tracking_sources[].id": str,
    "tracking_sources[].source_name": str,
    "tracking_sources[].tracking_url": str,
    "tracking_sources[].visitor_count": int,
    "tracking_sources[].registration_count": int,
  },
  WebinarTemplateCreateRequest: {
    webinar_id: f({ type: "integer", format: "int64" }),
    name: str,
    save_recurrence: f({ type: "boolean", default: false }),
    overwrite: f({ type: "boolean", default: false }),
  },
  WebinarTemplate: {
    id: str,
    name: str,
    type: f({ type: "integer" }, sdk),
  },
  WebinarTemplateList: {
    total_records: int,
    templates: arr,
    "templates[].id": str,
    "templates[].name": str,
    "templates[].type": f({ type: "integer" }, sdk),
  },
  PastWebinarInstances: {
    webinars: arr,
    "webinars[].uuid": str,
    "webinars[].start_time": dateTime,
  },
};

const W = "/accounts/{accountId}/webinars/{webinarId}";
// Zoom's 2023 spec types webinarId as integer (int64) and the SDK as number for these operations.
const DIGITS = "^[0-9]+$";
const U = "/accounts/{accountId}/users/{userId}";

export const operationFacts: readonly OperationFact[] = [
  {
    operationId: "createWebinarTemplate", method: "post", path: `${U}/webinar_templates`, tag: "Templates", success: 201,
    scopes: ["webinar:write:webinar_template:master", "webinar:master"], rateLimit: "Medium",
    requestSchema: "WebinarTemplateCreateRequest", responseSchema: "WebinarTemplate",
    errorCodes: { "400": [200, 300, 3000, 3001], "404": [1001] }, sources: ["zoom-spec-2023", "zoom-granular-scopes"],
  },
  {
    operationId: "listWebinarTemplates", method: "get", path: `${U}/webinar_templates`, tag: "Templates", success: 200,
    scopes: ["webinar:read:list_templates:master", "webinar:master"],
    responseSchema: "WebinarTemplateList",
    errorCodes: { "400": [200, 1001] }, sources: ["zoom-spec-2023", "zoom-sdk-2026", "zoom-granular-scopes"],
  },
  {
    // HTTP "300" of the 2023 spec (daily limit) is Zoom code 300 under 400.
    operationId: "createWebinar", method: "post", path: `${U}/webinars`, tag: "Webinars", success: 201,
    scopes: ["webinar:write:webinar:master", "webinar:master"], rateLimit: "Light",
    requestSchema: "WebinarCreateRequest", responseSchema: "WebinarCreated",
    errorCodes: { "400": [200, 300, 300], "404": [1001] }, sources: ["zoom-spec-2023", "zoom-sdk-2026", "zoom-granular-scopes"],
  },
  {
    operationId: "listWebinars", method: "get", path: `${U}/webinars`, tag: "Webinars", success: 200,
    scopes: ["webinar:read:list_webinars:master", "webinar:master"], rateLimit: "Medium",
    responseSchema: "WebinarList",
    errorCodes: { "404": [1001] }, sources: ["zoom-spec-2023", "zoom-sdk-2026", "zoom-granular-scopes"],
  },
  {
    // HTTP "200" (no plan) and "300" of the 2023 spec are Zoom codes 200 and 300 under 400.
    operationId: "updateWebinar", method: "patch", path: W, tag: "Webinars", success: 204,
    webinarIdPattern: DIGITS, scopes: ["webinar:update:webinar:master", "webinar:master"], rateLimit: "Light",
    requestSchema: "WebinarUpdateRequest",
    errorCodes: { "400": [200, 300, 300, 1010, 3000, 3003, 3003], "404": [1001, 3001] },
    sources: ["zoom-spec-2023", "zoom-sdk-2026", "zoom-granular-scopes"],
  },
  {
    // The 2023 spec lists 200 and 204; Zoom answers 204. HTTP "300" is Zoom code 300 under 400.
    operationId: "deleteWebinar", method: "delete", path: W, tag: "Webinars", success: 204,
    webinarIdPattern: DIGITS, scopes: ["webinar:delete:webinar:master", "webinar:master"], rateLimit: "Light",
    errorCodes: { "400": [300, 1010, 3002, 3003, 3007, 3018, 3037], "404": [1001, 3001] },
    sources: ["zoom-spec-2023", "zoom-sdk-2026", "zoom-granular-scopes"],
  },
  {
    operationId: "createWebinarInviteLinks", method: "post", path: `${W}/invite_links`, tag: "Webinars", success: 201,
    webinarIdPattern: DIGITS, scopes: ["webinar:write:invite_links:master", "webinar:master"], rateLimit: "Light",
    requestSchema: "WebinarInviteLinksRequest", responseSchema: "WebinarInviteLinks",
    errorCodes: { "400": [200, 300, 1001, 3001] }, sources: ["zoom-spec-2023", "zoom-sdk-2026", "zoom-granular-scopes"],
  },
  {
    operationId: "getWebinarToken", method: "get", path: `${W}/token`, tag: "Webinars", success: 200,
    webinarIdPattern: DIGITS, scopes: ["webinar:read:token:master", "webinar:master"], rateLimit: "Light",
    responseSchema: "WebinarToken",
    errorCodes: { "400": [300, 3000], "404": [300, 3001] }, sources: ["zoom-spec-2023", "zoom-sdk-2026", "zoom-granular-scopes"],
  },
  {
    operationId: "listWebinarTrackingSources", method: "get", path: `${W}/tracking_sources`, tag: "Webinars", success: 200,
    webinarIdPattern: DIGITS, scopes: ["webinar:read:list_tracking_sources:master", "webinar:master"], rateLimit: "Medium",
    responseSchema: "WebinarTrackingSources",
    errorCodes: {}, sources: ["zoom-spec-2023", "zoom-sdk-2026", "zoom-granular-scopes"],
  },
  {
    // HTTP "200" (no plan) of the 2023 spec is Zoom code 200 under 400.
    operationId: "updateWebinarStatus", method: "put", path: `${W}/status`, tag: "Webinars", success: 204,
    webinarIdPattern: DIGITS, scopes: ["webinar:update:status:master", "webinar:master"], rateLimit: "Light",
    requestSchema: "WebinarStatusRequest",
    errorCodes: { "400": [200, 1010, 3003, 3063], "404": [1001, 3001] },
    sources: ["zoom-spec-2023", "zoom-sdk-2026", "zoom-granular-scopes"],
  },
  {
    // HTTP "300" of the 2023 spec is Zoom code 300 under 400; its 404 gives no code.
    operationId: "listPastWebinarInstances", method: "get", path: "/accounts/{accountId}/past_webinars/{webinarId}/instances",
    tag: "Past webinars", success: 200,
    webinarIdPattern: DIGITS, scopes: ["webinar:read:list_past_instances:master", "webinar:master"], rateLimit: "Light",
    responseSchema: "PastWebinarInstances",
    errorCodes: { "400": [300], "404": [3001] }, sources: ["zoom-spec-2023", "zoom-sdk-2026", "zoom-granular-scopes"],
  },
];
