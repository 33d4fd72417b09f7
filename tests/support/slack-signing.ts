/**
 * Build and sign requests exactly the way Slack sends them to an app (HTTP mode), so tests go
 * through Bolt's real signature check instead of mocking it (bolt-js#1336: don't mock internals).
 *
 * Signature: `v0=` + hex(HMAC-SHA256(signingSecret, `v0:${timestamp}:${rawBody}`)), sent with
 * `X-Slack-Request-Timestamp` (unix seconds). Receivers reject timestamps more than 5 minutes off.
 */
import { createHmac } from 'node:crypto';

export const TEST_TEAM_ID = 'T0TEAM';
export const TEST_USER_ID = 'U0USER';
export const TEST_CHANNEL_ID = 'C0CHAN';
export const TEST_APP_ID = 'A0APP';
export const TEST_BOT_USER_ID = 'U0BOT';

export interface SignOptions {
  /** Unix seconds; defaults to now. Pass `now - 360` to test the stale-timestamp 401. */
  timestamp?: number;
  /** Overrides the inferred Content-Type. */
  contentType?: string;
}

export interface SignedRequest {
  body: string;
  headers: Record<string, string>;
}

export function slackSignature(secret: string, timestamp: number | string, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** Signs a raw body. Content-Type is JSON when the body looks like JSON, otherwise form-encoded. */
export function signedRequest(secret: string, body: string, options: SignOptions = {}): SignedRequest {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const contentType =
    options.contentType ??
    (body.trimStart().startsWith('{') ? 'application/json' : 'application/x-www-form-urlencoded');
  return {
    body,
    headers: {
      'Content-Type': contentType,
      'X-Slack-Request-Timestamp': String(timestamp),
      'X-Slack-Signature': slackSignature(secret, timestamp, body),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Slash commands (form-encoded)

export interface SlashCommandInput {
  command: string;
  text?: string;
  team_id?: string;
  team_domain?: string;
  channel_id?: string;
  channel_name?: string;
  user_id?: string;
  user_name?: string;
  response_url?: string;
  trigger_id?: string;
  api_app_id?: string;
  enterprise_id?: string;
  is_enterprise_install?: 'true' | 'false';
  token?: string;
}

/** The full field set Slack sends (docs: SlashCommand), with test defaults for the ids. */
export function slashCommandFields(input: SlashCommandInput): Record<string, string> {
  const fields: Record<string, string | undefined> = {
    token: 'deprecated-verification-token',
    team_id: TEST_TEAM_ID,
    team_domain: 'northstat-test',
    channel_id: TEST_CHANNEL_ID,
    channel_name: 'general',
    user_id: TEST_USER_ID,
    user_name: 'alice',
    text: '',
    api_app_id: TEST_APP_ID,
    is_enterprise_install: 'false',
    response_url: `https://hooks.slack.com/commands/${TEST_TEAM_ID}/1/unused`,
    trigger_id: `${Date.now()}.1.abcdef`,
    ...input,
  };
  return Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined));
}

export function slashCommandBody(input: SlashCommandInput): string {
  return new URLSearchParams(slashCommandFields(input)).toString();
}

// ---------------------------------------------------------------------------------------------
// Events API (JSON)

export interface AppMentionInput {
  text: string;
  user?: string;
  channel?: string;
  ts?: string;
  thread_ts?: string;
}

export interface MessageImInput {
  text: string;
  user?: string;
  /** A D… id. */
  channel?: string;
  ts?: string;
  thread_ts?: string;
}

export interface EnvelopeOptions {
  event_id?: string;
  event_time?: number;
  team_id?: string;
  api_app_id?: string;
}

let sequence = 0;
/** Unique, increasing Slack-style ts ("seconds.micro"). */
export function nextTs(): string {
  sequence += 1;
  return `${Math.floor(Date.now() / 1000)}.${String(sequence).padStart(6, '0')}`;
}

export function appMentionEvent(input: AppMentionInput): Record<string, unknown> {
  const ts = input.ts ?? nextTs();
  return {
    type: 'app_mention',
    user: input.user ?? TEST_USER_ID,
    text: input.text,
    ts,
    channel: input.channel ?? TEST_CHANNEL_ID,
    event_ts: ts,
    ...(input.thread_ts ? { thread_ts: input.thread_ts } : {}),
  };
}

export function messageImEvent(input: MessageImInput): Record<string, unknown> {
  const ts = input.ts ?? nextTs();
  return {
    type: 'message',
    channel_type: 'im',
    user: input.user ?? TEST_USER_ID,
    text: input.text,
    ts,
    channel: input.channel ?? 'D0DM',
    event_ts: ts,
    ...(input.thread_ts ? { thread_ts: input.thread_ts } : {}),
  };
}

/** Wraps an event in the `event_callback` envelope (event_id is what apps dedupe on). */
export function eventCallbackBody(event: Record<string, unknown>, options: EnvelopeOptions = {}): string {
  const teamId = options.team_id ?? TEST_TEAM_ID;
  sequence += 1;
  return JSON.stringify({
    token: 'deprecated-verification-token',
    team_id: teamId,
    api_app_id: options.api_app_id ?? TEST_APP_ID,
    event,
    type: 'event_callback',
    event_id: options.event_id ?? `Ev${Date.now()}${sequence}`,
    event_time: options.event_time ?? Math.floor(Date.now() / 1000),
    authorizations: [
      { team_id: teamId, user_id: TEST_BOT_USER_ID, is_bot: true, is_enterprise_install: false },
    ],
    is_ext_shared_channel: false,
  });
}

export function urlVerificationBody(challenge: string): string {
  return JSON.stringify({ token: 'deprecated-verification-token', challenge, type: 'url_verification' });
}

// ---------------------------------------------------------------------------------------------
// Interactivity (form-encoded `payload=<json>`)

export interface BlockActionInput {
  action_id: string;
  value?: string;
  block_id?: string;
  user_id?: string;
  channel_id?: string;
  response_url?: string;
  /** The message the button sits on, if any (`container.message_ts`). */
  message_ts?: string;
  trigger_id?: string;
  /** An overflow menu choice instead of a button click (Slack sends `selected_option`, no `value`). */
  selected_option?: { value: string; text: string };
}

export function blockActionsPayload(input: BlockActionInput): Record<string, unknown> {
  const channel = input.channel_id ?? TEST_CHANNEL_ID;
  const messageTs = input.message_ts ?? nextTs();
  return {
    type: 'block_actions',
    user: { id: input.user_id ?? TEST_USER_ID, username: 'alice', name: 'alice', team_id: TEST_TEAM_ID },
    api_app_id: TEST_APP_ID,
    token: 'deprecated-verification-token',
    container: { type: 'message', message_ts: messageTs, channel_id: channel, is_ephemeral: false },
    trigger_id: input.trigger_id ?? `${Date.now()}.1.abcdef`,
    team: { id: TEST_TEAM_ID, domain: 'northstat-test' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channel, name: 'general' },
    message: { type: 'message', ts: messageTs, text: '', user: TEST_BOT_USER_ID },
    state: { values: {} },
    response_url: input.response_url ?? `https://hooks.slack.com/actions/${TEST_TEAM_ID}/1/unused`,
    actions: [
      input.selected_option
        ? {
            type: 'overflow',
            action_id: input.action_id,
            block_id: input.block_id ?? 'actions',
            selected_option: {
              text: { type: 'plain_text', text: input.selected_option.text, emoji: true },
              value: input.selected_option.value,
            },
            action_ts: String(Date.now() / 1000),
          }
        : {
            type: 'button',
            action_id: input.action_id,
            block_id: input.block_id ?? 'actions',
            text: { type: 'plain_text', text: 'Button', emoji: true },
            value: input.value ?? '',
            action_ts: String(Date.now() / 1000),
          },
    ],
  };
}

export function blockActionsBody(input: BlockActionInput): string {
  return new URLSearchParams({ payload: JSON.stringify(blockActionsPayload(input)) }).toString();
}

// ---------------------------------------------------------------------------------------------
// Posting to the app

export interface PostKinds {
  command: SlashCommandInput;
  app_mention: AppMentionInput & EnvelopeOptions;
  'message.im': MessageImInput & EnvelopeOptions;
  url_verification: { challenge: string };
  block_actions: BlockActionInput;
  /** A prebuilt body, posted as is (use for malformed or hand-written payloads). */
  raw: { body: string };
}

export interface PostOptions extends SignOptions {
  secret: string;
  /** Defaults to Bolt's `/slack/events`. */
  path?: string;
  /** Sends `X-Slack-Retry-Num` (and a retry reason), as Slack does on redelivery. */
  retryNum?: number;
  retryReason?: string;
  /** Replace the computed signature (e.g. to test the 401 path). */
  signature?: string;
  headers?: Record<string, string>;
}

export function bodyFor<K extends keyof PostKinds>(kind: K, input: PostKinds[K]): string {
  // The casts are checked by the PostKinds map: `input` is PostKinds[K] for the branch taken.
  switch (kind) {
    case 'command':
      return slashCommandBody(input as SlashCommandInput);
    case 'app_mention': {
      const i = input as PostKinds['app_mention'];
      return eventCallbackBody(appMentionEvent(i), i);
    }
    case 'message.im': {
      const i = input as PostKinds['message.im'];
      return eventCallbackBody(messageImEvent(i), i);
    }
    case 'url_verification':
      return urlVerificationBody((input as PostKinds['url_verification']).challenge);
    case 'block_actions':
      return blockActionsBody(input as BlockActionInput);
    default:
      return (input as PostKinds['raw']).body;
  }
}

/** Builds, signs and POSTs a Slack request to a running app; returns the fetch Response. */
export async function postToApp<K extends keyof PostKinds>(
  baseUrl: string,
  kind: K,
  input: PostKinds[K],
  options: PostOptions,
): Promise<Response> {
  const signed = signedRequest(options.secret, bodyFor(kind, input), options);
  const headers: Record<string, string> = { ...signed.headers, ...options.headers };
  if (options.signature !== undefined) headers['X-Slack-Signature'] = options.signature;
  if (options.retryNum !== undefined) {
    headers['X-Slack-Retry-Num'] = String(options.retryNum);
    headers['X-Slack-Retry-Reason'] = options.retryReason ?? 'http_timeout';
  }
  const url = new URL(options.path ?? '/slack/events', baseUrl).toString();
  return fetch(url, { method: 'POST', headers, body: signed.body });
}
