import type { ReactNode } from "react";
import { Link } from "react-router";

export type SubnavLinkProps = {
  to: string;
  /** Marked as the tab in view (a page within the tab, such as one risk of the register, keeps it marked). */
  active: boolean;
  /** The link is the page shown (`aria-current="page"`); default: `active`. */
  current?: boolean;
  testId?: string;
  children: ReactNode;
};

/** One tab of an area's sub-navigation (`<nav className="subnav">`): a router link, marked while its view shows. */
export function SubnavLink({ to, active, current = active, testId, children }: SubnavLinkProps) {
  return (
    <Link to={to} className={active ? "subnav-link active" : "subnav-link"} aria-current={current ? "page" : undefined} data-testid={testId}>
      {children}
    </Link>
  );
}
