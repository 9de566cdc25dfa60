// A CommonJS consumer of the installed tarball, against the mock at argv[2]: getWebinar and a
// generated operation, validated (the validators load lazily through require).
const { createZoomClient, getWebinar, listWebinarPanelists } = require("zoom-webinar-contract");
const contract = require("zoom-webinar-contract/openapi.json");

const zoom = createZoomClient({ baseUrl: process.argv[2], accessToken: "t", validateResponses: true, retry: { retries: 0 } });
Promise.all([getWebinar(zoom, { accountId: "a", webinarId: "97871060099" }), listWebinarPanelists(zoom, { accountId: "a", webinarId: "97871060099" })]).then(([webinar, panelists]) => {
  const yaml = require.resolve("zoom-webinar-contract/openapi.yaml");
  console.log(JSON.stringify({ topic: webinar.topic, contractVersion: contract.info.version, yaml: yaml.slice(yaml.lastIndexOf("/dist/")), panelists: Array.isArray(panelists.panelists) }));
});
