import type { TPlanResource } from "@jiaofu/contracts";

/** An amount in the plan's currency (CNY: ¥12,400.00; zh-CN: ¥12,400.00), whole units when it has no cents. */
export function formatMoney(amount: number, currency: string, locale: string): string {
  const cents = Math.round(amount * 100) % 100 !== 0;
  return new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: cents ? 2 : 0, maximumFractionDigits: 2 }).format(amount);
}

/** A number as people read it (1,234.5). */
export const formatNumber = (value: number, locale: string, maximumFractionDigits = 2) => new Intl.NumberFormat(locale, { maximumFractionDigits }).format(value);

/**
 * Units as MS Project shows them: a work resource's as a percentage (1 → 100 %, 0.5 → 50 %), a material's as its
 * quantity per day.
 */
export function formatUnits(units: number, kind: TPlanResource["kind"], locale: string): string {
  if (kind === "work") return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(units);
  return formatNumber(units, locale, 3);
}
