import { describe, expect, it } from "vitest";
import { serverToServerTokenSource } from "../../src/client/auth/server-to-server-token.js";

const credentials = { accountId: "acct", clientId: "id", clientSecret: "secret", tokenUrl: "http://127.0.0.1:9/oauth/token" };

/** A token endpoint in a function: counts calls, answers token-1, token-2, … */
function tokenEndpoint(body: (n: number) => unknown = (n) => ({ access_token: `token-${n}`, expires_in: 3599 })) {
  let calls = 0;
  const releases: Array<() => void> = [];
  let gated = false;
  let firstCall = () => {};
  const called = new Promise<void>((resolve) => (firstCall = resolve));
  const fetch = async (): Promise<Response> => {
    calls += 1;
    firstCall();
    const n = calls;
    if (gated) await new Promise<void>((resolve) => releases.push(resolve));
    return new Response(JSON.stringify(body(n)), { status: 200, headers: { "Content-Type": "application/json" } });
  };
  return {
    fetch,
    /** Settles once the first request has arrived (and, when gated, is held). */
    called,
    get calls() {
      return calls;
    },
    gate() {
      gated = true;
    },
    release() {
      gated = false;
      for (const r of releases.splice(0)) r();
    },
  };
}

const never = new AbortController().signal;

describe("Server-to-Server token cache", () => {
  it("reuses the token until a minute before expires_in", async () => {
    let now = 1_000_000;
    const endpoint = tokenEndpoint();
    const tokens = serverToServerTokenSource(credentials, { fetch: endpoint.fetch, timeoutMs: 1000, clock: clockAt(() => now) });
    expect(await tokens.get(never)).toBe("token-1");
    now += 3_599_000 - 60_000 - 1;
    expect(await tokens.get(never)).toBe("token-1");
    now += 1;
    expect(await tokens.get(never)).toBe("token-2");
    expect(endpoint.calls).toBe(2);
  });

  it("refreshes short-lived tokens a tenth of their life early", async () => {
    let now = 0;
    const endpoint = tokenEndpoint((n) => ({ access_token: `t${n}`, expires_in: 10 }));
    const tokens = serverToServerTokenSource(credentials, { fetch: endpoint.fetch, timeoutMs: 1000, clock: clockAt(() => now) });
    await tokens.get(never);
    now = 8_999;
    expect(await tokens.get(never)).toBe("t1");
    now = 9_000;
    expect(await tokens.get(never)).toBe("t2");
  });

  it("shares one in-flight request between concurrent callers", async () => {
    const endpoint = tokenEndpoint();
    endpoint.gate();
    const tokens = serverToServerTokenSource(credentials, { fetch: endpoint.fetch, timeoutMs: 1000 });
    const waiting = Promise.all([tokens.get(never), tokens.get(never), tokens.get(never)]);
    await endpoint.called;
    endpoint.release();
    expect(await waiting).toEqual(["token-1", "token-1", "token-1"]);
    expect(endpoint.calls).toBe(1);
  });

  it("one caller giving up does not cancel the shared request for the others", async () => {
    const endpoint = tokenEndpoint();
    endpoint.gate();
    const tokens = serverToServerTokenSource(credentials, { fetch: endpoint.fetch, timeoutMs: 1000 });
    const impatient = new AbortController();
    const first = tokens.get(impatient.signal);
    const second = tokens.get(never);
    impatient.abort(new Error("gave up"));
    await expect(first).rejects.toThrow("gave up");
    endpoint.release();
    expect(await second).toBe("token-1");
    expect(endpoint.calls).toBe(1);
  });

  it("invalidate drops only the token that was rejected", async () => {
    const endpoint = tokenEndpoint();
    const tokens = serverToServerTokenSource(credentials, { fetch: endpoint.fetch, timeoutMs: 1000 });
    expect(await tokens.get(never)).toBe("token-1");
    expect(tokens.invalidate("token-0")).toBe(true);
    expect(await tokens.get(never)).toBe("token-1");
    tokens.invalidate("token-1");
    expect(await tokens.get(never)).toBe("token-2");
  });

  it("does not cache a failure: the next call asks again", async () => {
    let fail = true;
    const fetch = async (): Promise<Response> => {
      if (fail) throw new TypeError("fetch failed");
      return new Response(JSON.stringify({ access_token: "ok", expires_in: 3599 }));
    };
    const tokens = serverToServerTokenSource(credentials, { fetch, timeoutMs: 1000 });
    await expect(tokens.get(never)).rejects.toMatchObject({ name: "ZoomApiError", status: 0 });
    fail = false;
    expect(await tokens.get(never)).toBe("ok");
  });

  it("a response without access_token is an error", async () => {
    const fetch = async (): Promise<Response> => new Response(JSON.stringify({ token_type: "bearer" }));
    const tokens = serverToServerTokenSource(credentials, { fetch, timeoutMs: 1000 });
    await expect(tokens.get(never)).rejects.toThrow("no access_token");
  });
});

function clockAt(now: () => number) {
  return { now, setTimeout: () => undefined, clearTimeout: () => undefined };
}
