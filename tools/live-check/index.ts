export { EXIT_MISMATCH, EXIT_NOT_CHECKED, EXIT_OK, runLiveCheck } from "./run-live-check.js";
export type { LiveCheckOptions } from "./run-live-check.js";
export { OPTIONAL_VARIABLES, readLiveCheckConfig, REQUIRED_VARIABLES } from "./config.js";
export type { ConfigResult, LiveCheckConfig } from "./config.js";
export { findMismatches, findUndocumentedFields, jsonType } from "./drift.js";
export type { MismatchRow, UndocumentedField } from "./drift.js";
export { formatTable } from "./table.js";
