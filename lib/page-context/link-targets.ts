import { LIMITS } from '../domain/limits';

function decodedOptional(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/** The number of a `tel:` address as written (`tel:+1-415-555-0134;ext=2` → `+1-415-555-0134`). */
export function telTargetOptional(href: string): string | null {
  if (!/^tel:/i.test(href)) return null;
  const decoded = decodedOptional(href.slice(4, 4 + 120));
  const number = decoded?.split(';')[0]?.trim();
  return number && number.length <= LIMITS.phone ? number : null;
}

/** The first address of a `mailto:` link, without its query (`mailto:a@b.c?subject=x` → `a@b.c`). */
export function mailtoTargetOptional(href: string): string | null {
  if (!/^mailto:/i.test(href)) return null;
  const decoded = decodedOptional(href.slice(7, 7 + 600).split('?')[0] ?? '');
  const address = decoded?.split(',')[0]?.trim();
  return address && address.length <= LIMITS.email ? address : null;
}
