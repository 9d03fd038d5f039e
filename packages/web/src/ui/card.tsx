import type { HTMLAttributes, ReactNode } from "react";

export type CardProps = HTMLAttributes<HTMLElement> & {
  /** Rendered as a heading in the card header, with `actions` beside it. */
  title?: ReactNode;
  titleLevel?: 2 | 3;
  actions?: ReactNode;
  /** No padding around the body, for tables that run edge to edge. */
  flush?: boolean;
  as?: "section" | "div" | "article";
};

export function Card({ title, titleLevel = 2, actions, flush = false, as = "section", className, children, ...rest }: CardProps) {
  const Tag = as;
  const Heading = titleLevel === 2 ? "h2" : "h3";
  return (
    <Tag className={["card", className ?? ""].filter(Boolean).join(" ")} {...rest}>
      {title || actions ? (
        <div className="card-header">
          {title ? <Heading className="card-title">{title}</Heading> : <span />}
          {actions ? <div className="row">{actions}</div> : null}
        </div>
      ) : null}
      <div className={flush ? "card-body-flush" : "card-body"}>{children}</div>
    </Tag>
  );
}
