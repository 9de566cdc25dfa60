// Addresses a property inside a dereferenced JSON Schema by a dotted path
// (`settings.question_and_answer.enable`, `occurrences[].status`).

export type Schema = { [key: string]: unknown };

function asSchema(value: unknown, where: string): Schema {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new Error(`no schema at ${where}`);
  }
  return value as Schema;
}

/** The schema at `path` below `root`, and the object schema that holds its last step. */
export function schemaAt(root: Schema, path: string): { schema: Schema; parent: Schema; name: string } {
  let current = root;
  let parent = root;
  let name = "";
  for (const step of path.split(".")) {
    const [prop = "", ...rest] = step.split("[]");
    const props = asSchema(current.properties, `${path} (before ${prop})`);
    parent = current;
    name = prop;
    current = asSchema(props[prop], `${path} (${prop})`);
    for (let i = 0; i < rest.length; i++) {
      parent = current;
      current = asSchema(current.items, `${path} (items of ${prop})`);
    }
  }
  return { schema: current, parent, name };
}

/** Every property path below `root`, in the notation `schemaAt` reads. */
export function allPropertyPaths(root: Schema, prefix = ""): string[] {
  const paths: string[] = [];
  const props = root.properties as Record<string, Schema> | undefined;
  for (const [name, child] of Object.entries(props ?? {})) {
    const here = prefix ? `${prefix}.${name}` : name;
    paths.push(here);
    paths.push(...childPaths(child, here));
  }
  return paths;
}

function childPaths(schema: Schema, here: string): string[] {
  if (schema.type === "array" && schema.items) {
    const items = schema.items as Schema;
    return [`${here}[]`, ...childPaths(items, `${here}[]`)];
  }
  if (schema.type === "object") return allPropertyPaths(schema, here);
  return [];
}
