import type { InputHTMLAttributes, TextareaHTMLAttributes, Ref } from "react";

export type InputProps = InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> };

export function Input({ className, ...rest }: InputProps) {
  return <input className={["input", className ?? ""].filter(Boolean).join(" ")} {...rest} />;
}

export type TextareaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & { ref?: Ref<HTMLTextAreaElement> };

export function Textarea({ className, ...rest }: TextareaProps) {
  return <textarea className={["textarea", className ?? ""].filter(Boolean).join(" ")} {...rest} />;
}
