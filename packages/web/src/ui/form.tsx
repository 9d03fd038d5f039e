import type { FormHTMLAttributes } from "react";

export type FormProps = Omit<FormHTMLAttributes<HTMLFormElement>, "onSubmit" | "noValidate"> & {
  /** Runs on a submit button and on Enter in a field. */
  onSubmit: () => void;
};

/**
 * A form that never reloads the page and leaves validation to the server, whose messages are in the UI language
 * (the browser's would be in the browser's). Laid out as `.form` unless given another class.
 */
export function Form({ onSubmit, className = "form", ...rest }: FormProps) {
  return (
    <form
      className={className}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
      {...rest}
    />
  );
}
