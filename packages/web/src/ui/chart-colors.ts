/**
 * Chart colours from the theme: charts draw with SVG attributes, which cannot use CSS variables, so each chart names
 * the theme tokens it needs and reads their current values here (falling back to `currentColor`).
 *
 * @example
 * const colors = readChartColors({ bar: "--color-primary", grid: "--color-border" } as const); // { bar: "#2563eb", … }
 */
export function readChartColors<T extends Record<string, `--${string}`>>(tokens: T): Record<keyof T, string> {
  const style = getComputedStyle(document.documentElement);
  return Object.fromEntries(Object.entries(tokens).map(([name, token]) => [name, style.getPropertyValue(token).trim() || "currentColor"])) as Record<keyof T, string>;
}
