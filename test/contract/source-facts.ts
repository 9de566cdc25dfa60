// Facts read by hand from the source page (../shared/seed/000_2fbaf2001431a9aa.txt) and,
// where marked `zoom`, from Zoom's current public reference. Each row is one field of the
// 200 body: a later edit of openapi/ that drops or changes one of them fails a test.
// Paths use `.` between properties and `[]` for the items of an array.

export interface FieldFact {
  type: "string" | "integer" | "boolean" | "object" | "array";
  format?: string;
  enum?: readonly (string | number)[];
  default?: string | number | boolean;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  maxItems?: number;
  deprecated?: true;
  required?: true;
  /** Where the fact comes from: the source page, or Zoom's reference for what the page lacks. */
  from?: "zoom";
}

const bool = { type: "boolean" } as const;
const str = { type: "string" } as const;
const int = { type: "integer" } as const;
const obj = { type: "object" } as const;
const arr = { type: "array" } as const;
const dateTime = { type: "string", format: "date-time" } as const;
const zoom = <T extends FieldFact>(fact: T): FieldFact => ({ ...fact, from: "zoom" });

const notificationType = { type: "integer", enum: [0, 1, 2, 3, 4, 5, 6, 7] } as const;

export const sourceFacts: Record<string, FieldFact> = {
  // Top level, in the page's order.
  occurrences: arr,
  "occurrences[]": obj,
  "occurrences[].duration": int,
  "occurrences[].start_time": dateTime,
  "occurrences[].status": { type: "string", enum: ["available", "deleted"] },
  "occurrences[].occurrence_id": str, // shown only in the page's JSON example
  settings: obj,
  join_url: { type: "string", format: "uri" },
  timezone: str,
  start_url: { type: "string", format: "uri" },
  created_at: dateTime,
  record_file_id: str,
  type: { type: "integer", enum: [5, 6, 9], default: 5 },
  uuid: str,
  agenda: str,
  host_id: str,
  duration: int,
  recurrence: obj,
  "recurrence.end_date_time": dateTime,
  "recurrence.end_times": { type: "integer", maximum: 60, default: 1 },
  "recurrence.monthly_week": { type: "integer", enum: [-1, 1, 2, 3, 4] },
  "recurrence.monthly_week_day": { type: "integer", enum: [1, 2, 3, 4, 5, 6, 7] },
  "recurrence.repeat_interval": int,
  "recurrence.monthly_day": zoom({ type: "integer", minimum: 1, maximum: 31 }), // bounds from Zoom
  "recurrence.type": { type: "integer", enum: [1, 2, 3], required: true },
  "recurrence.weekly_days": str,
  start_time: dateTime,
  password: { type: "string", maxLength: 10 },
  tracking_fields: arr,
  "tracking_fields[].field": str,
  "tracking_fields[].value": str,
  is_simulive: bool,
  topic: { type: "string", maxLength: 200 },
  id: { type: "integer", format: "int64" },
  host_email: { type: "string", format: "email" },

  // settings, in the page's order.
  "settings.post_webinar_survey": bool,
  "settings.authentication_option": str,
  "settings.email_language": str,
  "settings.sign_language_interpretation": obj,
  "settings.sign_language_interpretation.enable": bool,
  "settings.sign_language_interpretation.interpreters": zoom({ type: "array", maxItems: 20 }),
  "settings.sign_language_interpretation.interpreters[].sign_language": str,
  "settings.sign_language_interpretation.interpreters[].email": { type: "string", format: "email" },
  "settings.send_1080p_video_to_attendees": { type: "boolean", default: false },
  "settings.show_share_button": bool,
  "settings.hd_video": { type: "boolean", default: false },
  "settings.registrants_confirmation_email": bool,
  "settings.registration_type": { type: "integer", enum: [1, 2, 3], default: 1 },
  "settings.contact_email": str,
  "settings.allow_multiple_devices": bool,
  "settings.meeting_authentication": bool,
  "settings.survey_url": { type: "string", format: "uri" },
  "settings.alternative_hosts": str,
  "settings.alternative_host_update_polls": bool,
  "settings.follow_up_absentees_email_notification": obj,
  "settings.follow_up_absentees_email_notification.enable": bool,
  "settings.follow_up_absentees_email_notification.type": notificationType,
  "settings.add_audio_watermark": bool,
  "settings.audio": { type: "string", enum: ["both", "telephony", "voip", "thirdParty"], default: "both" },
  "settings.authentication_name": str,
  "settings.notify_registrants": bool,
  "settings.practice_session": { type: "boolean", default: false },
  "settings.enforce_login_domains": { type: "string", deprecated: true },
  "settings.global_dial_in_countries": arr,
  "settings.global_dial_in_countries[]": str,
  "settings.registrants_restrict_number": { type: "integer", minimum: 0, maximum: 20000, default: 0 },
  "settings.question_and_answer": obj,
  "settings.question_and_answer.allow_auto_reply": bool,
  "settings.question_and_answer.allow_anonymous_questions": bool,
  "settings.question_and_answer.answer_questions": { type: "string", enum: ["only", "all"] },
  "settings.question_and_answer.enable": bool,
  "settings.question_and_answer.allow_submit_questions": bool,
  "settings.question_and_answer.attendees_can_comment": bool,
  "settings.question_and_answer.auto_reply_text": str,
  "settings.question_and_answer.attendees_can_upvote": bool,
  "settings.contact_name": str,
  "settings.attendees_and_panelists_reminder_email_notification": obj,
  "settings.attendees_and_panelists_reminder_email_notification.enable": bool,
  "settings.attendees_and_panelists_reminder_email_notification.type": notificationType,
  "settings.registrants_email_notification": bool,
  "settings.approval_type": { type: "integer", enum: [0, 1, 2], default: 2 },
  "settings.close_registration": { type: "boolean", deprecated: true },
  "settings.auto_recording": { type: "string", enum: ["local", "cloud", "none"], default: "none" },
  "settings.host_video": bool,
  "settings.language_interpretation": obj,
  "settings.language_interpretation.enable": bool,
  "settings.language_interpretation.interpreters[].languages": { type: "string", deprecated: true },
  "settings.language_interpretation.interpreters[].email": { type: "string", format: "email" },
  "settings.panelists_video": bool,
  "settings.add_watermark": bool,
  "settings.enforce_login": { type: "boolean", deprecated: true },
  "settings.on_demand": { type: "boolean", default: false },
  "settings.hd_video_for_attendees": { type: "boolean", default: false },
  "settings.panelists_invitation_email_notification": bool,
  "settings.panelist_authentication": bool,
  "settings.enable_session_branding": bool,
  "settings.audio_conference_info": { type: "string", maxLength: 2048 },
  "settings.authentication_domains": str,
  "settings.follow_up_attendees_email_notification": obj,
  "settings.follow_up_attendees_email_notification.enable": bool,
  "settings.follow_up_attendees_email_notification.type": notificationType,

  // Fields Zoom's current reference documents and the page lacks.
  template_id: zoom(str),
  registration_url: zoom({ type: "string", format: "uri" }),
  encrypted_passcode: zoom(str),
  h323_passcode: zoom(str),
  transition_to_live: zoom(bool),
  creation_source: zoom({ type: "string", enum: ["other", "open_api", "web_portal"] }),
  simulive_delay_start: zoom(obj),
  "simulive_delay_start.enable": zoom(bool),
  "simulive_delay_start.time": zoom(int),
  "simulive_delay_start.timeunit": zoom({ type: "string", enum: ["second", "minute"], default: "second" }),
  "tracking_fields[].visible": zoom(bool),
  "settings.additional_data_center_regions": zoom(arr),
  "settings.additional_data_center_regions[]": zoom(str),
  "settings.global_dial_in_numbers": zoom(arr),
  "settings.global_dial_in_numbers[].city": zoom(str),
  "settings.global_dial_in_numbers[].country": zoom(str),
  "settings.global_dial_in_numbers[].country_name": zoom(str),
  "settings.global_dial_in_numbers[].number": zoom(str),
  "settings.global_dial_in_numbers[].type": zoom({ type: "string", enum: ["toll", "tollfree", "premium"] }),
  "settings.show_join_info": zoom(bool),
  "settings.request_permission_to_unmute_participants": zoom(bool),
  "settings.allow_host_control_participant_mute_state": zoom(bool),
  "settings.email_in_attendee_report": zoom(bool),
  "settings.language_interpretation.interpreters[].interpreter_languages": zoom(str),
};

/** The glued strings the page printed instead of enum lists; none may be a valid value. */
export const gluedEnumStrings: Record<string, string | number> = {
  type: 569,
  "settings.registration_type": 123,
  "settings.approval_type": 12, // "012" read as a number
  "settings.audio": "bothtelephonyvoipthirdParty",
  "settings.auto_recording": "localcloudnone",
  "recurrence.type": 123,
  "recurrence.monthly_week": -11234,
  "recurrence.monthly_week_day": 1234567,
};
