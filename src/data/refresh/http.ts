// One file over HTTP(S) with Node 20's global fetch: conditional (If-None-Match), bounded in time
// (AbortController per attempt), bounded in size (Content-Length, then counted while streaming, so
// a server that lies or omits the header cannot fill memory), retried with exponential backoff on
// the failures that retrying can cure (network errors, timeouts, 429 and 5xx; never 404).

export interface FetchLimits {
  timeoutMs: number;
  retries: number;
  maxBytes: number;
  /** First backoff delay; doubled each retry. Tests use a few ms. */
  backoffMs?: number;
}

export type FetchOutcome =
  | { kind: 'body'; body: Buffer; etag?: string }
  | { kind: 'not-modified' }
  | { kind: 'failed'; reason: string };

class Permanent extends Error {}

export async function fetchFile(
  url: string,
  limits: FetchLimits,
  etag?: string,
  headers: Record<string, string> = {},
): Promise<FetchOutcome> {
  const backoff = limits.backoffMs ?? 500;
  let last = '';
  let tries = 0;
  for (let attempt = 0; attempt <= limits.retries; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, backoff * 2 ** (attempt - 1)));
    tries++;
    try {
      return await attemptOnce(url, limits, etag, headers);
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
      if (err instanceof Permanent) break;
    }
  }
  return { kind: 'failed', reason: `${last} (${tries} ${tries === 1 ? 'attempt' : 'attempts'})` };
}

async function attemptOnce(
  url: string,
  limits: FetchLimits,
  etag: string | undefined,
  headers: Record<string, string>,
): Promise<FetchOutcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    const res = await fetch(url, {
      headers: { ...headers, ...(etag ? { 'If-None-Match': etag } : {}) },
      signal: controller.signal,
    });
    if (res.status === 304) {
      await res.body?.cancel();
      return { kind: 'not-modified' };
    }
    if (!res.ok) {
      await res.body?.cancel();
      const reason = `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
      if (res.status === 429 || res.status >= 500) throw new Error(reason);
      throw new Permanent(reason);
    }
    const declared = Number(res.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > limits.maxBytes) {
      await res.body?.cancel();
      throw new Permanent(`${declared} bytes, over the ${limits.maxBytes}-byte size cap`);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    if (res.body) {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        size += chunk.length;
        if (size > limits.maxBytes) {
          controller.abort();
          throw new Permanent(`over the ${limits.maxBytes}-byte size cap`);
        }
        chunks.push(Buffer.from(chunk));
      }
    }
    return { kind: 'body', body: Buffer.concat(chunks), etag: res.headers.get('etag') ?? undefined };
  } catch (err) {
    if (err instanceof Permanent) throw err;
    if (controller.signal.aborted) throw new Error(`timed out after ${limits.timeoutMs} ms`);
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new Error(cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err)));
  } finally {
    clearTimeout(timer);
  }
}
