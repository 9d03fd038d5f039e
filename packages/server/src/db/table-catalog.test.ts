import { describe, expect, it } from "vitest";
import { tablesInInsertOrder, type ForeignKey } from "./table-catalog";

const table = (name: string) => ({ name, columns: ["id"], primaryKey: ["id"], sequences: [] });

describe("tablesInInsertOrder", () => {
  it("puts referenced tables first, ties by name", () => {
    const fks: ForeignKey[] = [
      { table: "users", columns: ["workspace_id"], references: "workspaces" },
      { table: "projects", columns: ["workspace_id"], references: "workspaces" },
      { table: "projects", columns: ["manager_id"], references: "users" },
      { table: "audit_log", columns: [], references: "nowhere" },
    ];
    const ordered = tablesInInsertOrder([table("projects"), table("users"), table("workspaces"), table("audit_log")], fks);
    expect(ordered.map((t) => t.name)).toEqual(["audit_log", "workspaces", "users", "projects"]);
    expect(ordered.every((t) => t.deferredColumns.length === 0)).toBe(true);
  });

  it("defers a reference to the table itself", () => {
    const ordered = tablesInInsertOrder([table("tasks")], [{ table: "tasks", columns: ["parent_id"], references: "tasks" }]);
    expect(ordered).toEqual([{ ...table("tasks"), deferredColumns: ["parent_id"] }]);
  });

  it("breaks a cycle by deferring the columns of the first table by name", () => {
    const fks: ForeignKey[] = [
      { table: "a", columns: ["b_id"], references: "b" },
      { table: "b", columns: ["a_id"], references: "a" },
    ];
    const ordered = tablesInInsertOrder([table("b"), table("a")], fks);
    expect(ordered.map((t) => [t.name, t.deferredColumns])).toEqual([
      ["a", ["b_id"]],
      ["b", []],
    ]);
  });
});
