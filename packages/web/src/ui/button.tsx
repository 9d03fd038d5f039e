import type { ButtonHTMLAttributes, ReactNode } from "react";
import { Link, type LinkProps } from "react-router";
import { Spinner } from "./spinner";

export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger" | "danger-ghost";
export type ButtonSize = "md" | "sm";

type ButtonLookProps = {
  variant?: ButtonVariant;
  size?: ButtonSize;
  block?: boolean;
};

function buttonClass({ variant = "secondary", size = "md", block = false }: ButtonLookProps, extra?: string): string {
  return ["btn", `btn-${variant}`, size === "sm" ? "btn-sm" : "", block ? "btn-block" : "", extra ?? ""].filter(Boolean).join(" ");
}

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> &
  ButtonLookProps & {
    /** Shows a spinner and disables the button while an action runs. */
    loading?: boolean;
    children: ReactNode;
  };

/** A real `<button>`; `type="button"` unless told otherwise, so it never submits a form by accident. */
export function Button({ variant, size, block, loading = false, className, type = "button", disabled, children, ...rest }: ButtonProps) {
  return (
    <button
      type={type}
      className={buttonClass({ variant, size, block }, className)}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      {...rest}
    >
      {loading ? <Spinner size="sm" /> : null}
      {children}
    </button>
  );
}

export type ButtonLinkProps = LinkProps & ButtonLookProps;

/** A router link that looks like a button (navigation stays a link for assistive technology). */
export function ButtonLink({ variant, size, block, className, ...rest }: ButtonLinkProps) {
  return <Link className={buttonClass({ variant, size, block }, className)} {...rest} />;
}
