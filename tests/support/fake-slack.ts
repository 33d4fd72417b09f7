/**
 * An in-process fake of the Slack Web API (plus Socket Mode, file upload URLs and response_urls) on
 * 127.0.0.1, for tests that run the real Bolt App / WebClient against it.
 *
 * Behaviour follows what was measured against Bolt 5.1.0 / web-api 8.2.0 (shared/notes/stack-notes.md
 * §4): Web API calls are form-encoded POSTs to `<apiUrl><method>` with `Authorization: Bearer`;
 * uploadV2 posts multipart (part `body`) to the upload_url and needs a 200; Socket Mode starts with
 * `apps.connections.open` and a `hello` message.
 *
 * Method names in `calls()`/`waitFor()`: Web API method names ('chat.postMessage', …), plus
 * 'upload' (POST to an upload_url) and 'response' (POST to a response_url).
 */
import { once } from 'node:events';
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';

// ---------------------------------------------------------------------------------------------
// Public types

export interface UploadedPart {
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface RecordedCall {
  /** Web API method, or 'upload' / 'response'. */
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** Bearer token from the Authorization header (or a `token` body field). */
  token?: string;
  /** Parsed form or JSON body. Form values that are JSON (blocks, metadata, files, view) are decoded. */
  params: Record<string, unknown>;
  rawBody: Buffer;
  /** Multipart file parts (uploads). */
  files: UploadedPart[];
  /** For 'response' calls: the id in /response/<id>. For 'upload': the file id. */
  targetId?: string;
  /** HTTP status and JSON (or text) the fake answered with. */
  status: number;
  response: unknown;
  /** Set when an injected fault or the rate limiter produced the answer. */
  fault?: string;
  at: number;
}

export type Fault =
  | { type: 'rate_limited'; retryAfter?: number }
  | { type: 'http'; status: number; body?: string }
  | { type: 'error'; error: string; extra?: Record<string, unknown> };

export interface FaultOptions {
  /** How many matching calls get the fault. Default 1, or unlimited when `probability` is set. */
  times?: number;
  /** Chance (0..1) that a matching call gets the fault, drawn from the fake's seeded RNG. */
  probability?: number;
  /** Only calls for which this returns true are candidates (e.g. a given channel). */
  when?: (call: { method: string; params: Record<string, unknown> }) => boolean;
}

export interface ChannelSpec {
  name?: string;
  isPrivate?: boolean;
  isIm?: boolean;
  /** Whether the bot is in the channel. false → not_in_channel for posts, uploads and history. */
  isMember?: boolean;
  members?: string[];
}

export interface UserSpec {
  name?: string;
  realName?: string;
  tz?: string;
  isBot?: boolean;
}

export interface RateLimitOptions {
  /** Messages allowed per channel per second; Slack's chat.postMessage limit is about 1. */
  perChannelPerSecond?: number;
  retryAfter?: number;
  methods?: string[];
}

export interface FakeSlackOptions {
  /** Seed for the probability-based faults (same seed → same sequence). */
  seed?: number;
  botUserId?: string;
  botId?: string;
  teamId?: string;
  appId?: string;
  channels?: Record<string, ChannelSpec>;
  users?: Record<string, UserSpec>;
  rateLimit?: RateLimitOptions | false;
  /** Uses per response_url before it answers 404 (Slack: 5 within 30 minutes). */
  responseUrlMaxUses?: number;
  /** Send `hello` as soon as a Socket Mode client connects (default true). */
  socketHello?: boolean;
  /** Server-side ws ping interval, so the client's 30 s server-ping watchdog stays quiet. */
  socketPingMs?: number;
  now?: () => number;
}

export interface StoredMessage {
  type: 'message';
  ts: string;
  channel: string;
  text: string;
  user: string;
  bot_id?: string;
  thread_ts?: string;
  blocks?: unknown[];
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  files?: Array<{ id: string; title?: string; name: string }>;
}

export interface SocketEnvelope {
  envelope_id?: string;
  type: 'slash_commands' | 'events_api' | 'interactive' | (string & {});
  payload: Record<string, unknown>;
  accepts_response_payload?: boolean;
  retry_attempt?: number;
  retry_reason?: string;
}

export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------

interface FaultRule extends FaultOptions {
  method: string;
  fault: Fault;
  remaining: number;
}

interface FileRecord {
  id: string;
  filename: string;
  length: number;
  altText?: string;
  data?: Buffer;
}

interface Answer {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

interface Waiter {
  method: string;
  predicate: (call: RecordedCall) => boolean;
  resolve: (call: RecordedCall) => void;
}

/** Slack's observed ceiling for total block JSON (bolt-js#2509). Kept independent of src/slack/limits.ts. */
const BLOCKS_JSON_CEILING = 13_200;

export class FakeSlack {
  readonly port: number;
  /** e.g. http://127.0.0.1:PORT — base for upload and response URLs. */
  readonly baseUrl: string;
  /** Pass as WebClient/App `slackApiUrl` (ends with /api/). */
  readonly apiUrl: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly teamId: string;
  readonly appId: string;

  private readonly server: http.Server;
  private readonly wss: WebSocketServer;
  private readonly options: FakeSlackOptions;
  private recorded: RecordedCall[] = [];
  private waiters: Waiter[] = [];
  private faults: FaultRule[] = [];
  private rng: () => number;
  private rateLimit: Required<RateLimitOptions> | undefined;
  private postedAt = new Map<string, number[]>();
  private messages = new Map<string, StoredMessage[]>();
  private uploads = new Map<string, FileRecord>();
  private responseUses = new Map<string, number>();
  private sockets = new Set<WebSocket>();
  private socketWaiters: Array<() => void> = [];
  private ackWaiters = new Map<string, (ack: SocketAck) => void>();
  private socketLog: unknown[] = [];
  private sequence = 0;
  private readonly homeViews = new Map<string, Record<string, unknown>>();

  private constructor(server: http.Server, wss: WebSocketServer, options: FakeSlackOptions) {
    this.server = server;
    this.wss = wss;
    this.options = options;
    this.port = (server.address() as AddressInfo).port;
    this.baseUrl = `http://127.0.0.1:${this.port}`;
    this.apiUrl = `${this.baseUrl}/api/`;
    this.botUserId = options.botUserId ?? 'U0BOT';
    this.botId = options.botId ?? 'B0BOT';
    this.teamId = options.teamId ?? 'T0TEAM';
    this.appId = options.appId ?? 'A0APP';
    this.rng = mulberry32(options.seed ?? 1);
    this.setRateLimit(options.rateLimit ?? false);
  }

  /** Starts a fake on an ephemeral port. Always `await fake.close()` in afterAll. */
  static async start(options: FakeSlackOptions = {}): Promise<FakeSlack> {
    const server = http.createServer();
    const wss = new WebSocketServer({ noServer: true });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const fake = new FakeSlack(server, wss, options);
    server.on('request', (req, res) => {
      fake.handle(req, res).catch((err: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(String(err));
      });
    });
    server.on('upgrade', (req, socket, head) => {
      if (!req.url?.startsWith('/link')) {
        socket.destroy();
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => fake.onSocket(ws));
    });
    return fake;
  }

  // -------------------------------------------------------------------------------------------
  // Scripting

  /** Injects a fault for `method` ('*' = every method, including 'upload' and 'response'). */
  fail(method: string, fault: Fault, options: FaultOptions = {}): void {
    const remaining = options.times ?? (options.probability !== undefined ? Number.POSITIVE_INFINITY : 1);
    this.faults.push({ ...options, method, fault, remaining });
  }

  /** Turns per-channel rate limiting on (chat.postMessage, 1/s by default) or off. */
  setRateLimit(options: RateLimitOptions | boolean): void {
    if (options === false) {
      this.rateLimit = undefined;
      return;
    }
    const o = options === true ? {} : options;
    this.rateLimit = {
      perChannelPerSecond: o.perChannelPerSecond ?? 1,
      retryAfter: o.retryAfter ?? 1,
      methods: o.methods ?? ['chat.postMessage'],
    };
  }

  /** Seeds channel history (e.g. an earlier digest, or a user's message). Returns the stored message. */
  addMessage(channel: string, message: Partial<StoredMessage> & { text: string }): StoredMessage {
    const stored: StoredMessage = {
      type: 'message',
      user: this.botUserId,
      bot_id: this.botId,
      ...message,
      channel,
      ts: message.ts ?? this.nextTs(),
    };
    this.history(channel).push(stored);
    return stored;
  }

  /** Messages the fake holds for a channel, oldest first (posted, seeded, file shares). */
  channelMessages(channel: string): StoredMessage[] {
    return [...this.history(channel)];
  }

  homeView(userId: string): Record<string, unknown> | undefined {
    return this.homeViews.get(userId);
  }

  /** Uploaded bytes by file id (after the upload_url POST). */
  uploadedFile(fileId: string): Buffer | undefined {
    return this.uploads.get(fileId)?.data;
  }

  /** A response_url served by this fake; calls to it are recorded as method 'response'. */
  responseUrl(id: string): string {
    return `${this.baseUrl}/response/${encodeURIComponent(id)}`;
  }

  // -------------------------------------------------------------------------------------------
  // Inspection

  calls(method?: string): RecordedCall[] {
    return method === undefined ? [...this.recorded] : this.recorded.filter((c) => c.method === method);
  }

  /** Resolves with the first call (already made or future) matching; rejects after timeoutMs. */
  waitFor(
    method: string,
    predicate: (call: RecordedCall) => boolean = () => true,
    timeoutMs = 2000,
  ): Promise<RecordedCall> {
    const existing = this.recorded.find((c) => c.method === method && predicate(c));
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        method,
        predicate,
        resolve: (call) => {
          clearTimeout(timer);
          resolve(call);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        const seen = this.recorded.map((c) => c.method).join(', ') || 'none';
        reject(
          new Error(`fake-slack: no matching ${method} call within ${timeoutMs} ms (calls so far: ${seen})`),
        );
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Forgets calls, faults, messages, uploads, rate-limit state and response_url uses. Keeps sockets. */
  reset(): void {
    this.recorded = [];
    this.faults = [];
    this.postedAt.clear();
    this.messages.clear();
    this.uploads.clear();
    this.responseUses.clear();
    this.homeViews.clear();
    this.socketLog = [];
    this.rng = mulberry32(this.options.seed ?? 1);
    this.setRateLimit(this.options.rateLimit ?? false);
  }

  async close(): Promise<void> {
    // A clean close handshake first: Bolt's app.stop() resolves before its close frame is answered,
    // and terminating mid-handshake makes the client log a WebSocket error.
    await Promise.all(
      [...this.sockets].map(async (ws) => {
        const closed = once(ws, 'close');
        ws.close(1000);
        const timer = setTimeout(() => ws.terminate(), 500);
        await closed;
        clearTimeout(timer);
      }),
    );
    this.sockets.clear();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // -------------------------------------------------------------------------------------------
  // Socket Mode

  get socketCount(): number {
    return this.sockets.size;
  }

  /** Every message a Socket Mode client sent (acks), parsed. */
  socketMessages(): unknown[] {
    return [...this.socketLog];
  }

  /** Resolves once a Socket Mode client is connected (and has been sent `hello`, unless disabled). */
  waitForSocket(timeoutMs = 5000): Promise<void> {
    if (this.sockets.size > 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('fake-slack: no Socket Mode connection')), timeoutMs);
      this.socketWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  sendHello(): void {
    this.broadcast({
      type: 'hello',
      num_connections: this.sockets.size,
      debug_info: { host: 'fake-slack', build_number: 1, approximate_connection_time: 18060 },
      connection_info: { app_id: this.appId },
    });
  }

  /** Asks clients to reconnect, like Slack's periodic refresh. */
  sendDisconnect(reason = 'refresh_requested'): void {
    this.broadcast({ type: 'disconnect', reason, debug_info: { host: 'fake-slack' } });
  }

  /**
   * Pushes an envelope to the connected client(s) and resolves with the ack that carries its
   * envelope_id (Bolt acks over the socket, with the ack() body as `payload`).
   */
  sendEnvelope(envelope: SocketEnvelope, timeoutMs = 3000): Promise<SocketAck> {
    if (this.sockets.size === 0)
      return Promise.reject(new Error('fake-slack: no Socket Mode client connected'));
    const id = envelope.envelope_id ?? `env-${++this.sequence}`;
    const full = {
      accepts_response_payload: envelope.type === 'slash_commands',
      ...(envelope.type === 'events_api' ? { retry_attempt: 0, retry_reason: '' } : {}),
      ...envelope,
      envelope_id: id,
    };
    const acked = new Promise<SocketAck>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.ackWaiters.delete(id);
        reject(new Error(`fake-slack: envelope ${id} was not acked within ${timeoutMs} ms`));
      }, timeoutMs);
      this.ackWaiters.set(id, (ack) => {
        clearTimeout(timer);
        resolve(ack);
      });
    });
    this.broadcast(full);
    return acked;
  }

  private onSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    const ping = setInterval(() => ws.ping(), this.options.socketPingMs ?? 10_000);
    ping.unref();
    ws.on('close', () => {
      clearInterval(ping);
      this.sockets.delete(ws);
    });
    ws.on('message', (data: RawData) => this.onSocketMessage(data));
    if (this.options.socketHello !== false) this.sendHello();
    for (const notify of this.socketWaiters.splice(0)) notify();
  }

  private onSocketMessage(data: RawData): void {
    let message: unknown;
    try {
      message = JSON.parse(rawToString(data));
    } catch {
      message = rawToString(data);
    }
    this.socketLog.push(message);
    if (isRecord(message) && typeof message.envelope_id === 'string') {
      const waiter = this.ackWaiters.get(message.envelope_id);
      if (waiter) {
        this.ackWaiters.delete(message.envelope_id);
        waiter({
          envelope_id: message.envelope_id,
          payload: isRecord(message.payload) ? message.payload : undefined,
        });
      }
    }
  }

  private broadcast(message: unknown): void {
    const text = JSON.stringify(message);
    for (const ws of this.sockets) ws.send(text);
  }

  // -------------------------------------------------------------------------------------------
  // HTTP

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.baseUrl);
    const raw = await readBody(req);
    const { params, files } = await parseBody(req.headers['content-type'], raw, url.searchParams);

    let method: string;
    let targetId: string | undefined;
    if (url.pathname.startsWith('/api/')) method = url.pathname.slice('/api/'.length);
    else if (url.pathname.startsWith('/upload/')) {
      method = 'upload';
      targetId = decodeURIComponent(url.pathname.slice('/upload/'.length));
    } else if (url.pathname.startsWith('/response/')) {
      method = 'response';
      targetId = decodeURIComponent(url.pathname.slice('/response/'.length));
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }

    const token =
      bearer(req.headers.authorization) ?? (typeof params.token === 'string' ? params.token : undefined);
    const call: RecordedCall = {
      method,
      path: url.pathname,
      headers: req.headers,
      token,
      params,
      rawBody: raw,
      files,
      targetId,
      status: 200,
      response: undefined,
      at: this.now(),
    };

    const answer = this.injectedFault(call) ?? this.rateLimited(call) ?? this.dispatch(call);
    call.status = answer.status ?? 200;
    call.response = answer.body;
    this.record(call);

    const headers = { ...answer.headers };
    if (typeof answer.body === 'string') {
      res
        .writeHead(call.status, { 'content-type': 'text/plain; charset=utf-8', ...headers })
        .end(answer.body);
    } else {
      res
        .writeHead(call.status, { 'content-type': 'application/json; charset=utf-8', ...headers })
        .end(JSON.stringify(answer.body));
    }
  }

  private record(call: RecordedCall): void {
    this.recorded.push(call);
    const matched = this.waiters.filter((w) => w.method === call.method && w.predicate(call));
    this.waiters = this.waiters.filter((w) => !matched.includes(w));
    for (const w of matched) w.resolve(call);
  }

  private injectedFault(call: RecordedCall): Answer | undefined {
    for (const rule of this.faults) {
      if (rule.remaining <= 0) continue;
      if (rule.method !== '*' && rule.method !== call.method) continue;
      if (rule.when && !rule.when({ method: call.method, params: call.params })) continue;
      if (rule.probability !== undefined && this.rng() >= rule.probability) continue;
      rule.remaining -= 1;
      call.fault = describeFault(rule.fault);
      return faultAnswer(rule.fault);
    }
    return undefined;
  }

  private rateLimited(call: RecordedCall): Answer | undefined {
    const limit = this.rateLimit;
    if (!limit?.methods.includes(call.method)) return undefined;
    const channel = String(call.params.channel ?? call.params.channel_id ?? '');
    const now = this.now();
    const recent = (this.postedAt.get(channel) ?? []).filter((t) => now - t < 1000);
    if (recent.length >= limit.perChannelPerSecond) {
      this.postedAt.set(channel, recent);
      call.fault = `rate_limited(${limit.retryAfter}s, channel ${channel})`;
      return faultAnswer({ type: 'rate_limited', retryAfter: limit.retryAfter });
    }
    recent.push(now);
    this.postedAt.set(channel, recent);
    return undefined;
  }

  private dispatch(call: RecordedCall): Answer {
    if (call.method === 'upload') return this.upload(call);
    if (call.method === 'response') return this.response(call);
    if (!call.token) return err('not_authed');
    if (call.method !== 'apps.connections.open' && call.token.startsWith('xapp-')) {
      return err('not_allowed_token_type');
    }
    const p = call.params;
    switch (call.method) {
      case 'api.test':
        return ok({ args: p });
      case 'auth.test':
        return ok({
          url: 'https://northstat-test.slack.com/',
          team: 'Northstat Test',
          user: 'northstat',
          team_id: this.teamId,
          user_id: this.botUserId,
          bot_id: this.botId,
          is_enterprise_install: false,
        });
      case 'apps.connections.open':
        if (!call.token.startsWith('xapp-')) return err('not_allowed_token_type');
        return ok({ url: `ws://127.0.0.1:${this.port}/link?ticket=${++this.sequence}` });
      case 'chat.postMessage':
        return this.postMessage(p);
      case 'chat.postEphemeral': {
        const channel = str(p.channel);
        if (!channel) return err('channel_not_found');
        if (!str(p.user)) return err('user_not_found');
        if (!hasContent(p)) return err('no_text');
        if (!this.channel(channel).isMember) return err('not_in_channel');
        return ok({ message_ts: this.nextTs() });
      }
      case 'chat.update': {
        const found = this.findMessage(str(p.channel), str(p.ts));
        if (!found) return err('message_not_found');
        const invalid = blocksProblem(p.blocks);
        if (invalid) return err(invalid);
        if (p.text !== undefined) found.text = str(p.text);
        if (Array.isArray(p.blocks)) found.blocks = p.blocks;
        if (isRecord(p.metadata)) found.metadata = p.metadata as StoredMessage['metadata'];
        return ok({ channel: found.channel, ts: found.ts, text: found.text, message: found });
      }
      case 'chat.delete': {
        const list = this.history(str(p.channel));
        const index = list.findIndex((m) => m.ts === str(p.ts));
        if (index === -1) return err('message_not_found');
        list.splice(index, 1);
        return ok({ channel: str(p.channel), ts: str(p.ts) });
      }
      case 'conversations.info': {
        const id = str(p.channel);
        if (!id) return err('channel_not_found');
        const c = this.channel(id);
        return ok({
          channel: {
            id,
            name: c.name,
            is_channel: !c.isIm && !c.isPrivate,
            is_group: Boolean(c.isPrivate),
            is_im: Boolean(c.isIm),
            is_private: Boolean(c.isPrivate || c.isIm),
            is_member: c.isMember,
            is_archived: false,
          },
        });
      }
      case 'conversations.members': {
        const id = str(p.channel);
        if (!id) return err('channel_not_found');
        return ok({ members: this.channel(id).members, response_metadata: { next_cursor: '' } });
      }
      case 'conversations.history':
        return this.conversationHistory(p);
      case 'conversations.open': {
        // A DM with one person: "D" + the user id; D… channels are IMs the bot is a member of.
        const user = str(p.users).split(',')[0];
        if (!user) return err('users_list_not_supplied');
        return ok({ channel: { id: `D${user.replace(/^U/, '')}` } });
      }
      case 'users.info': {
        const id = str(p.user);
        if (!id) return err('user_not_found');
        const u = this.options.users?.[id] ?? {};
        const name = u.name ?? id.toLowerCase();
        return ok({
          user: {
            id,
            team_id: this.teamId,
            name,
            real_name: u.realName ?? name,
            deleted: false,
            is_bot: u.isBot ?? false,
            tz: u.tz ?? 'Europe/London',
            tz_label: 'Greenwich Mean Time',
            tz_offset: 0,
            profile: { display_name: name, real_name: u.realName ?? name },
          },
        });
      }
      case 'views.publish': {
        const user = str(p.user_id);
        if (!user) return err('invalid_arguments');
        if (!isRecord(p.view)) return err('invalid_arguments');
        const view = { id: `V${++this.sequence}`, team_id: this.teamId, ...p.view };
        this.homeViews.set(user, view);
        return ok({ view });
      }
      case 'files.getUploadURLExternal': {
        const filename = str(p.filename);
        const length = Number(p.length);
        if (!filename || !Number.isFinite(length) || length <= 0) return err('invalid_arguments');
        const id = `F0FILE${++this.sequence}`;
        this.uploads.set(id, { id, filename, length, altText: str(p.alt_text) || undefined });
        return ok({ upload_url: `${this.baseUrl}/upload/${id}`, file_id: id });
      }
      case 'files.completeUploadExternal':
        return this.completeUpload(p);
      default:
        return err('unknown_method');
    }
  }

  private postMessage(p: Record<string, unknown>): Answer {
    const channel = str(p.channel);
    if (!channel) return err('channel_not_found');
    if (!this.channel(channel).isMember) return err('not_in_channel');
    if (!hasContent(p)) return err('no_text');
    const invalid = blocksProblem(p.blocks);
    if (invalid) return err(invalid);
    if (p.metadata !== undefined) {
      const m = p.metadata;
      if (!isRecord(m) || typeof m.event_type !== 'string' || !isRecord(m.event_payload)) {
        return err('invalid_metadata_format');
      }
    }
    const message = this.addMessage(channel, {
      text: str(p.text),
      ...(Array.isArray(p.blocks) ? { blocks: p.blocks } : {}),
      ...(isRecord(p.metadata) ? { metadata: p.metadata as StoredMessage['metadata'] } : {}),
      ...(str(p.thread_ts) ? { thread_ts: str(p.thread_ts) } : {}),
    });
    return ok({ channel, ts: message.ts, message: withoutChannel(message) });
  }

  private conversationHistory(p: Record<string, unknown>): Answer {
    const channel = str(p.channel);
    if (!channel) return err('channel_not_found');
    if (!this.channel(channel).isMember) return err('not_in_channel');
    const limit = Number(p.limit) > 0 ? Math.min(Number(p.limit), 999) : 100;
    const oldest = Number(p.oldest ?? 0);
    const latest = p.latest !== undefined ? Number(p.latest) : Number.POSITIVE_INFINITY;
    const inclusive = p.inclusive === true || p.inclusive === 'true' || p.inclusive === '1';
    // Like Slack, metadata is only returned when asked for with include_all_metadata.
    const withMetadata =
      p.include_all_metadata === true || p.include_all_metadata === 'true' || p.include_all_metadata === '1';
    const matching = this.history(channel)
      .filter((m) => {
        const ts = Number(m.ts);
        return inclusive ? ts >= oldest && ts <= latest : ts > oldest && ts < latest;
      })
      .sort((a, b) => Number(b.ts) - Number(a.ts));
    const page = matching.slice(0, limit).map((m) => {
      const { metadata, ...rest } = withoutChannel(m);
      return withMetadata && metadata ? { ...rest, metadata } : rest;
    });
    return ok({ messages: page, has_more: matching.length > limit, response_metadata: { next_cursor: '' } });
  }

  private completeUpload(p: Record<string, unknown>): Answer {
    const list = Array.isArray(p.files) ? p.files.filter(isRecord) : [];
    if (list.length === 0) return err('invalid_arguments');
    const records: FileRecord[] = [];
    for (const f of list) {
      const record = this.uploads.get(str(f.id));
      if (!record?.data) return err('file_not_found');
      records.push(record);
    }
    const channel = str(p.channel_id) || str(p.channels).split(',')[0] || '';
    if (channel && !this.channel(channel).isMember) return err('not_in_channel');
    const files = records.map((r, i) => ({
      id: r.id,
      created: Math.floor(this.now() / 1000),
      timestamp: Math.floor(this.now() / 1000),
      name: r.filename,
      title: str(list[i].title) || r.filename,
      // Slack processes files asynchronously: mimetype is often still empty here (python-slack-sdk#1575).
      mimetype: '',
      filetype: '',
      user: this.botUserId,
      size: r.data?.length ?? r.length,
      alt_txt: r.altText,
    }));
    if (channel) {
      this.addMessage(channel, {
        text: str(p.initial_comment),
        files: files.map((f) => ({ id: f.id, title: f.title, name: f.name })),
        ...(str(p.thread_ts) ? { thread_ts: str(p.thread_ts) } : {}),
      });
    }
    return ok({ files });
  }

  private upload(call: RecordedCall): Answer {
    const record = this.uploads.get(call.targetId ?? '');
    if (!record) return { status: 404, body: 'file_not_found' };
    const part = call.files.find((f) => f.field === 'body') ?? call.files[0];
    record.data = part ? part.data : call.rawBody;
    return { status: 200, body: `OK - ${record.data.length}` };
  }

  private response(call: RecordedCall): Answer {
    const id = call.targetId ?? '';
    const uses = (this.responseUses.get(id) ?? 0) + 1;
    this.responseUses.set(id, uses);
    if (uses > (this.options.responseUrlMaxUses ?? 5)) return { status: 404, body: 'used_url' };
    if (!hasContent(call.params) && call.params.delete_original === undefined) {
      return { status: 400, body: 'no_text' };
    }
    return { status: 200, body: { ok: true } };
  }

  // -------------------------------------------------------------------------------------------

  private channel(id: string): Required<Pick<ChannelSpec, 'name' | 'isMember' | 'members'>> & ChannelSpec {
    const spec = this.options.channels?.[id] ?? {};
    return {
      ...spec,
      name: spec.name ?? id.toLowerCase(),
      isIm: spec.isIm ?? id.startsWith('D'),
      isPrivate: spec.isPrivate ?? id.startsWith('G'),
      isMember: spec.isMember ?? true,
      members: spec.members ?? [this.botUserId, 'U0USER'],
    };
  }

  private history(channel: string): StoredMessage[] {
    let list = this.messages.get(channel);
    if (!list) {
      list = [];
      this.messages.set(channel, list);
    }
    return list;
  }

  private findMessage(channel: string, ts: string): StoredMessage | undefined {
    return this.history(channel).find((m) => m.ts === ts);
  }

  private nextTs(): string {
    this.sequence += 1;
    return `${Math.floor(this.now() / 1000)}.${String(this.sequence % 1_000_000).padStart(6, '0')}`;
  }

  private now(): number {
    return this.options.now ? this.options.now() : Date.now();
  }
}

/** Starts a fake Slack (same as FakeSlack.start). */
export function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  return FakeSlack.start(options);
}

/** response_url builder for a fake (or a base URL such as fake.baseUrl). */
export function responseUrl(fake: FakeSlack | string, id: string): string {
  return typeof fake === 'string'
    ? `${fake.replace(/\/+$/, '')}/response/${encodeURIComponent(id)}`
    : fake.responseUrl(id);
}

// ---------------------------------------------------------------------------------------------
// Helpers

function ok(body: Record<string, unknown>): Answer {
  return { body: { ok: true, ...body } };
}

function err(error: string, extra: Record<string, unknown> = {}): Answer {
  return { body: { ok: false, error, ...extra } };
}

function faultAnswer(fault: Fault): Answer {
  switch (fault.type) {
    case 'rate_limited': {
      const retryAfter = fault.retryAfter ?? 1;
      return {
        status: 429,
        body: { ok: false, error: 'ratelimited' },
        headers: { 'Retry-After': String(retryAfter) },
      };
    }
    case 'http':
      return { status: fault.status, body: fault.body ?? '' };
    case 'error':
      return err(fault.error, fault.extra);
  }
}

function describeFault(fault: Fault): string {
  switch (fault.type) {
    case 'rate_limited':
      return `rate_limited(${fault.retryAfter ?? 1}s)`;
    case 'http':
      return `http_${fault.status}`;
    case 'error':
      return fault.error;
  }
}

/** Independent (and deliberately simple) copy of the checks Slack applies to blocks. */
function blocksProblem(blocks: unknown): string | undefined {
  if (blocks === undefined) return undefined;
  if (!Array.isArray(blocks)) return 'invalid_blocks_format';
  if (blocks.length > 50) return 'invalid_blocks';
  if (JSON.stringify(blocks).length > BLOCKS_JSON_CEILING) return 'msg_blocks_too_long';
  for (const b of blocks) {
    if (!isRecord(b) || typeof b.type !== 'string') return 'invalid_blocks';
    const text = isRecord(b.text) ? str(b.text.text) : '';
    if (b.type === 'section' && text.length > 3000) return 'invalid_blocks';
    if (b.type === 'header' && text.length > 150) return 'invalid_blocks';
  }
  return undefined;
}

function hasContent(p: Record<string, unknown>): boolean {
  return str(p.text) !== '' || Array.isArray(p.blocks) || Array.isArray(p.attachments);
}

function withoutChannel(m: StoredMessage): Omit<StoredMessage, 'channel'> {
  const { channel: _channel, ...rest } = m;
  return rest;
}

function bearer(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function parseBody(
  contentType: string | undefined,
  raw: Buffer,
  query: URLSearchParams,
): Promise<{ params: Record<string, unknown>; files: UploadedPart[] }> {
  const params: Record<string, unknown> = {};
  const files: UploadedPart[] = [];
  for (const [k, v] of query) params[k] = decodeField(k, v);
  const type = (contentType ?? '').toLowerCase();
  if (type.startsWith('application/json')) {
    const parsed: unknown = raw.length ? JSON.parse(raw.toString('utf8')) : {};
    if (isRecord(parsed)) Object.assign(params, parsed);
  } else if (type.startsWith('application/x-www-form-urlencoded')) {
    for (const [k, v] of new URLSearchParams(raw.toString('utf8'))) params[k] = decodeField(k, v);
  } else if (type.startsWith('multipart/form-data')) {
    // undici's multipart parser (global Response) avoids hand-rolling boundary parsing.
    const form = await new Response(new Uint8Array(raw), {
      headers: { 'content-type': contentType ?? '' },
    }).formData();
    for (const [field, value] of form) {
      if (typeof value === 'string') params[field] = decodeField(field, value);
      else {
        files.push({
          field,
          filename: value.name,
          contentType: value.type,
          data: Buffer.from(await value.arrayBuffer()),
        });
      }
    }
  }
  return { params, files };
}

// WebClient JSON-encodes object arguments into form fields; only these are decoded, so a user's
// `text=[draft]` stays a string.
const JSON_FIELDS = new Set([
  'blocks',
  'attachments',
  'metadata',
  'files',
  'view',
  'unfurls',
  'user_auth_blocks',
]);

function decodeField(key: string, value: string): unknown {
  if (!JSON_FIELDS.has(key)) return value;
  const t = value.trim();
  if ((t.startsWith('{') && t.endsWith('}')) || (t.startsWith('[') && t.endsWith(']'))) {
    try {
      return JSON.parse(t);
    } catch {
      return value;
    }
  }
  return value;
}

function rawToString(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

/** Small seeded PRNG (mulberry32): reproducible fault sequences without a dependency. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
