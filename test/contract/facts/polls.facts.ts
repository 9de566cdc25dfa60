// Polls, surveys and live streaming (issue 14: operations #3, #21–#24, #32–#34, #38–#40): every
// node of the components their bodies use, and the operations, with the sources of each fact.
// Checked by script against Zoom's published spec (2023; user-level paths
// `/webinars/{webinarId}/polls…`, `/survey`, `/livestream…`) and SDK types (2026;
// `Webinars…Poll…`, `Webinars…Survey…`, `Webinars…LiveStream…`). Format: ./types.ts.
//
// Where Zoom's spec is glued or contradicts itself the row holds the fixed fact and the
// schema's description says what Zoom wrote:
// - limits Zoom states only in prose are keywords here (poll answers 2–16, prompts 2–10,
//   prompt_right_answers 1–10, answer_max_character ≤ 2000, poll_type default 1, survey
//   answers ≤ 10, live stream resolution 720p/1080p);
// - defaults Zoom's own text contradicts are dropped (poll question answer_required,
//   custom_survey.anonymous);
// - createWebinarPoll's HTTP "300" is Zoom error code 300 under HTTP 400.
// Response schemas keep types, enums and defaults but not Zoom's write limits; the request
// schemas carry the limits.
import type { OperationFacts, ParameterFact, SchemaFacts, SourceId } from "./types.js";

export const schemaFacts: SchemaFacts = {
  WebinarPollRequest: {
    "": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "object" },
    "title": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string", maxLength: 64, keywordSources: { maxLength: ["zoom-spec-2023"] } },
    "anonymous": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "boolean", default: false, keywordSources: { default: ["zoom-spec-2023"] } },
    "poll_type": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "integer", enum: [1, 2, 3], default: 1, keywordSources: { default: ["zoom-spec-2023"] } },
    "questions": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "array" },
    "questions[]": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "object" },
  },
  PollQuestionRequest: {
    "": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "object" },
    "name": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string", maxLength: 255, keywordSources: { maxLength: ["zoom-spec-2023"] } },
    "type": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string", enum: ["single", "multiple", "matching", "rank_order", "short_answer", "long_answer", "fill_in_the_blank", "rating_scale"], keywordSources: { enum: ["zoom-spec-2023"] } },
    "answer_required": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "boolean" },
    "answers": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "array", minItems: 2, maxItems: 16, keywordSources: { minItems: ["zoom-spec-2023"], maxItems: ["zoom-spec-2023"] } },
    "answers[]": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string" },
    "right_answers": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "array", minItems: 1, keywordSources: { minItems: ["zoom-spec-2023"] } },
    "right_answers[]": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string" },
    "case_sensitive": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "boolean", default: false, keywordSources: { default: ["zoom-spec-2023"] } },
    "show_as_dropdown": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "boolean", default: false, keywordSources: { default: ["zoom-spec-2023"] } },
    "prompts": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "array", minItems: 2, maxItems: 10, keywordSources: { minItems: ["zoom-spec-2023"], maxItems: ["zoom-spec-2023"] } },
    "prompts[]": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "object" },
    "answer_min_character": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "integer", minimum: 1, keywordSources: { minimum: ["zoom-spec-2023"] } },
    "answer_max_character": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "integer", maximum: 2000, keywordSources: { maximum: ["zoom-spec-2023"] } },
    "rating_min_value": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "integer", minimum: 0, keywordSources: { minimum: ["zoom-spec-2023"] } },
    "rating_max_value": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "integer", maximum: 10, keywordSources: { maximum: ["zoom-spec-2023"] } },
    "rating_min_label": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string" },
    "rating_max_label": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string" },
  },
  PollQuestionPromptRequest: {
    "": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "object" },
    "prompt_question": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string" },
    "prompt_right_answers": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "array", minItems: 1, maxItems: 10, keywordSources: { minItems: ["zoom-spec-2023"], maxItems: ["zoom-spec-2023"] } },
    "prompt_right_answers[]": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string" },
  },
  WebinarPoll: {
    "": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "object" },
    "id": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string" },
    "status": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string", enum: ["notstart", "started", "ended", "sharing"], keywordSources: { enum: ["zoom-spec-2023"] } },
    "anonymous": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "boolean", default: false, keywordSources: { default: ["zoom-spec-2023"] } },
    "poll_type": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "integer", enum: [1, 2, 3], keywordSources: { enum: ["zoom-spec-2023"] } },
    "title": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string" },
    "questions": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "array" },
    "questions[]": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "object" },
  },
  PollQuestion: {
    "": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "object" },
    "name": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string" },
    "type": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string", enum: ["single", "multiple", "matching", "rank_order", "short_answer", "long_answer", "fill_in_the_blank", "rating_scale"], keywordSources: { enum: ["zoom-spec-2023"] } },
    "answer_required": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "boolean" },
    "answers": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "array" },
    "answers[]": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string" },
    "right_answers": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "array" },
    "right_answers[]": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string" },
    "case_sensitive": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "boolean", default: false, keywordSources: { default: ["zoom-spec-2023"] } },
    "show_as_dropdown": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "boolean", default: false, keywordSources: { default: ["zoom-spec-2023"] } },
    "prompts": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "array" },
    "prompts[]": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "object" },
    "answer_min_character": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "integer" },
    "answer_max_character": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "integer" },
    "rating_min_value": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "integer" },
    "rating_max_value": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "integer" },
    "rating_min_label": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string" },
    "rating_max_label": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string" },
  },
  PollQuestionPrompt: {
    "": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "object" },
    "prompt_question": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string" },
    "prompt_right_answers": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "array" },
    "prompt_right_answers[]": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string" },
  },
  WebinarPollList: {
    "": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "object" },
    "total_records": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "integer" },
    "polls": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "array" },
    "polls[]": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "object" },
  },
  WebinarSurveyUpdate: {
    "": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "object" },
    "custom_survey": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "object" },
    "third_party_survey": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string", maxLength: 64, keywordSources: { maxLength: ["zoom-spec-2023"] } },
    "show_in_the_browser": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "boolean", default: true, keywordSources: { default: ["zoom-spec-2023"] } },
    "show_in_the_follow_up_email": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "boolean", default: false, keywordSources: { default: ["zoom-spec-2023"] } },
  },
  CustomSurveyUpdate: {
    "": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "object" },
    "title": { sources: ["zoom-sdk-2026"], type: "string" },
    "anonymous": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "boolean" },
    "numbered_questions": { sources: ["zoom-sdk-2026"], type: "boolean" },
    "show_question_type": { sources: ["zoom-sdk-2026"], type: "boolean" },
    "feedback": { sources: ["zoom-sdk-2026"], type: "string" },
    "questions": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "array" },
    "questions[]": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "object" },
  },
  SurveyQuestionUpdate: {
    "": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "object" },
    "name": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string", maxLength: 255, keywordSources: { maxLength: ["zoom-spec-2023"] } },
    "type": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string", enum: ["single", "multiple", "rating_scale", "long_answer"], keywordSources: { enum: ["zoom-spec-2023"] } },
    "answer_required": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "boolean", default: false, keywordSources: { default: ["zoom-spec-2023"] } },
    "show_as_dropdown": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "boolean", default: false, keywordSources: { default: ["zoom-spec-2023"] } },
    "answers": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "array", minItems: 2, maxItems: 10, keywordSources: { minItems: ["zoom-spec-2023"], maxItems: ["zoom-spec-2023"] } },
    "answers[]": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string" },
    "prompts": { sources: ["zoom-sdk-2026"], type: "array" },
    "prompts[]": { sources: ["zoom-sdk-2026"], type: "object" },
    "answer_min_character": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "integer", minimum: 1, keywordSources: { minimum: ["zoom-spec-2023"] } },
    "answer_max_character": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "integer", maximum: 2000, keywordSources: { maximum: ["zoom-spec-2023"] } },
    "rating_min_value": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "integer", minimum: 0, keywordSources: { minimum: ["zoom-spec-2023"] } },
    "rating_max_value": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "integer", maximum: 10, keywordSources: { maximum: ["zoom-spec-2023"] } },
    "rating_min_label": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string" },
    "rating_max_label": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string" },
  },
  SurveyQuestionPrompt: {
    "": { sources: ["zoom-sdk-2026"], type: "object" },
    "prompt_question": { sources: ["zoom-sdk-2026"], type: "string" },
  },
  WebinarSurvey: {
    "": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "object" },
    "custom_survey": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "object" },
    "third_party_survey": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string" },
    "show_in_the_browser": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "boolean", default: true, keywordSources: { default: ["zoom-spec-2023"] } },
    "show_in_the_follow_up_email": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "boolean", default: false, keywordSources: { default: ["zoom-spec-2023"] } },
  },
  CustomSurvey: {
    "": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "object" },
    "title": { sources: ["zoom-sdk-2026"], type: "string" },
    "anonymous": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "boolean" },
    "numbered_questions": { sources: ["zoom-sdk-2026"], type: "boolean" },
    "show_question_type": { sources: ["zoom-sdk-2026"], type: "boolean" },
    "feedback": { sources: ["zoom-sdk-2026"], type: "string" },
    "questions": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "array" },
    "questions[]": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "object" },
  },
  SurveyQuestion: {
    "": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "object" },
    "name": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string" },
    "type": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string" },
    "answer_required": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "boolean", default: false, keywordSources: { default: ["zoom-spec-2023"] } },
    "show_as_dropdown": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "boolean", default: false, keywordSources: { default: ["zoom-spec-2023"] } },
    "answers": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "array" },
    "answers[]": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string" },
    "prompts": { sources: ["zoom-sdk-2026"], type: "array" },
    "prompts[]": { sources: ["zoom-sdk-2026"], type: "object" },
    "answer_min_character": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "integer" },
    "answer_max_character": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "integer" },
    "rating_min_value": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "integer" },
    "rating_max_value": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "integer" },
    "rating_min_label": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string" },
    "rating_max_label": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string" },
  },
  WebinarLiveStreamUpdate: {
    "": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "object" },
    "stream_url": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string", maxLength: 1024, required: true, keywordSources: { maxLength: ["zoom-spec-2023"] } },
    "stream_key": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string", maxLength: 512, required: true, keywordSources: { maxLength: ["zoom-spec-2023"] } },
    "page_url": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string", format: "uri", maxLength: 1024, required: true, keywordSources: { format: ["zoom-spec-2023"], maxLength: ["zoom-spec-2023"] } },
    "resolution": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string", enum: ["720p", "1080p"], keywordSources: { enum: ["zoom-spec-2023"] } },
  },
  WebinarLiveStream: {
    "": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "object" },
    "stream_url": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string" },
    "stream_key": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string" },
    "page_url": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string" },
    "resolution": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string" },
  },
  WebinarLiveStreamStatusUpdate: {
    "": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "object" },
    "action": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string", enum: ["start", "stop"], keywordSources: { enum: ["zoom-spec-2023"] } },
    "settings": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "object" },
  },
  LiveStreamStatusSettings: {
    "": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "object" },
    "active_speaker_name": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "boolean" },
    "display_name": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string", minLength: 1, maxLength: 50, keywordSources: { minLength: ["zoom-spec-2023"], maxLength: ["zoom-spec-2023"] } },
  },
};

const SPEC: SourceId = "zoom-spec-2023";
const SDK: SourceId = "zoom-sdk-2026";
const OPERATION_SOURCES: SourceId[] = ["zoom-spec-2023", "zoom-sdk-2026", "zoom-granular-scopes", "page"];
const path = {
  accountId: { in: "path", required: true, type: "string", sources: ["page"] },
  webinarId: { in: "path", required: true, type: "string", sources: ["page", "zoom-spec-2023", "zoom-sdk-2026"] },
} satisfies Record<string, ParameterFact>;
const pollId: ParameterFact = { in: "path", required: true, type: "string", sources: [SPEC, SDK] };
const POLLS = "/accounts/{accountId}/webinars/{webinarId}/polls";
const POLL = `${POLLS}/{pollId}`;
const SURVEY = "/accounts/{accountId}/webinars/{webinarId}/survey";
const LIVE = "/accounts/{accountId}/webinars/{webinarId}/livestream";
const light = { rateLimitCategory: "Light", sources: OPERATION_SOURCES } as const;
const scopes = (granular: string): string[][] => [[granular], ["webinar:master"]];
// Every code below is listed by Zoom's 2023 spec for that operation.
const from = (...codes: number[]): Record<number, SourceId[]> => Object.fromEntries(codes.map((c) => [c, [SPEC]]));

export const operationFacts: OperationFacts = {
  updateWebinarLiveStreamStatus: {
    method: "patch", path: `${LIVE}/status`, successStatus: "204", tag: "Live streaming",
    bodies: { request: "WebinarLiveStreamStatusUpdate" },
    errors: { "400": [200, 300, 1001, 3000, 3001] }, errorSources: from(200, 300, 1001, 3000, 3001),
    scopes: scopes("webinar:update:livestream_status:master"), parameters: { ...path }, ...light,
  },
  updateWebinarLiveStream: {
    method: "patch", path: LIVE, successStatus: "204", tag: "Live streaming",
    bodies: { request: "WebinarLiveStreamUpdate" },
    errors: { "400": [200, 300, 1001, 3001] }, errorSources: from(200, 300, 1001, 3001),
    scopes: scopes("webinar:update:livestream:master"), parameters: { ...path }, ...light,
  },
  getWebinarLiveStream: {
    method: "get", path: LIVE, successStatus: "200", tag: "Live streaming",
    bodies: { response: "WebinarLiveStream" },
    errors: { "400": [200, 300, 1001, 3001] }, errorSources: from(200, 300, 1001, 3001),
    scopes: scopes("webinar:read:livestream:master"), parameters: { ...path }, ...light,
  },
  createWebinarPoll: {
    method: "post", path: POLLS, successStatus: "201", tag: "Polls",
    bodies: { request: "WebinarPollRequest", response: "WebinarPoll" },
    // 300 is listed as an HTTP status; the same spec returns code 300 under 400 elsewhere.
    errors: { "400": [300, 4400], "404": [3001] }, errorSources: from(300, 4400, 3001),
    scopes: scopes("webinar:write:poll:master"), parameters: { ...path }, ...light,
  },
  listWebinarPolls: {
    method: "get", path: POLLS, successStatus: "200", tag: "Polls",
    bodies: { response: "WebinarPollList" },
    errors: { "400": [4400], "404": [3001] }, errorSources: from(4400, 3001),
    scopes: scopes("webinar:read:list_polls:master"),
    parameters: { ...path, anonymous: { in: "query", required: false, type: "boolean", sources: [SPEC, SDK] } },
    ...light,
  },
  updateWebinarSurvey: {
    method: "patch", path: SURVEY, successStatus: "204", tag: "Surveys",
    bodies: { request: "WebinarSurveyUpdate" },
    errors: { "400": [300, 3000], "404": [300, 3001] }, errorSources: from(300, 3000, 3001),
    scopes: scopes("webinar:update:survey:master"), parameters: { ...path }, ...light,
  },
  getWebinarSurvey: {
    method: "get", path: SURVEY, successStatus: "200", tag: "Surveys",
    bodies: { response: "WebinarSurvey" },
    errors: { "400": [300, 3000], "404": [300, 3001] }, errorSources: from(300, 3000, 3001),
    scopes: scopes("webinar:read:survey:master"), parameters: { ...path }, ...light,
  },
  deleteWebinarSurvey: {
    method: "delete", path: SURVEY, successStatus: "204", tag: "Surveys",
    bodies: {},
    errors: { "400": [300, 3000], "404": [300, 3001] }, errorSources: from(300, 3000, 3001),
    scopes: scopes("webinar:delete:survey:master"), parameters: { ...path }, ...light,
  },
  getWebinarPoll: {
    method: "get", path: POLL, successStatus: "200", tag: "Polls",
    bodies: { response: "WebinarPoll" },
    errors: { "400": [4400], "404": [3001] }, errorSources: from(4400, 3001),
    scopes: scopes("webinar:read:poll:master"), parameters: { ...path, pollId }, ...light,
  },
  deleteWebinarPoll: {
    method: "delete", path: POLL, successStatus: "204", tag: "Polls",
    bodies: {},
    errors: { "400": [4400], "404": [3001] }, errorSources: from(4400, 3001),
    scopes: scopes("webinar:delete:poll:master"), parameters: { ...path, pollId }, ...light,
  },
  updateWebinarPoll: {
    method: "put", path: POLL, successStatus: "204", tag: "Polls",
    bodies: { request: "WebinarPollRequest" },
    errors: { "400": [4400], "404": [3001] }, errorSources: from(4400, 3001),
    scopes: scopes("webinar:update:poll:master"), parameters: { ...path, pollId }, ...light,
  },
};

/** What the generic fact test does not check: each operation's Chinese summary (the seed page's name). */
export const summariesZh: Record<string, string> = {
  updateWebinarLiveStreamStatus: "更新实时流状态",
  updateWebinarLiveStream: "更新实时流",
  getWebinarLiveStream: "获取实时流详细信息",
  createWebinarPoll: "创建网络研讨会的投票",
  listWebinarPolls: "列出网络研讨会的民意调查",
  updateWebinarSurvey: "更新网络研讨会调查",
  getWebinarSurvey: "获取网络研讨会调查",
  deleteWebinarSurvey: "删除网络研讨会调查",
  getWebinarPoll: "获取网络研讨会投票",
  deleteWebinarPoll: "删除网络研讨会投票",
  updateWebinarPoll: "更新网络研讨会投票",
};
