// The package tests' one way to the packed tarball: the global set-up packs it in the background
// (./global-setup.ts) and this waits, bounded, for the file its job writes when it ends.
import { readFile } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import { inject } from "vitest";
import type { PackedPackage, PackingResult } from "./global-setup.js";

const POLL_MS = 100;
/** A net for a machine shared by many processes; packing takes about 6 s here. */
const LIMIT_MS = 180_000;

let waiting: Promise<PackedPackage> | undefined;

export function packed(): Promise<PackedPackage> {
  waiting ??= waitForPacking(inject("packing").result);
  return waiting;
}

async function waitForPacking(file: string): Promise<PackedPackage> {
  for (let waited = 0; waited <= LIMIT_MS; waited += POLL_MS) {
    const text = await readFile(file, "utf8").catch(() => undefined);
    if (text !== undefined) {
      const result = JSON.parse(text) as PackingResult;
      if ("error" in result) throw new Error(`packing the tarball failed: ${result.error}`);
      return result.packed;
    }
    await sleep(POLL_MS);
  }
  throw new Error(`the tarball was not packed within ${LIMIT_MS / 1000} s`);
}
