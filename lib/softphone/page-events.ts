import { LIMITS } from '../domain/limits';
import type { CallDirection } from '../domain/task';
import type { CallEvent } from './call-event';
import {
  CALL_DIRECTIONS,
  CALL_EVENT_TYPES,
  INTERACTION_KINDS,
  type InteractionKind,
} from './call-event-types';
import { phoneFromPageText } from './page-call-facts';
import { createRateLimiter } from './rate-limit';
import {
  codeList,
  isoDateTime,
  oneOf,
  optionalText,
  Refusal,
  strictRecord,
  trimmedText,
} from './untrusted-fields';
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

/**
 * A detail as docs/page-events.md documents it, after checking. Written out by hand rather than
 * inferred from a zod schema: the content script checks it without zod (untrusted-fields.ts).
 * Absent fields are undefined; null clears what an earlier event of the call said.
 */
export interface PageCallEventDetail {
  type: CallEvent['type'];
  /** The page's own id for the call; the same on each of its events. */
  callId: string;
  number?: string | null;
  callerName?: string | null;
  direction?: CallDirection;
  /** A voicemail or web callback rather than a call; logged as its own kind. */
  interaction?: InteractionKind;
  queue?: string | null;
  campaign?: string | null;
  transactionId?: string | null;
  /** Transaction codes the agent selected (R5). */
  codes?: string[];
  /** Codes set by AMD, CCB or Auto-TCL (R6). */
  systemCodes?: string[];
  /** A callback scheduled during the call (R8). */
  callbackAt?: string | null;
  /** When it happened; now when omitted. */
  at?: string;
}

const DETAIL_FIELDS = [
  'type',
  'callId',
  'number',
  'callerName',
  'direction',
  'interaction',
  'queue',
  'campaign',
  'transactionId',
  'codes',
  'systemCodes',
  'callbackAt',
  'at',
] as const satisfies readonly (keyof PageCallEventDetail)[];

const optional = <T>(value: unknown, check: (value: unknown) => T): T | undefined =>
  value === undefined ? undefined : check(value);

/** Checks every field of a detail; throws a Refusal naming the first one out of shape. */
function checkDetail(raw: unknown): PageCallEventDetail {
  const detail = strictRecord(raw, 'detail', DETAIL_FIELDS);
  const codes = (where: 'codes' | 'systemCodes') =>
    optional(detail[where], (value) => codeList(value, where, LIMITS.listItems, LIMITS.code));
  return {
    type: oneOf(detail.type, 'type', CALL_EVENT_TYPES),
    callId: trimmedText(detail.callId, 'callId', 1, 100),
    number: optionalText(detail.number, 'number', LIMITS.phone),
    callerName: optionalText(detail.callerName, 'callerName', LIMITS.name),
    direction: optional(detail.direction, (value) => oneOf(value, 'direction', CALL_DIRECTIONS)),
    interaction: optional(detail.interaction, (value) =>
      oneOf(value, 'interaction', INTERACTION_KINDS),
    ),
    queue: optionalText(detail.queue, 'queue', LIMITS.name),
    campaign: optionalText(detail.campaign, 'campaign', LIMITS.name),
    transactionId: optionalText(detail.transactionId, 'transactionId', LIMITS.transactionId),
    codes: codes('codes'),
    systemCodes: codes('systemCodes'),
    callbackAt: optional(detail.callbackAt, (value) =>
      value === null ? null : isoDateTime(value, 'callbackAt'),
    ),
    at: optional(detail.at, (value) => isoDateTime(value, 'at')),
  };
}

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
  try {
    return { ok: true, detail: checkDetail(detail) };
  } catch (error) {
    // A page can hand us getters that throw on a second read: refused too, never thrown on.
    return { ok: false, reason: error instanceof Refusal ? error.message : 'detail is unreadable' };
  }
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
