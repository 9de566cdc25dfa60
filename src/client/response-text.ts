/** Most characters of response text any message processing ever looks at. */
export const MAX_TEXT_INPUT = 4096;
/** Longest snippet of a response body quoted in a message. */
export const SNIPPET_LENGTH = 200;

/** The first `max` characters of `text`, without splitting a surrogate pair. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = isHighSurrogate(text.charCodeAt(max - 1)) ? max - 1 : max;
  return text.slice(0, end);
}

/** `text` cut to `max` characters, with an ellipsis when something was dropped. */
export function shorten(text: string, max: number): string {
  return text.length > max ? `${cutText(text, max - 1)}…` : text;
}

/**
 * Readable text of a body for a message: tags, scripts and styles dropped, a few entities
 * decoded, whitespace collapsed, cut short. The input is cut to MAX_TEXT_INPUT first and then
 * scanned once from left to right (indexOf only moves forward), so the work is linear in a
 * bounded input whatever the markup (regexes with lazy quantifiers were quadratic here).
 */
export function textSnippet(text: string): string {
  const input = cutText(text, MAX_TEXT_INPUT);
  let out = "";
  let i = 0;
  while (i < input.length) {
    const lt = input.indexOf("<", i);
    if (lt === -1) {
      out += input.slice(i);
      break;
    }
    out += `${input.slice(i, lt)} `;
    if (!/[a-z!/?]/i.test(input.charAt(lt + 1))) {
      out += "<";
      i = lt + 1;
      continue;
    }
    const gt = input.indexOf(">", lt);
    if (gt === -1) break; // an unterminated tag: the rest is markup
    const name = /^<(script|style)\b/i.exec(input.slice(lt, lt + 8))?.[1];
    if (name === undefined) {
      i = gt + 1;
      continue;
    }
    const closer = name.toLowerCase() === "script" ? SCRIPT_END : STYLE_END;
    closer.lastIndex = gt;
    const close = closer.exec(input)?.index ?? -1;
    if (close === -1) break; // an unterminated script: the rest is code
    const end = input.indexOf(">", close);
    if (end === -1) break;
    i = end + 1;
  }
  const readable = out
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
  return shorten(readable, SNIPPET_LENGTH);
}

const SCRIPT_END = /<\/script/gi;
const STYLE_END = /<\/style/gi;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
