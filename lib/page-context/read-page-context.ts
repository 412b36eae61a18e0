import type { CustomerPageRecogniser } from '../domain/customer-page-recogniser';
import { LIMITS } from '../domain/limits';
import { mailtoTargetOptional, telTargetOptional } from './link-targets';
import {
  PAGE_CONTEXT_LIMITS,
  type PageContext,
  type PageEntity,
  type RecognisedCustomer,
} from './page-context';
import { jsonLdEntities, microdataEntities } from './schema-org-entities';

function boundedText(raw: string | null | undefined, max: number): string | null {
  const text = raw?.replace(/\s+/g, ' ').trim();
  return text ? text.slice(0, max) : null;
}

function hiddenByPage(element: Element): boolean {
  return element.closest('[hidden], [aria-hidden="true"], template') !== null;
}

/** Distinct targets of the page's visible links of one scheme, in page order. */
function linkTargets(root: ParentNode, scheme: 'tel' | 'mailto'): string[] {
  const read = scheme === 'tel' ? telTargetOptional : mailtoTargetOptional;
  const targets = new Set<string>();
  for (const link of root.querySelectorAll(`a[href^="${scheme}:" i]`)) {
    if (hiddenByPage(link)) continue;
    const target = read(link.getAttribute('href') ?? '');
    if (target) targets.add(target);
    if (targets.size >= PAGE_CONTEXT_LIMITS.links) break;
  }
  return [...targets];
}

/** A recogniser's field: a tel:/mailto: link's target, an input's value, else the text. */
function fieldText(root: ParentNode, selector: string | undefined, max: number): string | null {
  if (!selector) return null;
  let element: Element | null;
  try {
    element = root.querySelector(selector);
  } catch {
    return null;
  }
  if (!element) return null;
  const href = element.getAttribute('href');
  const target = href ? (telTargetOptional(href) ?? mailtoTargetOptional(href)) : null;
  if (target) return target.slice(0, max);
  const value = element instanceof HTMLInputElement ? element.value : element.textContent;
  return boundedText(value, max);
}

/** The first recogniser whose address pattern matches, with what its selectors find. */
export function recogniseCustomerPage(
  root: ParentNode,
  url: string,
  recognisers: readonly CustomerPageRecogniser[],
): RecognisedCustomer | null {
  for (const recogniser of recognisers) {
    let match: RegExpExecArray | null;
    try {
      match = new RegExp(recogniser.urlPattern).exec(url);
    } catch {
      continue;
    }
    const raw = match?.[1];
    if (!raw) continue;
    let externalId = raw;
    try {
      externalId = decodeURIComponent(raw);
    } catch {
      // Kept as it appears in the address.
    }
    return {
      recogniserId: recogniser.id,
      externalId: externalId.trim().slice(0, LIMITS.shortText),
      name: fieldText(root, recogniser.selectors.name, LIMITS.name),
      phone: fieldText(root, recogniser.selectors.phone, LIMITS.phone),
      email: fieldText(root, recogniser.selectors.email, LIMITS.email),
    };
  }
  return null;
}

/**
 * Reads what the page says about its customer. Runs inside the page (injected on the agent's
 * gesture), so it only reads, bounds every string and returns plain data; the background
 * validates it again with PageContextSchema before using it.
 */
export function readPageContext(
  document: Document,
  selection: string,
  recognisers: readonly CustomerPageRecogniser[],
): PageContext {
  const url = document.location?.href ?? '';
  const entities: PageEntity[] = [
    ...jsonLdEntities(document),
    ...microdataEntities(document),
  ].slice(0, PAGE_CONTEXT_LIMITS.entities);
  return {
    url: url.slice(0, LIMITS.url),
    title: boundedText(document.title, LIMITS.shortText) ?? '',
    selection: selection.trim().slice(0, LIMITS.shortText),
    telLinks: linkTargets(document, 'tel'),
    mailtoLinks: linkTargets(document, 'mailto'),
    entities,
    recognised: recogniseCustomerPage(document, url, recognisers),
  };
}
