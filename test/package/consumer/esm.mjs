// An ESM consumer of the installed tarball, against the mock at argv[2]: getWebinar validated,
// then every operation the contract lists, imported by its operationId from the package and
// called with the contract's own examples.
import * as zoomApi from "zoom-webinar-contract";
import contract from "zoom-webinar-contract/openapi.json" with { type: "json" };

const { createZoomClient, getWebinar } = zoomApi;
const zoom = createZoomClient({ baseUrl: process.argv[2], accessToken: "t", validateResponses: true, retry: { retries: 0 } });
const webinar = await getWebinar(zoom, { accountId: "a", webinarId: "97871060099" });
const yaml = import.meta.resolve("zoom-webinar-contract/openapi.yaml");

const resolve = (node) => {
  while (node && typeof node.$ref === "string") node = node.$ref.slice(2).split("/").reduce((at, key) => at[key.replace(/~1/g, "/").replace(/~0/g, "~")], contract);
  return node;
};
const exampleOf = (media) => {
  if (media.example !== undefined) return media.example;
  const first = Object.values(media.examples ?? {})[0];
  return first === undefined ? undefined : resolve(first).value;
};
// The smallest PNG there is: the signature and enough of a header for a type check.
const png = new Blob([Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])], { type: "image/png" });

const called = [];
const failed = [];
for (const [template, pathItem] of Object.entries(contract.paths)) {
  for (const method of ["get", "post", "put", "patch", "delete"]) {
    const operation = pathItem[method];
    if (!operation) continue;
    const call = zoomApi[operation.operationId];
    if (typeof call !== "function") {
      failed.push(`${operation.operationId}: not exported`);
      continue;
    }
    const params = {};
    for (const parameter of [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])].map(resolve)) {
      if (parameter.in === "path") params[parameter.name] = String(parameter.example ?? "x");
      else if (parameter.example !== undefined) params[parameter.name] = parameter.example;
    }
    // The generated getWebinar is shadowed by the camelCase one: call it as the contract names it.
    const target = operation.operationId === "getWebinar" ? (c, p, o) => getWebinar(c, { accountId: p.accountId, webinarId: p.webinarId }, o) : call;
    const content = resolve(operation.requestBody)?.content ?? {};
    try {
      if (content["application/json"]) await target(zoom, params, exampleOf(content["application/json"]));
      else if (content["multipart/form-data"]) await target(zoom, params, { file: png });
      else await target(zoom, params);
      called.push(operation.operationId);
    } catch (error) {
      failed.push(`${operation.operationId} (${method.toUpperCase()} ${template}): ${error.message}`);
    }
  }
}
console.log(JSON.stringify({ topic: webinar.topic, contractVersion: contract.info.version, yaml: yaml.slice(yaml.lastIndexOf("/dist/")), called: called.length, failed }));
