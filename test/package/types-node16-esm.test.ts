// The installed consumer type-checks under moduleResolution node16 (ESM) (test/package/type-check.ts).
import { itTypeChecks } from "./type-check.js";

itTypeChecks("node16 (ESM)");
