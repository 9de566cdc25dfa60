// What went over the wire during a demo step: a fetch wrapper that records each request's method
// and path and the status that came back, so a step's line shows what was really sent.

export interface Exchange {
  method: string;
  /** Path and query as sent, e.g. `/v2/accounts/A/webinars/1?status=approved`. */
  target: string;
  /** 0 when no response arrived (network error, abort). */
  status: number;
}

export interface ExchangeLog {
  fetch: typeof fetch;
  /** The exchanges recorded since the last call, oldest first (and forgets them). */
  take(): Exchange[];
}

export function exchangeLog(fetchFn: typeof fetch = (input, init) => globalThis.fetch(input, init)): ExchangeLog {
  let pending: Exchange[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const request = input instanceof Request ? input : undefined;
    const url = new URL(request?.url ?? String(input));
    const exchange: Exchange = { method: (init?.method ?? request?.method ?? "GET").toUpperCase(), target: `${url.pathname}${url.search}`, status: 0 };
    pending.push(exchange);
    const response = await fetchFn(input, init);
    exchange.status = response.status;
    return response;
  };
  return {
    fetch: recordingFetch,
    take() {
      const taken = pending;
      pending = [];
      return taken;
    },
  };
}
