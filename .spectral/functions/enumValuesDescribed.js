// Spectral custom function: an enum must carry x-enumDescriptions naming exactly its
// values, each with text, and a description. Keys of a YAML map are strings, so values are
// compared as strings (the integer enum 1 is described under the key '1').
export default function enumValuesDescribed(schema, _options, context) {
  // `x-keyword-sources: { enum: [ids] }` names the enum's sources; it is not an enum itself.
  if (!Array.isArray(schema.enum) || context?.path?.at(-1) === "x-keyword-sources") return [];
  const problems = [];
  const descriptions = schema["x-enumDescriptions"];
  if (typeof schema.description !== "string" || schema.description.trim() === "") {
    problems.push({ message: "An enum needs a description." });
  }
  if (descriptions === null || typeof descriptions !== "object") {
    return [...problems, { message: "An enum needs x-enumDescriptions explaining each value." }];
  }
  const values = schema.enum.map(String);
  for (const value of values) {
    const text = descriptions[value];
    if (typeof text !== "string" || text.trim() === "") {
      problems.push({ message: `Enum value ${JSON.stringify(value)} is not explained in x-enumDescriptions.` });
    }
  }
  for (const key of Object.keys(descriptions)) {
    if (!values.includes(key)) {
      problems.push({ message: `x-enumDescriptions explains ${JSON.stringify(key)}, which is not an enum value.` });
    }
  }
  return problems;
}
