/**
 * The requirements register as a spreadsheet: every requirement the list would give the caller (same filters, sort
 * and visibility — it pages through `listRequirements`), one row each, headers in the caller's language.
 */
import type { TLocale, TRequirement } from "@jiaofu/contracts";
import type { AppDeps } from "../../app";
import { translate, type MessageKey } from "../../platform/messages";
import type { Actor } from "../../platform/policy";
import { requireProjectAccess } from "../../platform/project-access";
import { tableToCsv, tableToXlsx, type ExportTable } from "../../platform/spreadsheet-export";
import { createRequirementsService, type ListRequirementsQuery } from "./requirements.service";

export type ExportRequirementsQuery = Omit<ListRequirementsQuery, "cursor" | "limit">;

const PAGE = 200;

export function requirementsTable(items: readonly TRequirement[], locale: TLocale): ExportTable {
  const t = (key: MessageKey) => translate(locale, key);
  const header = [
    t("requirement_export.key"),
    t("requirement_export.title"),
    t("requirement_export.type"),
    t("requirement_export.status"),
    t("requirement_export.moscow"),
    t("requirement_export.client_priority"),
    t("requirement_export.owner"),
    t("requirement_export.tags"),
    t("requirement_export.acceptance_criteria"),
    t("requirement_export.description"),
    t("requirement_export.updated_at"),
  ];
  const rows = items.map((r) => [
    r.key,
    r.title,
    r.type,
    t(`requirement.status.${r.status}`),
    r.moscow ?? "",
    r.clientPriority ?? "",
    r.ownerName ?? "",
    r.tags.join(", "),
    r.acceptanceCriteria.map((c) => c.text).join("\n"),
    r.description,
    r.updatedAt,
  ]);
  return { header, rows };
}

export function createRequirementsExportService(deps: AppDeps) {
  const requirements = createRequirementsService(deps);

  async function exportTable(actor: Actor, projectId: string, query: ExportRequirementsQuery, locale: TLocale) {
    const { project } = await requireProjectAccess(deps.db, actor, projectId, "project.read");
    const items: TRequirement[] = [];
    let cursor: string | undefined;
    do {
      const page = await requirements.listRequirements(actor, projectId, { ...query, cursor, limit: PAGE });
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return { table: requirementsTable(items, locale), code: project.code };
  }

  return {
    exportCsv: async (actor: Actor, projectId: string, query: ExportRequirementsQuery, locale: TLocale) => {
      const { table, code } = await exportTable(actor, projectId, query, locale);
      return { body: tableToCsv(table), code };
    },
    exportXlsx: async (actor: Actor, projectId: string, query: ExportRequirementsQuery, locale: TLocale) => {
      const { table, code } = await exportTable(actor, projectId, query, locale);
      const body = await tableToXlsx(table, `${code} ${translate(locale, "requirement_export.sheet")}`, {
        widths: [10, 40, 14, 14, 10, 10, 16, 20, 40, 60, 26],
        fallbackSheetName: "Requirements",
      });
      return { body, code };
    },
  };
}
