// Which environment variables the live check needs, and what it makes of them.

/** Required, in the order they are reported when missing. */
export const REQUIRED_VARIABLES = [
  "ZOOM_ACCOUNT_ID",
  "ZOOM_CLIENT_ID",
  "ZOOM_CLIENT_SECRET",
  "ZOOM_TARGET_ACCOUNT_ID",
  "ZOOM_WEBINAR_ID",
] as const;

/**
 * The variable that gives each path parameter of a GET operation. An operation is checked when
 * every one of its path parameters has a value; otherwise it is reported as skipped, naming the
 * variable. A GET operation with a parameter missing here fails the live check's test.
 */
export const ID_VARIABLES = {
  accountId: "ZOOM_TARGET_ACCOUNT_ID",
  webinarId: "ZOOM_WEBINAR_ID",
  userId: "ZOOM_USER_ID",
  WebinarUUID: "ZOOM_WEBINAR_UUID",
  registrantId: "ZOOM_REGISTRANT_ID",
  pollId: "ZOOM_POLL_ID",
} as const satisfies Record<string, string>;

/** Optional ids: without one, the operations that need it are skipped (and say so). */
export const OPTIONAL_ID_VARIABLES = ["ZOOM_USER_ID", "ZOOM_WEBINAR_UUID", "ZOOM_REGISTRANT_ID", "ZOOM_POLL_ID"] as const;

/** Optional: point the check at another API or token endpoint (a test double, a proxy). */
export const OPTIONAL_VARIABLES = ["ZOOM_BASE_URL", "ZOOM_TOKEN_URL"] as const;

export interface LiveCheckConfig {
  /** The Server-to-Server OAuth app's own (master) account. */
  accountId: string;
  clientId: string;
  clientSecret: string;
  /** The sub account that owns the webinar (`accountId` in the path). */
  targetAccountId: string;
  webinarId: string;
  /** Every path parameter value given, by the parameter's name in the contract (`accountId`, `pollId`, …). */
  ids: Partial<Record<keyof typeof ID_VARIABLES, string>>;
  baseUrl?: string;
  tokenUrl?: string;
}

export type ConfigResult =
  | { kind: "ready"; config: LiveCheckConfig }
  | { kind: "missing"; missing: string[] }
  | { kind: "invalid"; problems: string[] };

export function readLiveCheckConfig(env: Readonly<Record<string, string | undefined>>): ConfigResult {
  const value = (name: string): string | undefined => {
    const raw = env[name];
    // Blank counts as missing; otherwise kept as given, since trimming a secret would change it.
    return raw === undefined || raw.trim() === "" ? undefined : raw;
  };
  const missing = REQUIRED_VARIABLES.filter((name) => value(name) === undefined);
  if (missing.length > 0) return { kind: "missing", missing };

  const problems: string[] = [];
  for (const name of OPTIONAL_VARIABLES) {
    const url = value(name);
    if (url !== undefined && !URL.canParse(url)) problems.push(`${name} is not a URL`);
  }
  if (problems.length > 0) return { kind: "invalid", problems };

  const ids: LiveCheckConfig["ids"] = {};
  for (const [parameter, variable] of Object.entries(ID_VARIABLES) as [keyof typeof ID_VARIABLES, string][]) {
    const id = value(variable);
    if (id !== undefined) ids[parameter] = id;
  }
  const baseUrl = value("ZOOM_BASE_URL");
  const tokenUrl = value("ZOOM_TOKEN_URL");
  return {
    kind: "ready",
    config: {
      accountId: value("ZOOM_ACCOUNT_ID") as string,
      clientId: value("ZOOM_CLIENT_ID") as string,
      clientSecret: value("ZOOM_CLIENT_SECRET") as string,
      targetAccountId: value("ZOOM_TARGET_ACCOUNT_ID") as string,
      webinarId: value("ZOOM_WEBINAR_ID") as string,
      ids,
      ...(baseUrl === undefined ? {} : { baseUrl }),
      ...(tokenUrl === undefined ? {} : { tokenUrl }),
    },
  };
}
