import { useId, type ReactNode } from "react";

export type TooltipProps = { content: string; children: ReactNode };

/** Shows `content` on hover and on keyboard focus; the trigger is described by it for screen readers. */
export function Tooltip({ content, children }: TooltipProps) {
  const id = useId();
  return (
    <span className="tooltip" tabIndex={0} aria-describedby={id}>
      {children}
      <span role="tooltip" id={id} className="tooltip-bubble">
        {content}
      </span>
    </span>
  );
}
