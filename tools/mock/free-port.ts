import { createServer } from "node:net";

/**
 * A port on `host` that was free a moment ago. Another process can still take it before Prism
 * binds it, so callers must treat "address in use" as a reason to ask again, not as a failure.
 */
export function findFreePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error(`no free port on ${host}`))));
    });
  });
}
