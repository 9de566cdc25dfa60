// Spectral custom function for the house rule `house-provenance`: a node names the sources of
// its facts in `x-sources` (ids of the root `x-sources` registry), and `x-keyword-sources`
// credits only keywords the node really has. Options: { requireSources: boolean }.
const REQUIRED_PREFIX = "required/";

function registryOf(context) {
  const candidates = [context.document?.data, context.documentInventory?.resolved];
  for (const root of candidates) {
    const registry = root && typeof root === "object" ? root["x-sources"] : undefined;
    if (registry && typeof registry === "object" && !Array.isArray(registry)) return registry;
  }
  return undefined;
}

function checkIds(ids, where, registry, problems) {
  if (!Array.isArray(ids) || ids.length === 0) {
    problems.push({ message: `${where} must be a non-empty list of source ids.` });
    return;
  }
  for (const id of ids) {
    if (typeof id !== "string" || registry === undefined || !Object.hasOwn(registry, id)) {
      problems.push({ message: `${where} names ${JSON.stringify(id)}, which is not in the root x-sources registry.` });
    }
  }
}

export default function provenanceDeclared(node, options, context) {
  if (node === null || typeof node !== "object" || Array.isArray(node)) return [];
  const problems = [];
  const registry = registryOf(context);
  if (registry === undefined) return [{ message: "The root document has no x-sources registry." }];

  if (node["x-sources"] === undefined) {
    if (options?.requireSources) problems.push({ message: "No x-sources: name the sources of this node's facts." });
  } else {
    checkIds(node["x-sources"], "x-sources", registry, problems);
  }

  const keywordSources = node["x-keyword-sources"];
  if (keywordSources !== undefined) {
    if (keywordSources === null || typeof keywordSources !== "object" || Array.isArray(keywordSources)) {
      return [...problems, { message: "x-keyword-sources must map keywords to lists of source ids." }];
    }
    for (const [keyword, ids] of Object.entries(keywordSources)) {
      const present = keyword.startsWith(REQUIRED_PREFIX)
        ? Array.isArray(node.required) && node.required.includes(keyword.slice(REQUIRED_PREFIX.length))
        : keyword !== "x-sources" && keyword !== "x-keyword-sources" && Object.hasOwn(node, keyword);
      if (!present) problems.push({ message: `x-keyword-sources credits ${JSON.stringify(keyword)}, which this node does not have.` });
      checkIds(ids, `x-keyword-sources.${keyword}`, registry, problems);
    }
  }
  return problems;
}
