/** Turns Node's module compile cache on for this process and its children; the folder, when on. */
export function enableCompileCache(): string | undefined;
/** Writes what this process compiled since the last write. */
export function flushCompileCache(): void;
