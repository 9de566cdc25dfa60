import { setTimeout as sleepFor } from "node:timers/promises";

/** Waits `ms`, or rejects as soon as `signal` aborts. */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

/**
 * The client's only view of time: injected in tests and simulations, so no behaviour depends on
 * real milliseconds. Timers armed through it must not keep the process alive on their own.
 */
export interface ZoomClock {
  /** Milliseconds since the epoch, like Date.now. */
  now(): number;
  /** Calls `callback` after `ms`; returns a handle for clearTimeout. */
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: ZoomClock = {
  now: Date.now,
  setTimeout(callback, ms) {
    return setTimeout(callback, ms).unref();
  },
  clearTimeout(handle) {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};

export const defaultSleep: Sleep = (ms, signal) => sleepFor(ms, undefined, { signal });
