/**
 * A form's draft moved onto newer data: each field the user changed from `base` keeps the
 * user's value, every other field takes the newer one. After someone else's save this shows
 * their change and loses nothing the user typed.
 */
export function keepEdits<T extends object>(base: T, draft: T, newer: T): T {
  const kept = { ...newer };
  for (const key of Object.keys(draft) as (keyof T)[]) {
    if (JSON.stringify(draft[key]) !== JSON.stringify(base[key])) kept[key] = draft[key];
  }
  return kept;
}
