/**
 * The entries in order, keeping only the first of each id: where lists are laid one over
 * another, the earlier list wins and an entry is never listed twice.
 */
export function firstOfEachId<T extends { id: string }>(entries: readonly T[]): T[] {
  const seen = new Set<string>();
  return entries.filter((entry) => {
    if (seen.has(entry.id)) return false;
    seen.add(entry.id);
    return true;
  });
}
