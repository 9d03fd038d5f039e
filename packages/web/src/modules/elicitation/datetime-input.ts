/**
 * `<input type="datetime-local">` holds a wall-clock time without a zone ("2025-03-01T14:30"); the API speaks ISO
 * moments. These convert between the two in the browser's time zone.
 */

const pad = (n: number) => String(n).padStart(2, "0");

/** An ISO moment as the local wall-clock value of a datetime-local input; "" for none. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * A datetime-local value as an ISO moment (UTC, `Z`); null for an empty input. Text that is not a date is passed on
 * as it is, so the API answers with its own (localised) message for the field.
 */
export function fromLocalInput(value: string): string | null {
  if (value.trim() === "") return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}
