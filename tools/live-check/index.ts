export { EXIT_MISMATCH, EXIT_NOT_CHECKED, EXIT_OK, runLiveCheck } from "./run-live-check.js";
export type { LiveCheckOptions } from "./run-live-check.js";
export { ID_VARIABLES, OPTIONAL_ID_VARIABLES, OPTIONAL_VARIABLES, readLiveCheckConfig, REQUIRED_VARIABLES } from "./config.js";
export type { ConfigResult, LiveCheckConfig } from "./config.js";
export { planChecks, readOperations } from "./plan.js";
export type { PlannedCheck, ReadOperation } from "./plan.js";
export { describeErrors, jsonType } from "./drift.js";
export type { DescribedCheck, DriftRow, MismatchRow, ValidatorError } from "./drift.js";
export { formatTable } from "./table.js";
