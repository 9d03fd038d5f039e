import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TElicitationSession, TMe, TProject, TRequirementType } from "@jiaofu/contracts";
import { api } from "../../api";
import { Avatar, Button, Card, LoadingBlock, useToast } from "../../ui";
import { isNotFound } from "../../lib/api-errors";
import { formatDateTime } from "../../lib/format";
import { useDocumentTitle } from "../../lib/use-document-title";
import { isAdmin } from "../auth/session";
import { CommentsPanel } from "../collaboration/comments-panel";
import { ConfirmDialog } from "../common/confirm-dialog";
import { ErrorPanel } from "../common/error-panel";
import { NotFoundPanel } from "../common/not-found-panel";
import { elicitationKeys, usePassages, useSession } from "./elicitation.queries";
import { elicitationPath } from "./elicitation-paths";
import { canRunElicitation } from "./elicitation-permissions";
import { NotesAnnotator } from "./notes-annotator";
import type { NotesRange } from "./notes-selection";
import { PassagesPanel } from "./passages-panel";
import { RequirementFromSourceDialog } from "./requirement-from-source-dialog";
import { quoteExcerpt, titleFromExcerpt } from "./requirement-prefill";
import { SessionEditForm } from "./session-edit-form";
import { SessionKindBadge } from "./session-kind-badge";

export type SessionDetailProps = { project: TProject; me: TMe; sessionId: string };

/** One session: what, when and who; its notes with the passages that became requirements; and its discussion. */
export function SessionDetail({ project, me, sessionId }: SessionDetailProps) {
  const { t } = useTranslation();
  const session = useSession(sessionId);
  useDocumentTitle(session.data?.title ?? t("elicitation.title"));

  if (session.isPending) return <LoadingBlock />;
  if (session.isError) {
    return isNotFound(session.error) ? (
      <NotFoundPanel
        title={t("elicitation.session.notFoundTitle")}
        body={t("elicitation.session.notFoundBody")}
        backTo={elicitationPath(project.id)}
        backLabel={t("elicitation.title")}
      />
    ) : (
      <ErrorPanel error={session.error} onRetry={() => void session.refetch()} />
    );
  }
  return <SessionView project={project} me={me} session={session.data} />;
}

function SessionView({ project, me, session }: { project: TProject; me: TMe; session: TElicitationSession }) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const passages = usePassages(session.id);
  const canWork = canRunElicitation(me, project);
  const [editing, setEditing] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const [deleting, setDeleting] = useState(false);
  const [notesView, setNotesView] = useState<"source" | "formatted">("source");
  const [creating, setCreating] = useState<(NotesRange & { excerpt: string }) | null>(null);
  const [createdCount, setCreatedCount] = useState(0);

  const remove = useMutation({
    mutationFn: () => api.elicitation.removeSession(session.id, session.version),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: elicitationKeys.session(session.id) });
      await queryClient.invalidateQueries({ queryKey: elicitationKeys.sessions(project.id) });
      toast.show(t("elicitation.session.deleted"), "success");
      await navigate(elicitationPath(project.id));
    },
  });

  async function refresh() {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: elicitationKeys.session(session.id) }),
      queryClient.invalidateQueries({ queryKey: elicitationKeys.passages(session.id) }),
      queryClient.invalidateQueries({ queryKey: elicitationKeys.sessions(project.id) }),
    ]);
  }

  const origin = `${session.title} (${session.startsAt.slice(0, 10)})`;
  const when = formatDateTime(session.startsAt, i18n.language);
  const until = session.endsAt ? formatDateTime(session.endsAt, i18n.language) : null;

  return (
    <div className="stack session-detail">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to={elicitationPath(project.id)}>{t("elicitation.title")}</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">{session.title}</span>
      </nav>
      <div className="section-heading">
        <div className="page-title-group">
          <div className="row">
            <h2 className="section-title session-title">{session.title}</h2>
            <SessionKindBadge kind={session.kind} />
          </div>
          <p className="subtle">
            {until ? t("elicitation.session.whenRange", { start: when, end: until }) : when}
            {session.location ? ` · ${session.location}` : ""}
          </p>
        </div>
        {canWork && !editing ? (
          <div className="page-actions">
            <Button size="sm" variant="secondary" onClick={() => setEditing(true)} data-testid="edit-session">
              {t("ui.edit")}
            </Button>
            <Button size="sm" variant="danger-ghost" onClick={() => setDeleting(true)}>
              {t("ui.delete")}
            </Button>
          </div>
        ) : null}
      </div>

      {editing ? (
        <Card
          title={t("elicitation.session.editTitle")}
          titleLevel={3}
          actions={
            <Button size="sm" variant="ghost" onClick={() => setEditing(false)} data-testid="close-session-editor">
              {t("elicitation.session.closeEditor")}
            </Button>
          }
        >
          <SessionEditForm
            key={formKey}
            project={project}
            session={session}
            onReset={() => setFormKey((k) => k + 1)}
            onDone={() => {
              setEditing(false);
              void refresh();
            }}
          />
        </Card>
      ) : (
        <div className="detail-grid session-grid">
          <div className="stack">
            <Card
              title={t("elicitation.notes.title")}
              titleLevel={3}
              actions={
                <div className="elic-switch" role="group" aria-label={t("elicitation.notes.viewLabel")}>
                  <button type="button" className="elic-switch-option" aria-pressed={notesView === "source"} onClick={() => setNotesView("source")}>
                    {t("elicitation.notes.viewSource")}
                  </button>
                  <button type="button" className="elic-switch-option" aria-pressed={notesView === "formatted"} onClick={() => setNotesView("formatted")}>
                    {t("elicitation.notes.viewFormatted")}
                  </button>
                </div>
              }
            >
              {notesView === "source" ? (
                <NotesAnnotator
                  projectId={project.id}
                  notes={session.notes}
                  passages={passages.data?.items ?? []}
                  canSelect={canWork}
                  resetKey={createdCount}
                  onCreateRequirement={(range) => setCreating({ ...range, excerpt: session.notes.slice(range.start, range.end) })}
                  emptyAction={
                    canWork ? (
                      <Button size="sm" variant="primary" onClick={() => setEditing(true)}>
                        {t("elicitation.notes.write")}
                      </Button>
                    ) : undefined
                  }
                />
              ) : session.notesHtml ? (
                <div className="prose" dangerouslySetInnerHTML={{ __html: session.notesHtml }} />
              ) : (
                <p className="subtle">{t("elicitation.notes.empty")}</p>
              )}
            </Card>
            <Card title={t("elicitation.fields.agenda")} titleLevel={3}>
              {session.agendaHtml ? <div className="prose" dangerouslySetInnerHTML={{ __html: session.agendaHtml }} /> : <p className="subtle">{t("elicitation.session.noAgenda")}</p>}
            </Card>
          </div>
          <div className="stack">
            <Card title={t("elicitation.fields.participants")} titleLevel={3}>
              <Participants session={session} />
            </Card>
            {passages.isError ? (
              <Card>
                <ErrorPanel error={passages.error} onRetry={() => void passages.refetch()} />
              </Card>
            ) : (
              <PassagesPanel projectId={project.id} sessionId={session.id} passages={passages.data?.items ?? []} canWork={canWork} />
            )}
          </div>
        </div>
      )}

      <Card title={t("comments.title")} titleLevel={3}>
        <CommentsPanel entityType="elicitation_session" entityId={session.id} canComment={canWork} meId={me.id} canModerate={isAdmin(me)} />
      </Card>

      {creating ? (
        <RequirementFromSourceDialog
          open
          onClose={() => setCreating(null)}
          title={t("elicitation.notes.createRequirement")}
          excerpt={creating.excerpt}
          initial={{ title: titleFromExcerpt(creating.excerpt), description: quoteExcerpt(creating.excerpt, origin), type: "functional" as TRequirementType }}
          create={async (fields) => {
            const result = await api.elicitation.createRequirementFromPassage(session.id, { start: creating.start, end: creating.end, ...fields });
            return result.requirement;
          }}
          onCreated={async (requirement) => {
            toast.show(t("elicitation.notes.requirementCreated", { key: requirement.key }), "success");
            setCreatedCount((n) => n + 1);
            await refresh();
            await queryClient.invalidateQueries({ queryKey: ["requirements"] });
          }}
          onReload={refresh}
        />
      ) : null}

      <ConfirmDialog
        open={deleting}
        title={t("elicitation.session.deleteTitle")}
        confirmLabel={t("ui.delete")}
        onConfirm={() => remove.mutate()}
        onClose={() => {
          setDeleting(false);
          remove.reset();
        }}
        busy={remove.isPending}
        error={remove.error}
      >
        {t("elicitation.session.deleteBody", { title: session.title })}
      </ConfirmDialog>
    </div>
  );
}

/** The team members and client contacts who took part, and guests without an account. */
function Participants({ session }: { session: TElicitationSession }) {
  const { t } = useTranslation();
  if (session.participants.length === 0 && session.guests.length === 0) return <p className="subtle">{t("elicitation.session.noParticipants")}</p>;
  return (
    <ul className="people-list session-people">
      {session.participants.map((person) => (
        <li key={person.userId} className="person">
          <Avatar name={person.name} />
          <span className="person-text">
            <span className="person-name">{person.name}</span>
            <span className="subtle">
              {person.kind === "contact" ? t("elicitation.participants.contact") : t("elicitation.participants.staff")}
              {person.title ? ` · ${person.title}` : ""}
            </span>
          </span>
        </li>
      ))}
      {session.guests.map((guest) => (
        <li key={`guest-${guest}`} className="person">
          <Avatar name={guest} />
          <span className="person-text">
            <span className="person-name">{guest}</span>
            <span className="subtle">{t("elicitation.participants.guest")}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
