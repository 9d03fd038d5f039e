import type { ReactNode } from "react";

export type BadgeTone = "blue" | "violet" | "amber" | "green" | "teal" | "gray" | "red";

export type BadgeProps = { tone?: BadgeTone; dot?: boolean; children: ReactNode };

export function Badge({ tone = "gray", dot = true, children }: BadgeProps) {
  return <span className={["badge", `badge-${tone}`, dot ? "" : "badge-plain"].filter(Boolean).join(" ")}>{children}</span>;
}
