// Facts of the polls, surveys and live streaming group (issue 14: operations #3, #21–#24,
// #32–#34, #38–#40), read from Zoom's published Meetings API spec (2023, user-level paths
// `/webinars/{webinarId}/polls…`, `/survey`, `/livestream…`), Zoom's SDK types (2026,
// `Webinars…Poll…`, `Webinars…Survey…`, `Webinars…LiveStream…`) and the seed page (Chinese
// operation names). One row per fact, with the ids of the root `x-sources` registry; a later
// edit of openapi/ that drops or changes one fails `test/contract/polls-facts.test.ts`.
//
// Where Zoom's spec is glued or self-contradictory the row holds the fixed fact, and the
// schema's description says what Zoom wrote:
// - limits stated only in prose become keywords (answers 2–16, prompts 2–10,
//   prompt_right_answers 1–10, answer_max_character ≤ 2000, poll_type default 1, survey
//   answers ≤ 10, live stream resolution 720p/1080p);
// - defaults Zoom contradicts in its own text are dropped (poll question answer_required,
//   custom_survey.anonymous);
// - the HTTP "300" of createWebinarPoll is Zoom error code 300 under HTTP 400.
// Response schemas keep types, enums and defaults but not Zoom's write limits (they accept
// what Zoom sends); the request schemas carry the limits.

export type SourceId = "page" | "zoom-spec-2023" | "zoom-sdk-2026" | "zoom-granular-scopes";

const SPEC = "zoom-spec-2023";
const SDK = "zoom-sdk-2026";
const PAGE = "page";
const SCOPES = "zoom-granular-scopes";

export interface SchemaFact {
  /** Component name under components.schemas. */
  schema: string;
  /** Direct property of that component ("" for the component itself). */
  path: string;
  type?: "string" | "integer" | "boolean" | "object" | "array";
  /** The property is a `$ref` to this component (its facts are that component's rows). */
  ref?: string;
  format?: string;
  enum?: readonly (string | number)[];
  default?: string | number | boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  deprecated?: true;
  required?: true;
  items?: { type: "string" } | { ref: string };
  sources?: readonly SourceId[];
  keywordSources?: Readonly<Record<string, readonly SourceId[]>>;
}

export interface ParameterFact {
  /** Component name under components.parameters, or `operationId.name` for an inline one. */
  parameter: string;
  name: string;
  in: "path" | "query";
  type: "string" | "boolean";
  required?: true;
  minLength?: number;
  sources: readonly SourceId[];
}

export interface OperationFact {
  operationId: string;
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  tag: "Polls" | "Surveys" | "Live streaming";
  /** Chinese summary from the seed page's navigation. */
  summaryZh: string;
  success: 200 | 201 | 204;
  requestBody?: string;
  responseBody?: string;
  query?: readonly string[];
  /** Granular Master Account scope, then the classic one (alternatives). */
  scopes: readonly [string, string];
  rateLimit: "Light";
  /** HTTP status → the Zoom error codes its examples show (this group's own; 401/429/5XX are shared). */
  errors: Readonly<Record<string, readonly number[]>>;
  sources: readonly SourceId[];
}

export const schemaFacts: readonly SchemaFact[] = [
  // WebinarPollRequest
  { schema: "WebinarPollRequest", path: "", type: "object", sources: [SPEC, SDK] },
  { schema: "WebinarPollRequest", path: "title", type: "string", maxLength: 64, sources: [SPEC, SDK], keywordSources: { maxLength: [SPEC] } },
  { schema: "WebinarPollRequest", path: "anonymous", type: "boolean", default: false, sources: [SPEC, SDK], keywordSources: { default: [SPEC] } },
  { schema: "WebinarPollRequest", path: "poll_type", type: "integer", enum: [1, 2, 3], default: 1, sources: [SPEC, SDK], keywordSources: { default: [SPEC] } },
  { schema: "WebinarPollRequest", path: "questions", type: "array", items: { ref: "PollQuestionRequest" }, sources: [SPEC, SDK] },
  // PollQuestionRequest
  { schema: "PollQuestionRequest", path: "", type: "object", sources: [SPEC, SDK] },
  { schema: "PollQuestionRequest", path: "name", type: "string", maxLength: 255, sources: [SPEC, SDK], keywordSources: { maxLength: [SPEC] } },
  { schema: "PollQuestionRequest", path: "type", type: "string", enum: ["single", "multiple", "matching", "rank_order", "short_answer", "long_answer", "fill_in_the_blank", "rating_scale"], sources: [SPEC, SDK], keywordSources: { enum: [SPEC] } },
  { schema: "PollQuestionRequest", path: "answer_required", type: "boolean", sources: [SPEC, SDK] },
  { schema: "PollQuestionRequest", path: "answers", type: "array", minItems: 2, maxItems: 16, items: { type: "string" }, sources: [SPEC, SDK], keywordSources: { minItems: [SPEC], maxItems: [SPEC] } },
  { schema: "PollQuestionRequest", path: "right_answers", type: "array", minItems: 1, items: { type: "string" }, sources: [SPEC, SDK], keywordSources: { minItems: [SPEC] } },
  { schema: "PollQuestionRequest", path: "case_sensitive", type: "boolean", default: false, sources: [SPEC, SDK], keywordSources: { default: [SPEC] } },
  { schema: "PollQuestionRequest", path: "show_as_dropdown", type: "boolean", default: false, sources: [SPEC, SDK], keywordSources: { default: [SPEC] } },
  { schema: "PollQuestionRequest", path: "prompts", type: "array", minItems: 2, maxItems: 10, items: { ref: "PollQuestionPromptRequest" }, sources: [SPEC, SDK], keywordSources: { minItems: [SPEC], maxItems: [SPEC] } },
  { schema: "PollQuestionRequest", path: "answer_min_character", type: "integer", minimum: 1, sources: [SPEC, SDK], keywordSources: { minimum: [SPEC] } },
  { schema: "PollQuestionRequest", path: "answer_max_character", type: "integer", maximum: 2000, sources: [SPEC, SDK], keywordSources: { maximum: [SPEC] } },
  { schema: "PollQuestionRequest", path: "rating_min_value", type: "integer", minimum: 0, sources: [SPEC, SDK], keywordSources: { minimum: [SPEC] } },
  { schema: "PollQuestionRequest", path: "rating_max_value", type: "integer", maximum: 10, sources: [SPEC, SDK], keywordSources: { maximum: [SPEC] } },
  { schema: "PollQuestionRequest", path: "rating_min_label", type: "string", sources: [SPEC, SDK] },
  { schema: "PollQuestionRequest", path: "rating_max_label", type: "string", sources: [SPEC, SDK] },
  // PollQuestionPromptRequest
  { schema: "PollQuestionPromptRequest", path: "", type: "object", sources: [SPEC, SDK] },
  { schema: "PollQuestionPromptRequest", path: "prompt_question", type: "string", sources: [SPEC, SDK] },
  { schema: "PollQuestionPromptRequest", path: "prompt_right_answers", type: "array", minItems: 1, maxItems: 10, items: { type: "string" }, sources: [SPEC, SDK], keywordSources: { minItems: [SPEC], maxItems: [SPEC] } },
  // WebinarPoll
  { schema: "WebinarPoll", path: "", type: "object", sources: [SPEC, SDK] },
  { schema: "WebinarPoll", path: "id", type: "string", sources: [SPEC, SDK] },
  { schema: "WebinarPoll", path: "status", type: "string", enum: ["notstart", "started", "ended", "sharing"], sources: [SPEC, SDK], keywordSources: { enum: [SPEC] } },
  { schema: "WebinarPoll", path: "anonymous", type: "boolean", default: false, sources: [SPEC, SDK], keywordSources: { default: [SPEC] } },
  { schema: "WebinarPoll", path: "poll_type", type: "integer", enum: [1, 2, 3], sources: [SPEC, SDK], keywordSources: { enum: [SPEC] } },
  { schema: "WebinarPoll", path: "title", type: "string", sources: [SPEC, SDK] },
  { schema: "WebinarPoll", path: "questions", type: "array", items: { ref: "PollQuestion" }, sources: [SPEC, SDK] },
  // PollQuestion
  { schema: "PollQuestion", path: "", type: "object", sources: [SPEC, SDK] },
  { schema: "PollQuestion", path: "name", type: "string", sources: [SPEC, SDK] },
  { schema: "PollQuestion", path: "type", type: "string", enum: ["single", "multiple", "matching", "rank_order", "short_answer", "long_answer", "fill_in_the_blank", "rating_scale"], sources: [SPEC, SDK], keywordSources: { enum: [SPEC] } },
  { schema: "PollQuestion", path: "answer_required", type: "boolean", sources: [SPEC, SDK] },
  { schema: "PollQuestion", path: "answers", type: "array", items: { type: "string" }, sources: [SPEC, SDK] },
  { schema: "PollQuestion", path: "right_answers", type: "array", items: { type: "string" }, sources: [SPEC, SDK] },
  { schema: "PollQuestion", path: "case_sensitive", type: "boolean", default: false, sources: [SPEC, SDK], keywordSources: { default: [SPEC] } },
  { schema: "PollQuestion", path: "show_as_dropdown", type: "boolean", default: false, sources: [SPEC, SDK], keywordSources: { default: [SPEC] } },
  { schema: "PollQuestion", path: "prompts", type: "array", items: { ref: "PollQuestionPrompt" }, sources: [SPEC, SDK] },
  { schema: "PollQuestion", path: "answer_min_character", type: "integer", sources: [SPEC, SDK] },
  { schema: "PollQuestion", path: "answer_max_character", type: "integer", sources: [SPEC, SDK] },
  { schema: "PollQuestion", path: "rating_min_value", type: "integer", sources: [SPEC, SDK] },
  { schema: "PollQuestion", path: "rating_max_value", type: "integer", sources: [SPEC, SDK] },
  { schema: "PollQuestion", path: "rating_min_label", type: "string", sources: [SPEC, SDK] },
  { schema: "PollQuestion", path: "rating_max_label", type: "string", sources: [SPEC, SDK] },
  // PollQuestionPrompt
  { schema: "PollQuestionPrompt", path: "", type: "object", sources: [SPEC, SDK] },
  { schema: "PollQuestionPrompt", path: "prompt_question", type: "string", sources: [SPEC, SDK] },
  { schema: "PollQuestionPrompt", path: "prompt_right_answers", type: "array", items: { type: "string" }, sources: [SPEC, SDK] },
  // WebinarPollList
  { schema: "WebinarPollList", path: "", type: "object", sources: [SPEC, SDK] },
  { schema: "WebinarPollList", path: "total_records", type: "integer", sources: [SPEC, SDK] },
  { schema: "WebinarPollList", path: "polls", type: "array", items: { ref: "WebinarPoll" }, sources: [SPEC, SDK] },
  // WebinarSurveyUpdate
  { schema: "WebinarSurveyUpdate", path: "", type: "object", sources: [SPEC, SDK] },
  { schema: "WebinarSurveyUpdate", path: "custom_survey", ref: "CustomSurveyUpdate" },
  { schema: "WebinarSurveyUpdate", path: "third_party_survey", type: "string", maxLength: 64, sources: [SPEC, SDK], keywordSources: { maxLength: [SPEC] } },
  { schema: "WebinarSurveyUpdate", path: "show_in_the_browser", type: "boolean", default: true, sources: [SPEC, SDK], keywordSources: { default: [SPEC] } },
  { schema: "WebinarSurveyUpdate", path: "show_in_the_follow_up_email", type: "boolean", default: false, sources: [SPEC, SDK], keywordSources: { default: [SPEC] } },
  // CustomSurveyUpdate
  { schema: "CustomSurveyUpdate", path: "", type: "object", sources: [SPEC, SDK] },
  { schema: "CustomSurveyUpdate", path: "title", type: "string", sources: [SDK] },
  { schema: "CustomSurveyUpdate", path: "anonymous", type: "boolean", sources: [SPEC, SDK] },
  { schema: "CustomSurveyUpdate", path: "numbered_questions", type: "boolean", sources: [SDK] },
  { schema: "CustomSurveyUpdate", path: "show_question_type", type: "boolean", sources: [SDK] },
  { schema: "CustomSurveyUpdate", path: "feedback", type: "string", sources: [SDK] },
  { schema: "CustomSurveyUpdate", path: "questions", type: "array", items: { ref: "SurveyQuestionUpdate" }, sources: [SPEC, SDK] },
  // SurveyQuestionUpdate
  { schema: "SurveyQuestionUpdate", path: "", type: "object", sources: [SPEC, SDK] },
  { schema: "SurveyQuestionUpdate", path: "name", type: "string", maxLength: 255, sources: [SPEC, SDK], keywordSources: { maxLength: [SPEC] } },
  { schema: "SurveyQuestionUpdate", path: "type", type: "string", enum: ["single", "multiple", "rating_scale", "long_answer"], sources: [SPEC, SDK], keywordSources: { enum: [SPEC] } },
  { schema: "SurveyQuestionUpdate", path: "answer_required", type: "boolean", default: false, sources: [SPEC, SDK], keywordSources: { default: [SPEC] } },
  { schema: "SurveyQuestionUpdate", path: "show_as_dropdown", type: "boolean", default: false, sources: [SPEC, SDK], keywordSources: { default: [SPEC] } },
  { schema: "SurveyQuestionUpdate", path: "answers", type: "array", minItems: 2, maxItems: 10, items: { type: "string" }, sources: [SPEC, SDK], keywordSources: { minItems: [SPEC], maxItems: [SPEC] } },
  { schema: "SurveyQuestionUpdate", path: "prompts", type: "array", items: { ref: "SurveyQuestionPrompt" }, sources: [SDK] },
  { schema: "SurveyQuestionUpdate", path: "answer_min_character", type: "integer", minimum: 1, sources: [SPEC, SDK], keywordSources: { minimum: [SPEC] } },
  { schema: "SurveyQuestionUpdate", path: "answer_max_character", type: "integer", maximum: 2000, sources: [SPEC, SDK], keywordSources: { maximum: [SPEC] } },
  { schema: "SurveyQuestionUpdate", path: "rating_min_value", type: "integer", minimum: 0, sources: [SPEC, SDK], keywordSources: { minimum: [SPEC] } },
  { schema: "SurveyQuestionUpdate", path: "rating_max_value", type: "integer", maximum: 10, sources: [SPEC, SDK], keywordSources: { maximum: [SPEC] } },
  { schema: "SurveyQuestionUpdate", path: "rating_min_label", type: "string", sources: [SPEC, SDK] },
  { schema: "SurveyQuestionUpdate", path: "rating_max_label", type: "string", sources: [SPEC, SDK] },
  // SurveyQuestionPrompt
  { schema: "SurveyQuestionPrompt", path: "", type: "object", sources: [SDK] },
  { schema: "SurveyQuestionPrompt", path: "prompt_question", type: "string", sources: [SDK] },
  // WebinarSurvey
  { schema: "WebinarSurvey", path: "", type: "object", sources: [SPEC, SDK] },
  { schema: "WebinarSurvey", path: "custom_survey", ref: "CustomSurvey" },
  { schema: "WebinarSurvey", path: "third_party_survey", type: "string", sources: [SPEC, SDK] },
  { schema: "WebinarSurvey", path: "show_in_the_browser", type: "boolean", default: true, sources: [SPEC, SDK], keywordSources: { default: [SPEC] } },
  { schema: "WebinarSurvey", path: "show_in_the_follow_up_email", type: "boolean", default: false, sources: [SPEC, SDK], keywordSources: { default: [SPEC] } },
  // CustomSurvey
  { schema: "CustomSurvey", path: "", type: "object", sources: [SPEC, SDK] },
  { schema: "CustomSurvey", path: "title", type: "string", sources: [SDK] },
  { schema: "CustomSurvey", path: "anonymous", type: "boolean", sources: [SPEC, SDK] },
  { schema: "CustomSurvey", path: "numbered_questions", type: "boolean", sources: [SDK] },
  { schema: "CustomSurvey", path: "show_question_type", type: "boolean", sources: [SDK] },
  { schema: "CustomSurvey", path: "feedback", type: "string", sources: [SDK] },
  { schema: "CustomSurvey", path: "questions", type: "array", items: { ref: "SurveyQuestion" }, sources: [SPEC, SDK] },
  // SurveyQuestion
  { schema: "SurveyQuestion", path: "", type: "object", sources: [SPEC, SDK] },
  { schema: "SurveyQuestion", path: "name", type: "string", sources: [SPEC, SDK] },
  { schema: "SurveyQuestion", path: "type", type: "string", sources: [SPEC, SDK] },
  { schema: "SurveyQuestion", path: "answer_required", type: "boolean", default: false, sources: [SPEC, SDK], keywordSources: { default: [SPEC] } },
  { schema: "SurveyQuestion", path: "show_as_dropdown", type: "boolean", default: false, sources: [SPEC, SDK], keywordSources: { default: [SPEC] } },
  { schema: "SurveyQuestion", path: "answers", type: "array", items: { type: "string" }, sources: [SPEC, SDK] },
  { schema: "SurveyQuestion", path: "prompts", type: "array", items: { ref: "SurveyQuestionPrompt" }, sources: [SDK] },
  { schema: "SurveyQuestion", path: "answer_min_character", type: "integer", sources: [SPEC, SDK] },
  { schema: "SurveyQuestion", path: "answer_max_character", type: "integer", sources: [SPEC, SDK] },
  { schema: "SurveyQuestion", path: "rating_min_value", type: "integer", sources: [SPEC, SDK] },
  { schema: "SurveyQuestion", path: "rating_max_value", type: "integer", sources: [SPEC, SDK] },
  { schema: "SurveyQuestion", path: "rating_min_label", type: "string", sources: [SPEC, SDK] },
  { schema: "SurveyQuestion", path: "rating_max_label", type: "string", sources: [SPEC, SDK] },
  // WebinarLiveStreamUpdate
  { schema: "WebinarLiveStreamUpdate", path: "", type: "object", sources: [SPEC, SDK] },
  { schema: "WebinarLiveStreamUpdate", path: "stream_url", type: "string", maxLength: 1024, required: true, sources: [SPEC, SDK], keywordSources: { maxLength: [SPEC] } },
  { schema: "WebinarLiveStreamUpdate", path: "stream_key", type: "string", maxLength: 512, required: true, sources: [SPEC, SDK], keywordSources: { maxLength: [SPEC] } },
  { schema: "WebinarLiveStreamUpdate", path: "page_url", type: "string", format: "uri", maxLength: 1024, required: true, sources: [SPEC, SDK], keywordSources: { format: [SPEC], maxLength: [SPEC] } },
  { schema: "WebinarLiveStreamUpdate", path: "resolution", type: "string", enum: ["720p", "1080p"], sources: [SPEC, SDK], keywordSources: { enum: [SPEC] } },
  // WebinarLiveStream
  { schema: "WebinarLiveStream", path: "", type: "object", sources: [SPEC, SDK] },
  { schema: "WebinarLiveStream", path: "stream_url", type: "string", sources: [SPEC, SDK] },
  { schema: "WebinarLiveStream", path: "stream_key", type: "string", sources: [SPEC, SDK] },
  { schema: "WebinarLiveStream", path: "page_url", type: "string", sources: [SPEC, SDK] },
  { schema: "WebinarLiveStream", path: "resolution", type: "string", sources: [SPEC, SDK] },
  // WebinarLiveStreamStatusUpdate
  { schema: "WebinarLiveStreamStatusUpdate", path: "", type: "object", sources: [SPEC, SDK] },
  { schema: "WebinarLiveStreamStatusUpdate", path: "action", type: "string", enum: ["start", "stop"], sources: [SPEC, SDK], keywordSources: { enum: [SPEC] } },
  { schema: "WebinarLiveStreamStatusUpdate", path: "settings", ref: "LiveStreamStatusSettings" },
  // LiveStreamStatusSettings
  { schema: "LiveStreamStatusSettings", path: "", type: "object", sources: [SPEC, SDK] },
  { schema: "LiveStreamStatusSettings", path: "active_speaker_name", type: "boolean", sources: [SPEC, SDK] },
  { schema: "LiveStreamStatusSettings", path: "display_name", type: "string", minLength: 1, maxLength: 50, sources: [SPEC, SDK], keywordSources: { minLength: [SPEC], maxLength: [SPEC] } },
];

export const parameterFacts: readonly ParameterFact[] = [
  { parameter: "PollId", name: "pollId", in: "path", type: "string", required: true, minLength: 1, sources: [SPEC, SDK] },
  { parameter: "listWebinarPolls.anonymous", name: "anonymous", in: "query", type: "boolean", sources: [SPEC, SDK] },
];

const POLLS = "/accounts/{accountId}/webinars/{webinarId}/polls";
const POLL = `${POLLS}/{pollId}`;
const SURVEY = "/accounts/{accountId}/webinars/{webinarId}/survey";
const LIVE = "/accounts/{accountId}/webinars/{webinarId}/livestream";
const OP_SOURCES = [SPEC, SDK, SCOPES, PAGE] as const;
const common = { rateLimit: "Light", sources: OP_SOURCES } as const;

export const operationFacts: readonly OperationFact[] = [
  { operationId: "updateWebinarLiveStreamStatus", method: "patch", path: `${LIVE}/status`, tag: "Live streaming", summaryZh: "更新实时流状态", success: 204, requestBody: "WebinarLiveStreamStatusUpdate", scopes: ["webinar:update:livestream_status:master", "webinar:master"], errors: { "400": [200, 300, 1001, 3000, 3001] }, ...common },
  { operationId: "updateWebinarLiveStream", method: "patch", path: LIVE, tag: "Live streaming", summaryZh: "更新实时流", success: 204, requestBody: "WebinarLiveStreamUpdate", scopes: ["webinar:update:livestream:master", "webinar:master"], errors: { "400": [200, 300, 1001, 3001] }, ...common },
  { operationId: "getWebinarLiveStream", method: "get", path: LIVE, tag: "Live streaming", summaryZh: "获取实时流详细信息", success: 200, responseBody: "WebinarLiveStream", scopes: ["webinar:read:livestream:master", "webinar:master"], errors: { "400": [200, 300, 1001, 3001] }, ...common },
  { operationId: "createWebinarPoll", method: "post", path: POLLS, tag: "Polls", summaryZh: "创建网络研讨会的投票", success: 201, requestBody: "WebinarPollRequest", responseBody: "WebinarPoll", scopes: ["webinar:write:poll:master", "webinar:master"], errors: { "400": [300, 4400], "404": [3001] }, ...common },
  { operationId: "listWebinarPolls", method: "get", path: POLLS, tag: "Polls", summaryZh: "列出网络研讨会的民意调查", success: 200, responseBody: "WebinarPollList", query: ["anonymous"], scopes: ["webinar:read:list_polls:master", "webinar:master"], errors: { "400": [4400], "404": [3001] }, ...common },
  { operationId: "updateWebinarSurvey", method: "patch", path: SURVEY, tag: "Surveys", summaryZh: "更新网络研讨会调查", success: 204, requestBody: "WebinarSurveyUpdate", scopes: ["webinar:update:survey:master", "webinar:master"], errors: { "400": [300, 3000], "404": [300, 3001] }, ...common },
  { operationId: "getWebinarSurvey", method: "get", path: SURVEY, tag: "Surveys", summaryZh: "获取网络研讨会调查", success: 200, responseBody: "WebinarSurvey", scopes: ["webinar:read:survey:master", "webinar:master"], errors: { "400": [300, 3000], "404": [300, 3001] }, ...common },
  { operationId: "deleteWebinarSurvey", method: "delete", path: SURVEY, tag: "Surveys", summaryZh: "删除网络研讨会调查", success: 204, scopes: ["webinar:delete:survey:master", "webinar:master"], errors: { "400": [300, 3000], "404": [300, 3001] }, ...common },
  { operationId: "getWebinarPoll", method: "get", path: POLL, tag: "Polls", summaryZh: "获取网络研讨会投票", success: 200, responseBody: "WebinarPoll", scopes: ["webinar:read:poll:master", "webinar:master"], errors: { "400": [4400], "404": [3001] }, ...common },
  { operationId: "deleteWebinarPoll", method: "delete", path: POLL, tag: "Polls", summaryZh: "删除网络研讨会投票", success: 204, scopes: ["webinar:delete:poll:master", "webinar:master"], errors: { "400": [4400], "404": [3001] }, ...common },
  { operationId: "updateWebinarPoll", method: "put", path: POLL, tag: "Polls", summaryZh: "更新网络研讨会投票", success: 204, requestBody: "WebinarPollRequest", scopes: ["webinar:update:poll:master", "webinar:master"], errors: { "400": [4400], "404": [3001] }, ...common },
];
