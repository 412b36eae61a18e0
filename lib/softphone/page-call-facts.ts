import type { DomProfile } from '../domain/softphone-profile';
import type { CallDirection } from '../domain/task';
import type { CallEvent } from './call-event';

/** What a softphone page shows about the call on screen; every value is untrusted page text. */
export type PageCallFacts = Pick<
  CallEvent,
  | 'number'
  | 'callerName'
  | 'queue'
  | 'campaign'
  | 'transactionId'
  | 'selectedCodes'
  | 'systemCodes'
  | 'callbackAt'
> & { direction: CallDirection | null };

const MAX_CODE = 32;
const MAX_CODES = 100;

/** Text of the first match, trimmed and bounded; null when absent or empty. */
export function readTextOptional(root: ParentNode, selector: string | undefined, max = 500) {
  if (!selector) return null;
  const element = root.querySelector(selector);
  if (!element) return null;
  const text =
    element instanceof HTMLInputElement ? element.value : (element.textContent ?? '').trim();
  return text ? text.slice(0, max) : null;
}

/** Codes in `attribute` (when given and set), an input's value or the text, deduplicated. */
function readCodes(root: ParentNode, selector: string | undefined, attribute?: string) {
  if (!selector) return [];
  const codes = [...root.querySelectorAll(selector)].map((element) => {
    if (attribute && element.getAttribute(attribute)) return element.getAttribute(attribute) ?? '';
    return element instanceof HTMLInputElement ? element.value : (element.textContent ?? '');
  });
  return [...new Set(codes.map((code) => code.trim().slice(0, MAX_CODE)).filter(Boolean))].slice(
    0,
    MAX_CODES,
  );
}

function readDateTimeOptional(root: ParentNode, selector: string | undefined) {
  const raw = readTextOptional(root, selector);
  if (!raw) return null;
  const date = new Date(raw);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/**
 * The number as the page spells it, trimmed. The background turns it into E.164 (R3): the phone
 * number library and its metadata are too heavy to load into every softphone page.
 */
export function phoneFromPageText(raw: string | null): string | null {
  const text = raw?.trim();
  return text ? text : null;
}

/** Digits with an optional leading +, once spaces and punctuation are gone; null if not a number. */
function dialableOptional(raw: string): string | null {
  const compact = raw.replace(/[\s().\-/]/g, '');
  return /^\+?\d{6,15}$/.test(compact) ? compact : null;
}

function hiddenByPage(element: Element): boolean {
  return element.closest('[hidden], [aria-hidden="true"], template') !== null;
}

/**
 * Without a profile the only number we take is an unambiguous one: exactly one distinct dialable
 * number among the page's visible `tel:` links. A wrong number would attach the log to the wrong
 * customer (R3), which is worse than asking the agent for it.
 */
function singleTelLinkNumberOptional(root: ParentNode): string | null {
  const numbers = new Set<string>();
  for (const link of root.querySelectorAll('a[href^="tel:" i]')) {
    if (hiddenByPage(link)) continue;
    const raw = decodeTelHref(link.getAttribute('href') ?? '');
    const number = raw ? dialableOptional(raw) : null;
    if (number) numbers.add(number);
    if (numbers.size > 1) return null;
  }
  return numbers.size === 1 ? ([...numbers][0] ?? null) : null;
}

function decodeTelHref(href: string): string | null {
  const target = href.slice('tel:'.length, 'tel:'.length + 60);
  try {
    return decodeURIComponent(target).split(';')[0] ?? null;
  } catch {
    return null;
  }
}

function readDirectionOptional(root: ParentNode, profile: DomProfile): CallDirection | null {
  const text = readTextOptional(root, profile.selectors.direction);
  if (!text || !profile.states.outbound) return null;
  return new RegExp(profile.states.outbound, 'i').test(text) ? 'outbound' : 'inbound';
}

export type CallIdentity = Omit<PageCallFacts, keyof CallDisposition>;
export type CallDisposition = Pick<PageCallFacts, 'selectedCodes' | 'systemCodes' | 'callbackAt'>;

/** Who is on the line and how the call came in, as far as the profile's selectors say. */
export function readCallIdentity(root: ParentNode, profile: DomProfile): CallIdentity {
  const { selectors } = profile;
  return {
    number: phoneFromPageText(readTextOptional(root, selectors.number, 40)),
    callerName: readTextOptional(root, selectors.callerName, 200),
    queue: readTextOptional(root, selectors.queue, 200),
    campaign: readTextOptional(root, selectors.campaign, 200),
    transactionId: readTextOptional(root, selectors.transactionId, 100),
    direction: readDirectionOptional(root, profile),
  };
}

/** The codes and callback the agent has picked so far, and any system code shown. */
export function readCallDisposition(root: ParentNode, profile: DomProfile): CallDisposition {
  const { selectors } = profile;
  return {
    selectedCodes: readCodes(root, selectors.selectedCodes),
    systemCodes: readCodes(root, selectors.systemCode, 'data-code'),
    callbackAt: readDateTimeOptional(root, selectors.callbackAt),
  };
}

/**
 * Reads the call on screen, through the profile's selectors when the page has one. Adapters that
 * cannot see the page themselves (WebRTC) use this to fill in who is on the line.
 */
export function readPageCallFacts(root: ParentNode, profile?: DomProfile): PageCallFacts {
  if (!profile) {
    return {
      number: singleTelLinkNumberOptional(root),
      callerName: null,
      queue: null,
      campaign: null,
      transactionId: null,
      direction: null,
      selectedCodes: [],
      systemCodes: [],
      callbackAt: null,
    };
  }
  return { ...readCallIdentity(root, profile), ...readCallDisposition(root, profile) };
}
