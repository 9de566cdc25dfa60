export { DEFAULT_SPEC_PATH, PrismStartError, startPrismMock } from "./prism-mock.js";
export type { PrismMock, PrismMockOptions } from "./prism-mock.js";
export { fetchPreferring, preferHeader } from "./prefer.js";
export type { PrismPreference } from "./prefer.js";
export { GET_WEBINAR_PATH, parameterExample, responseExamples } from "./examples.js";
export type { ResponseExample } from "./examples.js";
