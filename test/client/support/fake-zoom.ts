// A loopback stand-in for api.zoom.us and zoom.us/oauth/token, bound to 127.0.0.1 on a free
// port. Each API request takes the next responder set (the last one repeats), so a test
// states the sequence of answers it wants and then reads back exactly what arrived on the wire.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface RecordedRequest {
  method: string;
  /** The request target exactly as sent: path and query, percent-encoding untouched. */
  rawUrl: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The body as received, for bodies that are not text (multipart uploads). */
  bytes: Buffer;
  /** Settles when the exchange's response is closed: answered, or the connection dropped. */
  closed: Promise<void>;
}

export type Responder = (res: ServerResponse, req: RecordedRequest) => void;

export interface FakeZoom {
  /** Pass as `baseUrl`; API paths live under /v2 as on api.zoom.us. */
  baseUrl: string;
  tokenUrl: string;
  apiRequests: RecordedRequest[];
  tokenRequests: RecordedRequest[];
  /** Settles once `count` API requests have arrived in total. */
  apiArrived(count: number): Promise<void>;
  /** Settles once `count` token requests have arrived in total. */
  tokenArrived(count: number): Promise<void>;
  /** Sets the answers to the next API requests, in order; the last one keeps answering. */
  api(...responders: Responder[]): FakeZoom;
  /** Replace the token endpoint's answers (default: token-1, token-2, … valid for 3599 s). */
  token(...responders: Responder[]): FakeZoom;
  close(): Promise<void>;
}

export async function startFakeZoom(): Promise<FakeZoom> {
  let apiQueue: Responder[] = [];
  let tokenQueue: Responder[] = [];
  let tokensIssued = 0;
  const apiRequests: RecordedRequest[] = [];
  const tokenRequests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const waiters: Array<{ list: RecordedRequest[]; count: number; resolve: () => void }> = [];
  const arrived = (list: RecordedRequest[], count: number): Promise<void> =>
    list.length >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ list, count, resolve }));
  const notify = (): void => {
    for (const waiter of waiters.splice(0)) {
      if (waiter.list.length >= waiter.count) waiter.resolve();
      else waiters.push(waiter);
    }
  };

  const issueToken: Responder = (res, req) => {
    tokensIssued += 1;
    const body = { access_token: `token-${tokensIssued}`, token_type: "bearer", expires_in: 3599, scope: "webinar:read:webinar:master" };
    json(200, body)(res, req);
  };
  const take = (queue: Responder[], fallback: Responder): Responder =>
    (queue.length > 1 ? queue.shift() : queue[0]) ?? fallback;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const recorded: RecordedRequest = {
        method: req.method ?? "",
        rawUrl: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        bytes: Buffer.concat(chunks),
        closed: new Promise<void>((resolve) => res.on("close", resolve)),
      };
      if (recorded.rawUrl.startsWith("/oauth/token")) {
        tokenRequests.push(recorded);
        take(tokenQueue, issueToken)(res, recorded);
      } else {
        apiRequests.push(recorded);
        take(apiQueue, json(500, { code: 0, message: "fake-zoom: no responder queued" }))(res, recorded);
      }
      notify();
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  const fake: FakeZoom = {
    baseUrl: `${origin}/v2`,
    tokenUrl: `${origin}/oauth/token`,
    apiRequests,
    tokenRequests,
    apiArrived: (count) => arrived(apiRequests, count),
    tokenArrived: (count) => arrived(tokenRequests, count),
    api(...responders) {
      apiQueue = responders;
      return fake;
    },
    token(...responders) {
      tokenQueue = responders;
      return fake;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Responder {
  return (res) => {
    res.writeHead(status, { "Content-Type": "application/json;charset=UTF-8", ...headers });
    res.end(JSON.stringify(body));
  };
}

export function text(status: number, body: string, headers: Record<string, string> = {}): Responder {
  return (res) => {
    res.writeHead(status, { "Content-Type": "text/html", ...headers });
    res.end(body);
  };
}

/** Drops the connection without an answer, as a reset load balancer would. */
export const destroySocket: Responder = (res) => {
  res.socket?.destroy();
};

/** Never answers; the client's timeout has to end the wait. */
export const hang: Responder = () => {};

/** Holds `responder` back until `release()`: a slow upstream whose pace the test decides. */
export function gated(responder: Responder): Responder & { release(): void } {
  const held: Array<() => void> = [];
  let open = false;
  const gate = (res: ServerResponse, req: RecordedRequest): void => {
    if (open) responder(res, req);
    else held.push(() => responder(res, req));
  };
  return Object.assign(gate, {
    release() {
      open = true;
      for (const answer of held.splice(0)) answer();
    },
  });
}

/**
 * A body that never ends: writes `chunk` whenever the socket can take more, until the client
 * goes away. `written()` tells how many bytes were handed to the socket.
 */
export function endless(status: number, chunk: string, headers: Record<string, string> = {}): Responder & { written(): number } {
  let written = 0;
  const responder = (res: ServerResponse): void => {
    res.writeHead(status, { "Content-Type": "application/json", ...headers });
    const bytes = Buffer.from(chunk);
    const pump = (): void => {
      while (!res.destroyed) {
        written += bytes.length;
        if (!res.write(bytes)) {
          res.once("drain", pump);
          return;
        }
      }
    };
    pump();
  };
  return Object.assign(responder, { written: () => written });
}
