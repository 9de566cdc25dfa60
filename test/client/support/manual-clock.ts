import type { ZoomClock } from "../../../src/index.js";

/** 2026-11-25T23:59:30Z: half a minute before a UTC midnight, where daily limits reset. */
export const CLOCK_START = Date.parse("2026-11-25T23:59:30Z");

/**
 * A clock that moves only when the test says so: timeouts fire on `advance`, never on their own,
 * so no test outcome depends on how fast the machine is.
 */
export function manualClock(start = CLOCK_START) {
  let now = start;
  let nextHandle = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const clock: ZoomClock = {
    now: () => now,
    setTimeout(callback, ms) {
      nextHandle += 1;
      timers.set(nextHandle, { at: now + ms, callback });
      return nextHandle;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
  };
  return {
    clock,
    /** Moves time on by `ms`, firing every timer that falls due, in order. */
    advance(ms: number): void {
      now += ms;
      const due = [...timers].filter(([, t]) => t.at <= now).sort(([, a], [, b]) => a.at - b.at);
      for (const [handle, timer] of due) {
        timers.delete(handle);
        timer.callback();
      }
    },
    /** Milliseconds until each armed timer fires, soonest first. */
    armed(): number[] {
      return [...timers.values()].map((t) => t.at - now).sort((a, b) => a - b);
    },
  };
}
