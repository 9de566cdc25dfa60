// Collects changes and holds the one classification principle most rules share.
import type { Change, Direction, Effect } from "./types.js";

export class ChangeList {
  readonly items: Change[] = [];

  add(location: string, kind: string, breaking: boolean, message: string): void {
    this.items.push({ location, kind, breaking, message });
  }

  breaking(location: string, kind: string, message: string): void {
    this.add(location, kind, true, message);
  }

  ok(location: string, kind: string, message: string): void {
    this.add(location, kind, false, message);
  }

  /** Records a change whose verdict follows from its effect and the direction it flows in. */
  effect(direction: Direction, effect: Effect, location: string, kind: string, message: string): void {
    this.add(location, kind, breaksFor(direction, effect), message);
  }
}

/**
 * A caller breaks when the server accepts less than before (request tightened); a consumer
 * breaks when it may receive something it did not have to handle before (response loosened).
 * A change that does both, or cannot be ordered, breaks either way.
 */
export function breaksFor(direction: Direction, effect: Effect): boolean {
  if (effect === "changed") return true;
  return direction === "request" ? effect === "tightened" : effect === "loosened";
}

/** `location#pointer`, or just the location for the schema root. */
export function at(location: string, pointer: string): string {
  return pointer === "" ? location : `${location}#${pointer}`;
}
