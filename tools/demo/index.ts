export { MOCK_NOTE, runDemo } from "./run-demo.js";
export type { DemoOptions } from "./run-demo.js";
export { NEW_PANELIST, NEW_REGISTRANTS, NEW_WEBINAR, runFlow } from "./flow.js";
export type { FlowContext } from "./flow.js";
export { exchangeLog } from "./exchange-log.js";
export type { Exchange, ExchangeLog } from "./exchange-log.js";
export { summarizeWebinar } from "./summary.js";
export type { SummaryOptions } from "./summary.js";
export { enumWords, schemaAtPath } from "./enum-words.js";
