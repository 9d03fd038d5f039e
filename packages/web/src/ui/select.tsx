import type { SelectHTMLAttributes } from "react";

export type SelectOption = { value: string; label: string; disabled?: boolean };
export type SelectGroup = { label: string; options: readonly SelectOption[] };

export type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "children"> & {
  options?: readonly SelectOption[];
  /** Options under headings (`<optgroup>`); empty groups are left out. */
  groups?: readonly SelectGroup[];
  /** A first, empty choice (e.g. "All stages" or "Choose…"), value "". */
  placeholder?: string;
};

function renderOptions(options: readonly SelectOption[]) {
  return options.map((option) => (
    <option key={option.value} value={option.value} disabled={option.disabled}>
      {option.label}
    </option>
  ));
}

/** A native `<select>`: keyboard and screen-reader behaviour come for free. */
export function Select({ options = [], groups = [], placeholder, className, ...rest }: SelectProps) {
  return (
    <select className={["select", className ?? ""].filter(Boolean).join(" ")} {...rest}>
      {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
      {renderOptions(options)}
      {groups
        .filter((group) => group.options.length > 0)
        .map((group) => (
          <optgroup key={group.label} label={group.label}>
            {renderOptions(group.options)}
          </optgroup>
        ))}
    </select>
  );
}
