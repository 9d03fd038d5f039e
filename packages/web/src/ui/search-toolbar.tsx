import type { ReactNode } from "react";
import { InputField } from "./form-fields";

export type SearchToolbarProps = {
  /** Names the toolbar (a `search` landmark) for assistive technology. */
  label: string;
  searchLabel: string;
  searchPlaceholder: string;
  search: string;
  onSearchChange: (value: string) => void;
  /** Filters after the search box, e.g. selects. */
  children?: ReactNode;
};

/** The bar above a list: a search box that takes the free width, then any filters. */
export function SearchToolbar({ label, searchLabel, searchPlaceholder, search, onSearchChange, children }: SearchToolbarProps) {
  return (
    <div className="toolbar" role="search" aria-label={label}>
      <InputField
        fieldClassName="field-grow"
        label={searchLabel}
        type="search"
        placeholder={searchPlaceholder}
        value={search}
        onChange={(event) => onSearchChange(event.target.value)}
      />
      {children}
    </div>
  );
}
