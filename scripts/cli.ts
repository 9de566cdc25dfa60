// The one argument parser of the npm scripts (node:util parseArgs): `--help` prints usage,
// options and an example and exits 0 before anything runs; a bad option prints one line and the
// usage and exits 2, without a stack trace.
import { parseArgs } from "node:util";

export interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
  default?: string | boolean;
  /** Shown in the help, e.g. `N` for `--port N`. */
  value?: string;
  description: string;
}

export interface CommandSpec<O extends Record<string, OptionSpec> = Record<string, OptionSpec>> {
  /** How a user runs it, e.g. `npm run mock --`. */
  command: string;
  summary: string;
  options: O;
  examples: readonly string[];
  /** Names the positional arguments in the usage line; default: none are accepted. */
  positionals?: string;
}

type Values<O extends Record<string, OptionSpec>> = {
  [K in keyof O]: O[K]["type"] extends "boolean" ? boolean | undefined : string | undefined;
};

export type ParseOutcome<O extends Record<string, OptionSpec>> =
  | { kind: "run"; values: Values<O>; positionals: string[] }
  | { kind: "exit"; code: 0 | 2; stdout: string; stderr: string };

export function usage(spec: CommandSpec): string {
  const flag = (name: string, option: OptionSpec) => `--${name}${option.type === "string" ? ` ${option.value ?? "VALUE"}` : ""}`;
  const rows = Object.entries(spec.options).map(([name, option]) => {
    const left = `${option.short ? `-${option.short}, ` : "    "}${flag(name, option)}`;
    const fallback = option.default === undefined || option.default === false ? "" : ` (default: ${String(option.default)})`;
    return `  ${left.padEnd(28)} ${option.description}${fallback}`;
  });
  rows.push(`  ${"-h, --help".padEnd(28)} show this help and exit`);
  const synopsis = Object.keys(spec.options).length > 0 ? " [options]" : "";
  return [
    `usage: ${spec.command}${synopsis}${spec.positionals ? ` ${spec.positionals}` : ""}`,
    spec.summary,
    "",
    "options:",
    ...rows,
    "",
    "examples:",
    ...spec.examples.map((example) => `  ${example}`),
  ].join("\n");
}

/** Pure: what to do with `argv`. Tests call this; scripts call {@link runCli}. */
export function parseCommandLine<O extends Record<string, OptionSpec>>(spec: CommandSpec<O>, argv: readonly string[]): ParseOutcome<O> {
  const options: Record<string, { type: "string" | "boolean"; short?: string; default?: string | boolean }> = {
    help: { type: "boolean", short: "h" },
  };
  for (const [name, option] of Object.entries(spec.options)) {
    options[name] = { type: option.type, ...(option.short ? { short: option.short } : {}), ...(option.default !== undefined ? { default: option.default } : {}) };
  }
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options, strict: true, allowPositionals: spec.positionals !== undefined });
    if (values.help === true) return { kind: "exit", code: 0, stdout: `${usage(spec)}\n`, stderr: "" };
    delete values.help;
    return { kind: "run", values: values as Values<O>, positionals };
  } catch (error) {
    // parseArgs explains itself in its first line; the rest is advice about `--` we do not need.
    const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0];
    return { kind: "exit", code: 2, stdout: "", stderr: `${reason}\n${usage(spec)}\n` };
  }
}

/** Parses process.argv for a script; prints help or the error and exits when the script must not run. */
export function runCli<O extends Record<string, OptionSpec>>(spec: CommandSpec<O>, argv = process.argv.slice(2)): { values: Values<O>; positionals: string[] } {
  const outcome = parseCommandLine(spec, argv);
  if (outcome.kind === "run") return outcome;
  process.stdout.write(outcome.stdout);
  process.stderr.write(outcome.stderr);
  process.exit(outcome.code);
}

/** For checks after parsing (`--port abc`): one line and the usage, exit 2. */
export function usageError(spec: CommandSpec, message: string): never {
  process.stderr.write(`${message}\n${usage(spec)}\n`);
  process.exit(2);
}
