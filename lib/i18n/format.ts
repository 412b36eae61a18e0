import { t } from './translate';

/** "4 min 05 s" — call durations as agents read them. */
export function formatDuration(totalSeconds: number | null): string {
  if (totalSeconds === null) return t('none');
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = String(totalSeconds % 60).padStart(2, '0');
  return t('durationValue', { minutes, seconds });
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDateTime(iso: string | null): string {
  return iso ? dateTime.format(new Date(iso)) : t('none');
}

const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** Today's instants as a time alone (short enough for a status line), others with the date. */
export function formatRecent(iso: string, now = new Date()): string {
  const at = new Date(iso);
  return at.toDateString() === now.toDateString() ? timeOnly.format(at) : dateTime.format(at);
}

export function formatTaskNumber(number: number | null): string {
  return number === null ? t('taskNumberNew') : `#${number}`;
}
