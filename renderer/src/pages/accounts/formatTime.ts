import dayjs from 'dayjs';

/** An API timestamp (UTC, ISO-8601) shown in the user's local time. */
export function formatLocalTime(timestamp: string): string {
  return dayjs(timestamp).format('YYYY-MM-DD HH:mm');
}
