import type { ReactNode } from "react";
import { Field } from "./field";
import { Input, Textarea, type InputProps, type TextareaProps } from "./input";
import { Select, type SelectProps } from "./select";

type FieldLookProps = { label: ReactNode; error?: string | undefined; hint?: ReactNode; optional?: boolean; fieldClassName?: string };

/** Label + input + error in one. */
export function InputField({ label, error, hint, optional, fieldClassName, ...input }: FieldLookProps & InputProps) {
  return (
    <Field label={label} error={error} hint={hint} optional={optional} className={fieldClassName}>
      {(control) => <Input {...control} {...input} />}
    </Field>
  );
}

export function TextareaField({ label, error, hint, optional, fieldClassName, ...textarea }: FieldLookProps & TextareaProps) {
  return (
    <Field label={label} error={error} hint={hint} optional={optional} className={fieldClassName}>
      {(control) => <Textarea {...control} {...textarea} />}
    </Field>
  );
}

export function SelectField({ label, error, hint, optional, fieldClassName, ...select }: FieldLookProps & SelectProps) {
  return (
    <Field label={label} error={error} hint={hint} optional={optional} className={fieldClassName}>
      {(control) => <Select {...control} {...select} />}
    </Field>
  );
}
