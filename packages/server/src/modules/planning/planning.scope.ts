/**
 * Plan tasks as the downstream end of trace links (`task` implements `requirement`), labelled "1.2 Design the
 * schema" so the traceability matrix shows requirement → task. Imported by planning.routes.ts, so it is registered
 * whenever the app is built.
 */
import { registerTraceTarget } from "../traceability/trace-targets";
import { createPlanningRepository } from "./planning.repository";

registerTraceTarget("task", async (db, workspaceId, ids) => {
  const rows = await createPlanningRepository(db).labels(workspaceId, ids);
  return new Map(rows.map((r) => [r.id, { projectId: r.projectId, label: r.wbsCode ? `${r.wbsCode} ${r.name}` : r.name }]));
});
