// The installed consumer type-checks under moduleResolution node10 (test/package/type-check.ts).
import { itTypeChecks } from "./type-check.js";

itTypeChecks("node10");
