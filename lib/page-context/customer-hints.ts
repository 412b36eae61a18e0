import { z } from 'zod';
import { LIMITS } from '../domain/limits';
import { normalizePhone } from '../domain/phone';
import { mailtoTargetOptional, telTargetOptional } from './link-targets';
import type { PageContext } from './page-context';

/** What the agent pointed at: the menu's selection or link, when the gesture was a menu click. */
export interface QuickTaskTarget {
  selectionText?: string;
  linkUrl?: string;
}

/**
 * Who the page is about, as values a customer can be matched on: external ids as written,
 * phones in E.164, emails in lower case. Most specific first: what the agent pointed at, then
 * the administrator's recogniser, then schema.org data, then the page's only tel:/mailto: link.
 */
export interface CustomerHints {
  externalIds: string[];
  phones: string[];
  emails: string[];
  name: string | null;
  company: string | null;
}

const isEmail = (value: string) => z.email().safeParse(value).success;

function emailOptional(raw: string | null | undefined): string | null {
  const text = raw?.trim().toLowerCase();
  return text && text.length <= LIMITS.email && isEmail(text) ? text : null;
}

function phoneOptional(raw: string | null | undefined): string | null {
  const text = raw?.trim();
  // Digits are what a phone number is made of; a name never normalises to one.
  if (!text || text.length > LIMITS.phone || !/\d/.test(text)) return null;
  return normalizePhone(text);
}

/** A selection that reads like a person's or company's name: letters, one short line. */
function nameOptional(raw: string | null | undefined): string | null {
  const text = raw?.replace(/\s+/g, ' ').trim();
  if (!text || text.length > LIMITS.name || !/\p{L}/u.test(text)) return null;
  return text;
}

function pushUnique(list: string[], value: string | null) {
  if (value && !list.includes(value)) list.push(value);
}

export function customerHints(context: PageContext, target: QuickTaskTarget = {}): CustomerHints {
  const hints: CustomerHints = {
    externalIds: [],
    phones: [],
    emails: [],
    name: null,
    company: null,
  };
  const link = target.linkUrl ?? '';
  pushUnique(hints.phones, phoneOptional(telTargetOptional(link)));
  pushUnique(hints.emails, emailOptional(mailtoTargetOptional(link)));
  const selection = (target.selectionText ?? context.selection).trim();
  pushUnique(hints.phones, phoneOptional(selection));
  pushUnique(hints.emails, emailOptional(selection));
  const pointedAtName =
    hints.phones.length === 0 && hints.emails.length === 0 ? nameOptional(selection) : null;

  const { recognised } = context;
  if (recognised) {
    pushUnique(hints.externalIds, recognised.externalId.trim() || null);
    pushUnique(hints.phones, phoneOptional(recognised.phone));
    pushUnique(hints.emails, emailOptional(recognised.email));
  }
  const person =
    context.entities.find((entity) => entity.type === 'Person') ?? context.entities[0] ?? null;
  if (person) {
    pushUnique(hints.externalIds, person.identifier?.trim() || null);
    pushUnique(hints.phones, phoneOptional(person.telephone));
    pushUnique(hints.emails, emailOptional(person.email));
  }
  // A page's links say who it is about only when there is no doubt: exactly one of a kind.
  if (hints.phones.length === 0 && context.telLinks.length === 1) {
    pushUnique(hints.phones, phoneOptional(context.telLinks[0]));
  }
  if (hints.emails.length === 0 && context.mailtoLinks.length === 1) {
    pushUnique(hints.emails, emailOptional(context.mailtoLinks[0]));
  }
  hints.name =
    pointedAtName ?? nameOptional(recognised?.name) ?? nameOptional(person?.name) ?? null;
  if (person?.type === 'Person') {
    hints.company =
      nameOptional(person.organization) ??
      nameOptional(context.entities.find((entity) => entity.type === 'Organization')?.name);
  }
  return hints;
}
