import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useQueryClient } from "@tanstack/react-query";
import { MY_WORK_GROUPS, type TMyWorkItem } from "@jiaofu/contracts";
import { api } from "../../api";
import { apiMessageOf } from "../../lib/api-errors";
import { formatDate } from "../../lib/format";
import { useDocumentTitle } from "../../lib/use-document-title";
import { Card, EmptyState, LoadingBlock, Select, useToast } from "../../ui";
import { ErrorPanel } from "../common/error-panel";
import { boardPath } from "../execution/execution-area";
import { boardKeys, boardTaskChanged, useMyWork } from "./board.queries";
import "./board.css";

/** "My work" (`/my-work`): the tasks assigned to the signed-in person across every project they can see. */
export function MyWork() {
  const { t } = useTranslation();
  useDocumentTitle(t("myWork.title"));
  const [includeDone, setIncludeDone] = useState(false);
  const work = useMyWork(includeDone);
  return (
    <div className="page">
      <div className="page-header">
        <div className="page-title-group">
          <h1>{t("myWork.title")}</h1>
          <p className="muted">{t("myWork.subtitle")}</p>
        </div>
        <div className="page-actions">
          <label className="task-assignee">
            <input type="checkbox" checked={includeDone} onChange={(e) => setIncludeDone(e.target.checked)} data-testid="my-work-include-done" />
            {t("myWork.includeDone")}
          </label>
        </div>
      </div>
      {work.isPending ? (
        <LoadingBlock />
      ) : work.isError ? (
        <ErrorPanel error={work.error} onRetry={() => void work.refetch()} />
      ) : work.data.items.length === 0 ? (
        <Card>
          <EmptyState icon="✓" title={t("myWork.emptyTitle")}>
            {t("myWork.emptyBody")}
          </EmptyState>
        </Card>
      ) : (
        <div className="stack" data-testid="my-work">
          {MY_WORK_GROUPS.map((group) => {
            const items = work.data.items.filter((i) => i.group === group);
            if (items.length === 0) return null;
            return (
              <Card key={group}>
                <section aria-labelledby={`my-work-${group}`} data-testid={`my-work-${group}`}>
                  <h2 id={`my-work-${group}`} className={group === "overdue" ? "my-work-title my-work-overdue" : "my-work-title"}>
                    {t(`myWork.groups.${group}`)} <span className="subtle">({items.length})</span>
                  </h2>
                  <ul className="my-work-list">
                    {items.map((item) => (
                      <MyWorkRow key={item.card.id} item={item} />
                    ))}
                  </ul>
                </section>
              </Card>
            );
          })}
        </div>
      )}
    </div>
  );
}

function MyWorkRow({ item }: { item: TMyWorkItem }) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [saving, setSaving] = useState(false);
  const { card } = item;
  async function handleStatus(statusId: string) {
    setSaving(true);
    try {
      const saved = await api.board.move(card.id, { version: card.version, statusId });
      toast.show(t("board.moved", { name: card.name, column: item.statuses.find((s) => s.id === saved.statusId)?.name ?? "" }), "success");
      void queryClient.invalidateQueries({ queryKey: boardKeys.board(card.projectId) });
      boardTaskChanged(queryClient, card.projectId, card.id);
    } catch (error) {
      toast.show(apiMessageOf(error) ?? t("errors.generic"), "error");
      void queryClient.invalidateQueries({ queryKey: ["my-work"] });
    } finally {
      setSaving(false);
    }
  }
  return (
    <li className="my-work-row" data-testid="my-work-item">
      <div className="my-work-main">
        <Link to={`${boardPath(card.projectId)}?task=${card.id}`} className="my-work-name">
          <span className="board-card-wbs">{card.wbsCode}</span> {card.name}
        </Link>
        <span className="subtle">
          {item.projectCode} · {item.projectName}
        </span>
      </div>
      <span className={item.group === "overdue" ? "board-due board-due-overdue" : "board-due"}>{card.dueDate ? formatDate(card.dueDate, i18n.language) : t("myWork.noDate")}</span>
      <Select
        aria-label={t("myWork.statusOf", { name: card.name })}
        value={card.statusId}
        disabled={saving}
        options={item.statuses.map((s) => ({ value: s.id, label: s.name }))}
        onChange={(e) => void handleStatus(e.target.value)}
        data-testid="my-work-status"
      />
    </li>
  );
}
