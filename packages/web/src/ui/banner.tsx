import type { ReactNode } from "react";

export type BannerTone = "error" | "warning" | "info" | "success";

export type BannerProps = { tone?: BannerTone; children: ReactNode; action?: ReactNode };

/** An inline message in the page; errors and warnings are announced as alerts. */
export function Banner({ tone = "info", children, action }: BannerProps) {
  const role = tone === "error" || tone === "warning" ? "alert" : "status";
  return (
    <div className={`banner banner-${tone}`} role={role}>
      <div>{children}</div>
      {action ? <div className="row">{action}</div> : null}
    </div>
  );
}
