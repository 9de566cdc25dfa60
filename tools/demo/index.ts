export { runDemo } from "./run-demo.js";
export type { DemoOptions } from "./run-demo.js";
export { summarizeWebinar } from "./summary.js";
export type { SummaryOptions } from "./summary.js";
export { enumWords, schemaAtPath } from "./enum-words.js";
