import type { HTMLAttributes, ReactNode } from "react";

export type Column<R> = {
  key: string;
  /** Also the label of the cell when the table stacks on narrow screens. */
  header: string;
  render: (row: R) => ReactNode;
  align?: "start" | "end";
  nowrap?: boolean;
  /** The row's title cell: shown first and unlabelled when stacked. */
  primary?: boolean;
  /** Hide the header text (e.g. an actions column) while keeping it for screen readers. */
  hideHeader?: boolean;
};

export type DataTableProps<R> = {
  columns: readonly Column<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string;
  caption?: string;
  /** Extra attributes per row, e.g. a data-testid. */
  rowProps?: (row: R) => HTMLAttributes<HTMLTableRowElement> & { [key: `data-${string}`]: string };
};

/** A semantic table that scrolls sideways, or stacks into labelled cards below 720px. */
export function DataTable<R>({ columns, rows, rowKey, caption, rowProps }: DataTableProps<R>) {
  return (
    <div className="table-wrap">
      <table className="table table-stack">
        {caption ? <caption className="visually-hidden">{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={column.align === "end" ? "num" : undefined}>
                {column.hideHeader ? <span className="visually-hidden">{column.header}</span> : column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} {...rowProps?.(row)}>
              {columns.map((column) => (
                <td
                  key={column.key}
                  data-label={column.hideHeader ? "" : column.header}
                  data-primary={column.primary ? "" : undefined}
                  className={[column.align === "end" ? "num" : "", column.nowrap ? "nowrap" : ""].filter(Boolean).join(" ") || undefined}
                >
                  {column.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
