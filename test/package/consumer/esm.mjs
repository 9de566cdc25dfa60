// An ESM consumer of the installed tarball: getWebinar against the mock at argv[2], validated.
import { createZoomClient, getWebinar } from "zoom-webinar-contract";
import contract from "zoom-webinar-contract/openapi.json" with { type: "json" };

const zoom = createZoomClient({ baseUrl: process.argv[2], accessToken: "t", validateResponses: true, retry: { retries: 0 } });
const webinar = await getWebinar(zoom, { accountId: "a", webinarId: "97871060099" });
const yaml = import.meta.resolve("zoom-webinar-contract/openapi.yaml");
console.log(JSON.stringify({ topic: webinar.topic, contractVersion: contract.info.version, yaml: yaml.slice(yaml.lastIndexOf("/dist/")) }));
