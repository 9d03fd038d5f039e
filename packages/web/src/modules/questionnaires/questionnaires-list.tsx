import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { QUESTIONNAIRE_STATUSES, type TProject, type TQuestionnaireStatus, type TQuestionnaireSummary } from "@jiaofu/contracts";
import { api } from "../../api";
import { Button, Card, DataTable, Dialog, EmptyState, InputField, SearchToolbar, SelectField, useToast, type Column } from "../../ui";
import { fieldErrorsOf } from "../../lib/api-errors";
import { formatRelative } from "../../lib/format";
import { isOneOf } from "../../lib/is-one-of";
import { useDebouncedValue } from "../../lib/use-debounced-value";
import { DialogForm } from "../common/dialog-form";
import { LoadMore } from "../common/load-more";
import { QueryContent } from "../common/query-content";
import { questionnairePath, questionnaireResultsPath } from "../elicitation/elicitation-paths";
import { QuestionnaireStatusBadge } from "./questionnaire-status-badge";
import { questionnaireKeys, useQuestionnaireList } from "./questionnaires.queries";
import "./questionnaires.css";

export type QuestionnairesListProps = { project: TProject; canWork: boolean };

/** The project's questionnaires: drafts being built, open ones collecting answers, closed ones. */
export function QuestionnairesList({ project, canWork }: QuestionnairesListProps) {
  const { t, i18n } = useTranslation();
  const [creating, setCreating] = useState(false);
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState<TQuestionnaireStatus | "">("");
  const q = useDebouncedValue(search.trim());
  const list = useQuestionnaireList(project.id, { q: q || undefined, status: status || undefined });
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = q !== "" || status !== "";

  const columns: Column<TQuestionnaireSummary>[] = [
    {
      key: "title",
      header: t("questionnaires.columns.title"),
      primary: true,
      render: (item) => (
        <Link to={questionnairePath(project.id, item.id)} className="strong-link">
          {item.title}
        </Link>
      ),
    },
    { key: "status", header: t("questionnaires.columns.status"), render: (item) => <QuestionnaireStatusBadge status={item.status} /> },
    { key: "questions", header: t("questionnaires.columns.questions"), align: "end", render: (item) => item.questionCount },
    {
      key: "responses",
      header: t("questionnaires.columns.responses"),
      align: "end",
      render: (item) =>
        item.status === "draft" ? (
          <span className="muted">—</span>
        ) : (
          <Link to={questionnaireResultsPath(project.id, item.id)} aria-label={t("questionnaires.resultsOf", { title: item.title })}>
            {item.responseCount ?? 0}
          </Link>
        ),
    },
    { key: "updated", header: t("questionnaires.columns.updated"), nowrap: true, render: (item) => formatRelative(item.updatedAt, i18n.language) },
  ];

  return (
    <Card flush>
      <SearchToolbar
        label={t("questionnaires.filtersLabel")}
        searchLabel={t("questionnaires.search")}
        searchPlaceholder={t("questionnaires.searchPlaceholder")}
        search={search}
        onSearchChange={setSearch}
      >
        <SelectField
          label={t("questionnaires.columns.status")}
          value={status}
          placeholder={t("questionnaires.allStatuses")}
          options={QUESTIONNAIRE_STATUSES.map((value) => ({ value, label: t(`questionnaires.status.${value}`) }))}
          onChange={(event) => setStatus(isOneOf(QUESTIONNAIRE_STATUSES, event.target.value) ? event.target.value : "")}
        />
        {canWork ? (
          <Button variant="primary" onClick={() => setCreating(true)} data-testid="new-questionnaire">
            {t("questionnaires.new")}
          </Button>
        ) : null}
      </SearchToolbar>
      <QueryContent
        query={list}
        isEmpty={rows.length === 0}
        empty={
          filtered ? (
            <EmptyState title={t("questionnaires.noMatchTitle")}>{t("questionnaires.noMatchBody")}</EmptyState>
          ) : (
            <EmptyState
              icon="☑"
              title={t("questionnaires.emptyTitle")}
              action={
                canWork ? (
                  <Button variant="primary" onClick={() => setCreating(true)}>
                    {t("questionnaires.new")}
                  </Button>
                ) : undefined
              }
            >
              {t("questionnaires.emptyBody")}
            </EmptyState>
          )
        }
      >
        <DataTable
          caption={t("questionnaires.title")}
          columns={columns}
          rows={rows}
          rowKey={(item) => item.id}
          rowProps={(item) => ({ "data-testid": "questionnaire-row", "data-title": item.title })}
        />
        <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
      </QueryContent>
      {canWork ? (
        <Dialog open={creating} onClose={() => setCreating(false)} title={t("questionnaires.newTitle")} description={t("questionnaires.newDescription")} testId="new-questionnaire-dialog">
          <NewQuestionnaireForm project={project} onClose={() => setCreating(false)} />
        </Dialog>
      ) : null}
    </Card>
  );
}

/** A new questionnaire starts as a draft with its title; the builder opens on it. */
function NewQuestionnaireForm({ project, onClose }: { project: TProject; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState("");
  const create = useMutation({
    mutationFn: () => api.questionnaires.create(project.id, { title }),
    onSuccess: async (questionnaire) => {
      queryClient.setQueryData(questionnaireKeys.detail(questionnaire.id), questionnaire);
      await queryClient.invalidateQueries({ queryKey: questionnaireKeys.project(project.id) });
      toast.show(t("questionnaires.created"), "success");
      onClose();
      await navigate(questionnairePath(project.id, questionnaire.id));
    },
  });
  return (
    <DialogForm onSubmit={() => create.mutate()} onCancel={onClose} submitLabel={t("questionnaires.create")} submitting={create.isPending} error={create.error}>
      <InputField
        label={t("questionnaires.fields.title")}
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        error={fieldErrorsOf(create.error).title}
        maxLength={200}
        data-autofocus
        data-testid="questionnaire-title-input"
      />
    </DialogForm>
  );
}
