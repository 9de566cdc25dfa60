// A short, human summary of a webinar, for `npm run demo`. It leaves out the start link and the
// passcodes on purpose: the summary is meant to be printed, and those let people in.
import type { Webinar } from "../../src/client/get-webinar.js";
import type { OpenApiDocument } from "../spec/openapi-ajv.js";
import { enumWords } from "./enum-words.js";

export interface SummaryOptions {
  /** How many occurrences are listed before the rest are counted. Default 5. */
  maxOccurrences?: number;
}

const LABEL_WIDTH = 14;

/** Lines of text; enum values are spelt out with the contract's own `x-enumDescriptions`. */
export function summarizeWebinar(webinar: Webinar, document: OpenApiDocument, options: SummaryOptions = {}): string[] {
  const words = (steps: readonly string[], value: unknown): string => {
    if (value === undefined) return "not set";
    const text = enumWords(document, "Webinar", steps, value);
    return text === undefined ? `${String(value)}` : `${text.replace(/\.$/, "")} (${String(value)})`;
  };
  const settings = webinar.settings ?? {};
  const lines: string[] = [];
  const row = (label: string, value: string): void => {
    lines.push(`  ${`${label}:`.padEnd(LABEL_WIDTH)} ${value}`);
  };

  lines.push(`${webinar.topic ?? "(no topic)"}${webinar.id === undefined ? "" : `  [webinar ${webinar.id}]`}`);
  row("type", words(["type"], webinar.type));
  row("starts", startText(webinar.start_time, webinar.timezone));
  row("duration", webinar.duration === undefined ? "not set" : `${webinar.duration} min`);
  if (webinar.recurrence !== undefined) {
    const every = webinar.recurrence.repeat_interval ?? 1;
    const ends =
      webinar.recurrence.end_date_time !== undefined
        ? `until ${webinar.recurrence.end_date_time}`
        : webinar.recurrence.end_times !== undefined
          ? `${webinar.recurrence.end_times} times`
          : "no end given";
    row("repeats", `${words(["recurrence", "type"], webinar.recurrence.type)}, every ${every}, ${ends}`);
  }

  const registration = [`approval: ${words(["settings", "approval_type"], settings.approval_type)}`];
  // Zoom only reads registration_type for recurring webinars with fixed times (type 9).
  if (settings.registration_type !== undefined && webinar.type === 9) {
    registration.push(`type: ${words(["settings", "registration_type"], settings.registration_type)}`);
  }
  if (settings.registrants_restrict_number !== undefined) {
    registration.push(`limit: ${settings.registrants_restrict_number === 0 ? "none" : settings.registrants_restrict_number}`);
  }
  row("registration", registration.join("; "));

  const recording = [`automatic: ${words(["settings", "auto_recording"], settings.auto_recording)}`];
  if (settings.on_demand !== undefined) recording.push(`on demand: ${yesNo(settings.on_demand)}`);
  row("recording", recording.join("; "));

  const occurrences = webinar.occurrences ?? [];
  row("occurrences", occurrences.length === 0 ? "none (held once, or none left)" : String(occurrences.length));
  const shown = occurrences.slice(0, options.maxOccurrences ?? 5);
  for (const occurrence of shown) {
    const parts = [
      occurrence.start_time ?? "(no start time)",
      occurrence.duration === undefined ? undefined : `${occurrence.duration} min`,
      occurrence.status === undefined ? undefined : words(["occurrences", "[]", "status"], occurrence.status),
    ];
    lines.push(`    - ${parts.filter((part) => part !== undefined).join(", ")}`);
  }
  if (occurrences.length > shown.length) lines.push(`    … and ${occurrences.length - shown.length} more`);
  return lines;
}

function startText(start: string | undefined, timeZone: string | undefined): string {
  if (start === undefined) return "no fixed time";
  if (timeZone === undefined || timeZone === "") return start;
  const date = new Date(start);
  try {
    const local = new Intl.DateTimeFormat("en-GB", { timeZone, dateStyle: "medium", timeStyle: "short" }).format(date);
    return `${start} (${local} ${timeZone})`;
  } catch {
    // An unknown zone name is Zoom's data, not our failure: show the UTC time alone.
    return `${start} (time zone ${timeZone})`;
  }
}

function yesNo(value: boolean): string {
  return value ? "yes" : "no";
}
