// The installed consumer type-checks under moduleResolution bundler (test/package/type-check.ts).
import { itTypeChecks } from "./type-check.js";

itTypeChecks("bundler");
