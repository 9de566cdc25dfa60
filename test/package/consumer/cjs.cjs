// A CommonJS consumer of the installed tarball: getWebinar against the mock at argv[2], validated.
const { createZoomClient, getWebinar } = require("zoom-webinar-contract");
const contract = require("zoom-webinar-contract/openapi.json");

const zoom = createZoomClient({ baseUrl: process.argv[2], accessToken: "t", validateResponses: true, retry: { retries: 0 } });
getWebinar(zoom, { accountId: "a", webinarId: "97871060099" }).then((webinar) => {
  const yaml = require.resolve("zoom-webinar-contract/openapi.yaml");
  console.log(JSON.stringify({ topic: webinar.topic, contractVersion: contract.info.version, yaml: yaml.slice(yaml.lastIndexOf("/dist/")) }));
});
