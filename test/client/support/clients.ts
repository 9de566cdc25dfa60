import { createZoomClient, type ZoomClientOptions } from "../../../src/index.js";
import type { FakeZoom } from "./fake-zoom.js";
import { manualClock } from "./manual-clock.js";

export const CLIENT_ID = "client-id-Zx81";
export const CLIENT_SECRET = "s3cr3t-ClientSecret-do-not-leak";
export const MASTER_ACCOUNT = "master-Acct-01";
export const SUB_ACCOUNT = "ABcdEFgh123456789IJklmN";

/**
 * A client against the fake server on a manual clock (timeouts fire only when the test advances
 * it), whose waits between retries are recorded instead of slept, with jitter fixed at one half,
 * so retry and timeout tests are exact and take no wall time.
 */
export function fastClient(fake: FakeZoom, overrides: Partial<ZoomClientOptions> = {}) {
  const sleeps: number[] = [];
  const time = manualClock();
  const zoom = createZoomClient({
    baseUrl: fake.baseUrl,
    serverToServer: {
      accountId: MASTER_ACCOUNT,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      tokenUrl: fake.tokenUrl,
    },
    timeoutMs: 2_000,
    clock: time.clock,
    ...overrides,
    retry: {
      random: () => 0.5,
      sleep: (ms, signal) => {
        sleeps.push(ms);
        return signal.aborted ? Promise.reject(signal.reason) : Promise.resolve();
      },
      ...overrides.retry,
    },
  });
  return { zoom, sleeps, time };
}
