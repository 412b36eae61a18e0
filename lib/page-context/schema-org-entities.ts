import { LIMITS } from '../domain/limits';
import { mailtoTargetOptional, telTargetOptional } from './link-targets';
import { PAGE_CONTEXT_LIMITS, type PageEntity } from './page-context';

const MAX_JSON_LD_CHARS = 200_000;
const MAX_DEPTH = 8;

type EntityType = PageEntity['type'];

function bounded(value: unknown, max: number): string | null {
  if (typeof value === 'number') return String(value).slice(0, max);
  if (typeof value !== 'string') return null;
  const text = value.replace(/\s+/g, ' ').trim();
  return text ? text.slice(0, max) : null;
}

/** "Person", "schema:Person", "https://schema.org/Person" (or a list holding one) → Person. */
export function schemaTypeOptional(raw: unknown): EntityType | null {
  const types = Array.isArray(raw) ? raw : [raw];
  for (const type of types) {
    if (typeof type !== 'string') continue;
    const name = type.replace(/^(https?:\/\/schema\.org\/|schema:)/i, '');
    if (name === 'Person' || name === 'Organization') return name;
  }
  return null;
}

function firstOf(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

function identifierOf(value: unknown): string | null {
  const first = firstOf(value);
  if (first && typeof first === 'object' && 'value' in first) {
    return bounded((first as { value: unknown }).value, LIMITS.shortText);
  }
  return bounded(first, LIMITS.shortText);
}

function nameOf(value: unknown): string | null {
  const first = firstOf(value);
  if (first && typeof first === 'object' && 'name' in first) {
    return bounded((first as { name: unknown }).name, LIMITS.name);
  }
  return bounded(first, LIMITS.name);
}

function entityFromJsonLd(node: Record<string, unknown>, type: EntityType): PageEntity {
  const email = bounded(firstOf(node.email), 600);
  return {
    type,
    name: bounded(firstOf(node.name), LIMITS.name),
    telephone: bounded(firstOf(node.telephone), LIMITS.phone),
    email: email ? (mailtoTargetOptional(email) ?? email.slice(0, LIMITS.email)) : null,
    identifier: identifierOf(node.identifier),
    organization: type === 'Person' ? nameOf(node.worksFor ?? node.affiliation) : null,
  };
}

/** Every Person and Organization in a parsed JSON-LD value, outermost first. */
export function entitiesFromJsonLd(value: unknown): PageEntity[] {
  const found: PageEntity[] = [];
  const visit = (node: unknown, depth: number) => {
    if (depth > MAX_DEPTH || found.length >= PAGE_CONTEXT_LIMITS.entities) return;
    if (Array.isArray(node)) {
      for (const item of node.slice(0, 50)) visit(item, depth + 1);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    const type = schemaTypeOptional(record['@type']);
    if (type) found.push(entityFromJsonLd(record, type));
    if ('@graph' in record) visit(record['@graph'], depth + 1);
  };
  visit(value, 0);
  return found;
}

/** Person and Organization data blocks of the page; a block that does not parse is skipped. */
export function jsonLdEntities(root: ParentNode): PageEntity[] {
  return [...root.querySelectorAll('script[type="application/ld+json" i]')].flatMap((script) => {
    const text = script.textContent ?? '';
    if (text.length > MAX_JSON_LD_CHARS) return [];
    try {
      return entitiesFromJsonLd(JSON.parse(text));
    } catch {
      return [];
    }
  });
}

/** An itemprop's value the way microdata defines it: content, href, datetime, else text. */
function microdataValue(element: Element): string | null {
  const content = element.getAttribute('content');
  if (content !== null) return content;
  const href = element.getAttribute('href');
  if (href !== null) return telTargetOptional(href) ?? mailtoTargetOptional(href) ?? href;
  return element.textContent;
}

function ownProperty(scope: Element, name: string): string | null {
  for (const element of scope.querySelectorAll(`[itemprop~="${name}"]`)) {
    // A property of a nested item (worksFor's name) is not the outer item's own.
    const owner = element.parentElement?.closest('[itemscope]');
    if (owner !== scope) continue;
    return microdataValue(element);
  }
  return null;
}

function nestedItemName(scope: Element, name: string): string | null {
  const nested = scope.querySelector(`[itemprop~="${name}"][itemscope]`);
  return nested ? ownProperty(nested, 'name') : null;
}

/** Person and Organization items marked up with schema.org microdata. */
export function microdataEntities(root: ParentNode): PageEntity[] {
  const items = [...root.querySelectorAll('[itemscope][itemtype]')];
  return items.flatMap((item) => {
    const type = schemaTypeOptional((item.getAttribute('itemtype') ?? '').trim().split(/\s+/)[0]);
    if (!type || item.hasAttribute('itemprop')) return [];
    const email = ownProperty(item, 'email');
    return [
      {
        type,
        name: bounded(ownProperty(item, 'name'), LIMITS.name),
        telephone: bounded(ownProperty(item, 'telephone'), LIMITS.phone),
        email: bounded(email ? (mailtoTargetOptional(email) ?? email) : null, LIMITS.email),
        identifier: bounded(ownProperty(item, 'identifier'), LIMITS.shortText),
        organization:
          type === 'Person' ? bounded(nestedItemName(item, 'worksFor'), LIMITS.name) : null,
      },
    ];
  });
}
