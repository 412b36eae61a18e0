const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** Whether the text is a real `datetime-local` value (`YYYY-MM-DDTHH:mm`). */
export function isLocalDateTime(text: string): boolean {
  return localDateTimeToIso(text) !== null;
}

/** A `datetime-local` value, read in the agent's time zone, as a UTC instant; null if invalid. */
export function localDateTimeToIso(text: string): string | null {
  const match = LOCAL_DATE_TIME.exec(text);
  if (!match) return null;
  const [year, month, day, hours, minutes] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(year, month - 1, day, hours, minutes);
  if (date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  return date.toISOString();
}
