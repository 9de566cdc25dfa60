import { existsSync } from "node:fs";
import path from "node:path";
import { type Config, type LocationObject, type NormalizedProblem, YamlParseError, createConfig, getLineColLocation, loadConfig, parseYaml } from "@redocly/openapi-core";
import { getAt, isRecord, parsePointer } from "../../src/util/json-pointer.js";
import { type Problem, relativeFile, relativizeMessage } from "./problems.js";

/** Redocly would otherwise resolve telemetry per call and may do a DNS lookup; we never want that. */
export function disableRedoclyTelemetry(): void {
  process.env.REDOCLY_TELEMETRY = "off";
}

export type LoadedConfig = { config: Config } | { problem: Problem };

/** `optional`: a missing file means Redocly's defaults rather than a problem. */
export async function loadRedoclyConfig(rootDir: string, configPath: string, options: { optional?: boolean } = {}): Promise<LoadedConfig> {
  const absolute = path.resolve(rootDir, configPath);
  if (!existsSync(absolute)) {
    if (options.optional) return { config: await createConfig({}) };
    return { problem: fileProblem(rootDir, absolute, "redocly-config", `Redocly config not found: ${relativeFile(rootDir, absolute)}`) };
  }
  try {
    return { config: await loadConfig({ configPath: absolute }) };
  } catch (error) {
    return { problem: problemFromThrown(rootDir, error, absolute, "redocly-config") };
  }
}

export function fromRedoclyProblem(rootDir: string, problem: NormalizedProblem, fallbackFile: string): Problem {
  const location = problem.location[0];
  let file = fallbackFile;
  let line = 0;
  let column = 0;
  if (location) {
    file = location.source.absoluteRef;
    try {
      const lineCol = getLineColLocation(location);
      line = lineCol.start.line;
      column = lineCol.start.col;
    } catch {
      // A position is a convenience; the file and message still identify the problem.
    }
  }
  let message = problem.message;
  // Redocly says only "Can't resolve $ref" for a missing component; name the ref.
  const ref = location && /resolve \$ref/i.test(message) ? refAt(location) : undefined;
  if (ref !== undefined && !message.includes(ref)) message = `${message}: ${ref}`;
  return {
    file: relativeFile(rootDir, file),
    line,
    column,
    rule: problem.ruleId,
    severity: problem.severity === "error" ? "error" : "warning",
    message: relativizeMessage(rootDir, message),
  };
}

function refAt(location: LocationObject): string | undefined {
  if (location.pointer === undefined) return undefined;
  try {
    const segments = parsePointer(location.pointer);
    if (segments.at(-1) === "$ref") segments.pop();
    const node = getAt(parseYaml(location.source.body), segments);
    return isRecord(node) && typeof node.$ref === "string" ? node.$ref : undefined;
  } catch {
    return undefined;
  }
}

export function fileProblem(rootDir: string, file: string, rule: string, message: string): Problem {
  return { file: relativeFile(rootDir, file), line: 0, column: 0, rule, severity: "error", message: relativizeMessage(rootDir, message) };
}

/** YAML syntax errors surface as exceptions; they must still name the file and line. */
export function problemFromThrown(rootDir: string, error: unknown, fallbackFile: string, rule: string): Problem {
  if (error instanceof YamlParseError) {
    const reason = error.originalError && "reason" in error.originalError ? String(error.originalError.reason) : error.message;
    return {
      file: relativeFile(rootDir, error.source.absoluteRef),
      line: error.line,
      column: error.col,
      rule: "yaml-syntax",
      severity: "error",
      message: `YAML syntax error: ${reason}`,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return fileProblem(rootDir, fallbackFile, rule, message);
}
