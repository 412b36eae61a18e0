import * as z from 'zod/mini';
import { LIMITS } from '../domain/limits';
import type { CallEvent } from './call-event';
import { CALL_DIRECTIONS, CALL_EVENT_TYPES, INTERACTION_KINDS } from './call-event-types';
import { describeIssues } from './describe-issues';
import { phoneFromPageText } from './page-call-facts';
import { createRateLimiter } from './rate-limit';
import { jsonLengthOptional } from './untrusted-json';

/*
 * A CustomEvent API a softphone page (or an agent's console) dispatches on purpose to tell Wrapup
 * about a call; documented in docs/page-events.md. Any script on the page can dispatch it, so each
 * event is validated strictly, bounded and rate-limited, and a refused one says why in the console.
 */

export const PAGE_EVENT_NAME = 'wrapup:call';

/** The whole detail as JSON; a real one is well under 2 KB even with 100 codes. */
export const MAX_PAGE_EVENT_CHARS = 8_192;
const DEFAULT_MAX_PER_SECOND = 20;
/** Calls remembered by id, so a page cannot grow our memory by inventing ids. */
const REMEMBERED_CALLS = 50;
/** A page's clock may run a little ahead of ours; a time further ahead is refused. */
const MAX_CLOCK_AHEAD_MS = 60_000;

const Text = (max: number) => z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(max))));
const Codes = z.optional(
  z
    .array(z.string().check(z.trim(), z.minLength(1), z.maxLength(LIMITS.code)))
    .check(z.maxLength(LIMITS.listItems)),
);
/** As TimestampSchema in lib/domain/ids.ts: ISO-8601 with a zone. */
const Timestamp = z.iso.datetime({ offset: true, message: 'Must be a date and time.' });

export const PageCallEventDetailSchema = z.strictObject({
  type: z.enum(CALL_EVENT_TYPES),
  /** The page's own id for the call; the same on each of its events. */
  callId: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  number: Text(LIMITS.phone),
  callerName: Text(LIMITS.name),
  direction: z.optional(z.enum(CALL_DIRECTIONS)),
  /** A voicemail or web callback rather than a call; logged as its own kind. */
  interaction: z.optional(z.enum(INTERACTION_KINDS)),
  queue: Text(LIMITS.name),
  campaign: Text(LIMITS.name),
  transactionId: Text(LIMITS.transactionId),
  /** Transaction codes the agent selected (R5). */
  codes: Codes,
  /** Codes set by AMD, CCB or Auto-TCL (R6). */
  systemCodes: Codes,
  /** A callback scheduled during the call (R8). */
  callbackAt: z.optional(z.nullable(Timestamp)),
  /** When it happened; now when omitted. */
  at: z.optional(Timestamp),
});
export type PageCallEventDetail = z.infer<typeof PageCallEventDetailSchema>;

type CallFields = Omit<CallEvent, 'type' | 'callId' | 'source' | 'at'>;

interface PageCall {
  fields: CallFields;
  reported: Set<CallEvent['type']>;
}

export type PageEventCheck =
  | { ok: true; detail: PageCallEventDetail }
  | { ok: false; reason: string };

/** Validates a detail as the page sent it: JSON, bounded, exactly the documented fields. */
export function parsePageEventDetail(detail: unknown): PageEventCheck {
  const length = jsonLengthOptional(detail);
  if (length === null) return { ok: false, reason: 'detail is not JSON' };
  if (length > MAX_PAGE_EVENT_CHARS) {
    return { ok: false, reason: `detail too large (${length} characters)` };
  }
  const parsed = PageCallEventDetailSchema.safeParse(detail);
  if (!parsed.success) {
    return { ok: false, reason: describeIssues(parsed.error.issues) };
  }
  return { ok: true, detail: parsed.data };
}

const dedupe = (codes: string[]) => [...new Set(codes)];
const later = (at: string, earliest: string | null) =>
  earliest && Date.parse(earliest) > Date.parse(at) ? earliest : at;

/** The fields a detail sets; omitted ones keep what earlier events of the call said. */
function applyDetail(fields: CallFields, detail: PageCallEventDetail, at: string): CallFields {
  const pick = <T>(value: T | undefined, known: T) => (value === undefined ? known : value);
  const next: CallFields = {
    ...fields,
    number: detail.number === undefined ? fields.number : phoneFromPageText(detail.number || null),
    callerName: pick(detail.callerName, fields.callerName) || null,
    direction: pick(detail.direction, fields.direction),
    ...(detail.interaction || fields.interaction
      ? { interaction: detail.interaction ?? fields.interaction }
      : {}),
    queue: pick(detail.queue, fields.queue) || null,
    campaign: pick(detail.campaign, fields.campaign) || null,
    transactionId: pick(detail.transactionId, fields.transactionId) || null,
    selectedCodes: detail.codes ? dedupe(detail.codes) : fields.selectedCodes,
    systemCodes: detail.systemCodes ? dedupe(detail.systemCodes) : fields.systemCodes,
    callbackAt:
      detail.callbackAt === undefined
        ? fields.callbackAt
        : detail.callbackAt && new Date(detail.callbackAt).toISOString(),
  };
  // Each time is no earlier than the one before it, whatever the page's clock said.
  if (detail.type === 'connected') next.connectedAt = later(at, next.startedAt);
  if (detail.type === 'ended') next.endedAt = later(at, next.connectedAt ?? next.startedAt);
  return next;
}

/** Why this event cannot follow what the call already reported, or null when it can. */
function outOfOrderReason(type: CallEvent['type'], reported: Set<CallEvent['type']>) {
  if (reported.has(type)) return `the call already reported '${type}'`;
  if (type === 'wrapped_up' && !reported.has('ended')) return "'wrapped_up' before 'ended'";
  if (type !== 'wrapped_up' && reported.has('ended')) return `'${type}' after 'ended'`;
  if (type === 'started' && reported.size > 0) return "'started' after the call was reported";
  return null;
}

export interface PageEventListenerOptions {
  now?: () => Date;
  /** Events accepted per second; more are dropped. */
  maxPerSecond?: number;
}

/**
 * Turns `wrapup:call` CustomEvents dispatched on `doc` into CallEvents with source 'page-events'
 * until `signal` aborts. Fields a call's later events omit keep their earlier values, so a page
 * may send the number once with 'started' and only the codes with 'ended'.
 */
export function listenForPageEvents(
  doc: Document,
  emit: (event: CallEvent) => void,
  signal: AbortSignal,
  options: PageEventListenerOptions = {},
): void {
  const now = options.now ?? (() => new Date());
  const allow = createRateLimiter({
    limit: options.maxPerSecond ?? DEFAULT_MAX_PER_SECOND,
    intervalMs: 1_000,
    now: () => now().getTime(),
  });
  const calls = new Map<string, PageCall>();
  const reject = (reason: string) => console.warn(`[wrapup] page event rejected: ${reason}`);
  let dropping = false;

  const receive = (event: Event) => {
    if (!allow()) {
      if (!dropping) reject('too many events; dropping them for now');
      dropping = true;
      return;
    }
    dropping = false;
    let raw: unknown;
    try {
      raw = (event as CustomEvent<unknown>).detail;
    } catch {
      return reject('detail is unreadable');
    }
    const check = parsePageEventDetail(raw);
    if (!check.ok) return reject(check.reason);
    const { detail } = check;
    const current = now();
    if (detail.at && Date.parse(detail.at) > current.getTime() + MAX_CLOCK_AHEAD_MS) {
      return reject('at is in the future');
    }
    const at = detail.at ? new Date(detail.at).toISOString() : current.toISOString();
    const call = calls.get(detail.callId) ?? {
      reported: new Set<CallEvent['type']>(),
      fields: {
        number: null,
        callerName: null,
        direction: 'inbound',
        queue: null,
        campaign: null,
        transactionId: null,
        selectedCodes: [],
        systemCodes: [],
        callbackAt: null,
        startedAt: at,
        connectedAt: null,
        endedAt: null,
      },
    };
    const reason = outOfOrderReason(detail.type, call.reported);
    if (reason) return reject(`${reason} (callId ${JSON.stringify(detail.callId)})`);
    call.fields = applyDetail(call.fields, detail, at);
    call.reported.add(detail.type);
    calls.delete(detail.callId);
    calls.set(detail.callId, call);
    if (calls.size > REMEMBERED_CALLS) {
      const oldest = calls.keys().next().value;
      if (oldest !== undefined) calls.delete(oldest);
    }
    emit({ type: detail.type, callId: detail.callId, source: 'page-events', at, ...call.fields });
  };
  doc.addEventListener(PAGE_EVENT_NAME, receive, { signal });
}
