// Keeps a translation overlay honest against the English source: every prose string has a
// counterpart, and no action touches anything but prose (structure always comes from English).
import { paths } from "jsonpath-rfc9535";
import { normalizedPath, textLocations } from "./text-locations.js";
import { isJsonObject, type JsonObject, type JsonValue, type OverlayDocument } from "./types.js";

/** Keys an overlay may add although the English source lacks them: display-only text. */
const ADDABLE_TEXT_KEYS = new Set(["x-displayName"]);

/** CJK Unified Ideographs: a Chinese text has at least one. */
const HAN = /\p{Script=Han}/u;

export interface OverlayCoverage {
  /** English prose locations that no action translates. */
  untranslated: string[];
  /** Actions whose target selects nothing in the English bundle, or is not valid JSONPath. */
  staleTargets: string[];
  /** Locations an action would write that are not prose in the English bundle (removed fields, structure). */
  notText: string[];
  /** Translated strings that contain no Chinese character. */
  notChinese: string[];
}

export function coverageProblems(coverage: OverlayCoverage): string[] {
  return [
    ...coverage.staleTargets.map((p) => `stale target: ${p}`),
    ...coverage.notText.map((p) => `not prose in the English bundle: ${p}`),
    ...coverage.notChinese.map((p) => `no Chinese text: ${p}`),
    ...coverage.untranslated.map((p) => `untranslated: ${p}`),
  ];
}

/** Errors that make the translated page wrong (as opposed to merely partly English). */
export function structuralProblems(coverage: OverlayCoverage): string[] {
  return [
    ...coverage.staleTargets.map((p) => `stale target: ${p}`),
    ...coverage.notText.map((p) => `not prose in the English bundle: ${p}`),
  ];
}

function childPath(parent: string, key: string | number): string {
  return parent + normalizedPath([key]).slice(1);
}

export function checkOverlayCoverage(englishBundle: JsonObject, overlay: OverlayDocument): OverlayCoverage {
  const prose = new Map(textLocations(englishBundle).map((location) => [location.path, location]));
  const translated = new Set<string>();
  const coverage: OverlayCoverage = { untranslated: [], staleTargets: [], notText: [], notChinese: [] };

  const visitUpdate = (path: string, value: JsonValue, action: number): void => {
    if (typeof value === "string") {
      const lastKey = /\['((?:[^'\\]|\\.)*)'\]$/.exec(path)?.[1];
      if (!prose.has(path) && !(lastKey !== undefined && ADDABLE_TEXT_KEYS.has(lastKey))) {
        coverage.notText.push(`${path} (action ${action})`);
        return;
      }
      translated.add(path);
      if (!HAN.test(value)) coverage.notChinese.push(path);
      return;
    }
    if (isJsonObject(value)) {
      for (const [key, child] of Object.entries(value)) visitUpdate(childPath(path, key), child, action);
      return;
    }
    // Arrays, numbers, booleans and null are structure or data, never translated prose.
    coverage.notText.push(`${path} (action ${action}: ${Array.isArray(value) ? "array" : typeof value})`);
  };

  overlay.actions.forEach((action, index) => {
    let selected: string[];
    try {
      selected = paths(englishBundle, action.target);
    } catch (error) {
      coverage.staleTargets.push(`${action.target} (action ${index}: ${(error as Error).message})`);
      return;
    }
    if (selected.length === 0) {
      coverage.staleTargets.push(`${action.target} (action ${index})`);
      return;
    }
    if (action.remove === true || action.update === undefined) {
      coverage.notText.push(`${action.target} (action ${index}: only \`update\` actions may translate)`);
      return;
    }
    for (const path of selected) visitUpdate(path, action.update, index);
  });

  coverage.untranslated = [...prose.keys()].filter((path) => !translated.has(path));
  return coverage;
}
