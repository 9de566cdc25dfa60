import { systemClock, type ZoomClock } from "./clock.js";
import { Redactor } from "./redact.js";
import type { ResponseDrift } from "./response-validator.js";

/**
 * Settings the operation functions need from the client that made the call. Kept in a WeakMap rather than
 * as a property so the openapi-fetch client object stays exactly what openapi-fetch returns.
 */
export interface ClientSettings {
  validateResponses: boolean;
  onDrift: ((drift: ResponseDrift) => void) | undefined;
  redactor: Redactor;
  clock: ZoomClock;
  /** retry.maxDelayMs, so an error can say why a Retry-After was not waited out. */
  maxDelayMs: number | undefined;
}

const settingsByClient = new WeakMap<object, ClientSettings>();

export function registerClientSettings(client: object, settings: ClientSettings): void {
  settingsByClient.set(client, settings);
}

/** A plain openapi-fetch client (not made by createZoomClient) gets the defaults. */
export function clientSettings(client: object): ClientSettings {
  return settingsByClient.get(client) ?? { validateResponses: false, onDrift: undefined, redactor: new Redactor(), clock: systemClock, maxDelayMs: undefined };
}
