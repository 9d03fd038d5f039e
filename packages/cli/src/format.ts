/** Number formatting for command output. */

/** `1234567` → `"1.2 MB"`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** `1234` → `"1,234"`. */
export function formatCount(count: number): string {
  return count.toLocaleString("en-US");
}

/** `(1, "row")` → `"1 row"`, `(2, "row")` → `"2 rows"`. */
export function plural(count: number, noun: string): string {
  return `${formatCount(count)} ${noun}${count === 1 ? "" : "s"}`;
}
