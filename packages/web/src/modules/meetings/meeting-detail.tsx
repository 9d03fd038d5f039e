import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { type TMe, type TMeeting, type TMeetingItem, type TMeetingItemKind, type TProject } from "@jiaofu/contracts";
import { api } from "../../api";
import { Badge, Button, Card, Form, InputField, LoadingBlock, MarkdownText, SelectField, TextareaField } from "../../ui";
import { apiMessageOf, fieldErrorsOf, isNotFound } from "../../lib/api-errors";
import { formatDate } from "../../lib/format";
import { useDocumentTitle } from "../../lib/use-document-title";
import { ErrorPanel } from "../common/error-panel";
import { FormErrorBanner } from "../common/form-error-banner";
import { NotFoundPanel } from "../common/not-found-panel";
import { useProjectMembers } from "../projects/projects.queries";
import { MeetingKindBadge, MeetingStatusBadge } from "./meeting-badges";
import { EditMeetingDialog } from "./meeting-form";
import { meetingPath, meetingsPath, planTaskPath } from "./meeting-paths";
import { meetingPermissions, type MeetingPermissions } from "./meeting-permissions";
import { formatMeetingDay, formatMeetingTime } from "./meeting-time";
import { meetingChanged, useMeeting } from "./meetings.queries";
import "./meetings.css";

/** A meeting's page: details, attendees and attendance, agenda and minutes, decisions and action items. */
export function MeetingDetail({ project, me, meetingId }: { project: TProject; me: TMe; meetingId: string }) {
  const { t } = useTranslation();
  const meeting = useMeeting(meetingId);
  useDocumentTitle(meeting.data ? `${meeting.data.key} ${meeting.data.title}` : undefined);
  if (meeting.isPending) return <LoadingBlock />;
  if (meeting.isError) {
    return isNotFound(meeting.error) ? (
      <NotFoundPanel title={t("meetings.notFoundTitle")} body={t("meetings.notFoundBody")} backTo={meetingsPath(project.id)} backLabel={t("meetings.title")} />
    ) : (
      <ErrorPanel error={meeting.error} onRetry={() => void meeting.refetch()} />
    );
  }
  return <MeetingView project={project} meeting={meeting.data} can={meetingPermissions(me, project)} />;
}

function MeetingView({ project, meeting, can }: { project: TProject; meeting: TMeeting; can: MeetingPermissions }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const setStatus = useMutation({
    mutationFn: (status: TMeeting["status"]) => api.meetings.update(meeting.id, { version: meeting.version, status }),
    onSuccess: (updated) => meetingChanged(queryClient, updated),
  });
  return (
    <div className="stack meeting-detail">
      <header className="meeting-header">
        <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
          <Link to={meetingsPath(project.id)}>{t("meetings.title")}</Link>
          <span aria-hidden="true">/</span>
          <span className="mono" aria-current="page">
            {meeting.key}
          </span>
        </nav>
        <div className="meeting-title-row">
          <span className="meeting-key mono">{meeting.key}</span>
          <h2 className="meeting-title" data-testid="meeting-heading">
            {meeting.title}
          </h2>
          <MeetingKindBadge kind={meeting.kind} />
          <span data-testid="meeting-status">
            <MeetingStatusBadge status={meeting.status} />
          </span>
          {meeting.sharedWithClient ? (
            <Badge tone="teal" dot={false}>
              {t("meetings.shared")}
            </Badge>
          ) : null}
        </div>
        <div className="row" role="group" aria-label={t("meetings.actions.label")}>
          <a className="btn btn-secondary btn-sm" href={api.meetings.icsUrl(meeting.id)} download data-testid="meeting-ics">
            {t("meetings.actions.ics")}
          </a>
          {can.write ? (
            <>
              <Button size="sm" onClick={() => setEditing(true)} data-testid="meeting-edit">
                {t("meetings.actions.edit")}
              </Button>
              {meeting.status !== "held" && !meeting.rrule ? (
                <Button size="sm" variant="primary" onClick={() => setStatus.mutate("held")} loading={setStatus.isPending} data-testid="meeting-mark-held">
                  {t("meetings.actions.markHeld")}
                </Button>
              ) : null}
              {meeting.status === "scheduled" ? (
                <Button size="sm" variant="danger-ghost" onClick={() => setStatus.mutate("cancelled")} loading={setStatus.isPending} data-testid="meeting-cancel">
                  {t("meetings.actions.cancel")}
                </Button>
              ) : null}
              {meeting.status === "cancelled" ? (
                <Button size="sm" onClick={() => setStatus.mutate("scheduled")} loading={setStatus.isPending} data-testid="meeting-reinstate">
                  {t("meetings.actions.reinstate")}
                </Button>
              ) : null}
            </>
          ) : null}
        </div>
        <FormErrorBanner error={setStatus.error} onReload={() => void queryClient.invalidateQueries({ queryKey: ["meetings", "detail", meeting.id] })} />
      </header>
      <div className="meeting-grid">
        <div className="stack">
          <Card title={t("meetings.detailsTitle")} titleLevel={3}>
            <dl className="meeting-facts" data-testid="meeting-facts">
              <div>
                <dt>{t("meetings.fields.start")}</dt>
                <dd>
                  {formatMeetingTime(meeting.startsAt, meeting.timeZone, i18n.language)} <span className="subtle">({meeting.timeZone})</span>
                </dd>
              </div>
              <div>
                <dt>{t("meetings.durationLabel")}</dt>
                <dd>{t("meetings.minutesCount", { count: meeting.durationMinutes })}</dd>
              </div>
              <div>
                <dt>{t("meetings.fields.location")}</dt>
                <dd>{meeting.location || "—"}</dd>
              </div>
              {meeting.rrule ? (
                <div>
                  <dt>{t("meetings.fields.recurrence")}</dt>
                  <dd className="mono">{meeting.rrule}</dd>
                </div>
              ) : null}
              {meeting.seriesId ? (
                <div>
                  <dt>{t("meetings.seriesOf")}</dt>
                  <dd>
                    <Link to={meetingPath(project.id, meeting.seriesId)}>{meeting.seriesKey}</Link>
                  </dd>
                </div>
              ) : null}
            </dl>
            {meeting.rrule ? <NextOccurrences project={project} meeting={meeting} can={can} /> : null}
          </Card>
          <MarkdownCard meeting={meeting} field="agenda" can={can} />
          <MarkdownCard meeting={meeting} field="minutes" can={can} />
        </div>
        <div className="stack">
          <Attendees meeting={meeting} can={can} />
          <Items project={project} meeting={meeting} can={can} kind="decision" />
          <Items project={project} meeting={meeting} can={can} kind="action" />
        </div>
      </div>
      <EditMeetingDialog meeting={meeting} can={can} open={editing} onClose={() => setEditing(false)} />
    </div>
  );
}

/** A series' next occurrences; the team opens one to hold it (it becomes its own meeting). */
function NextOccurrences({ project, meeting, can }: { project: TProject; meeting: TMeeting; can: MeetingPermissions }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const open = useMutation({
    mutationFn: (start: string) => api.meetings.openOccurrence(meeting.id, start),
    onSuccess: async (opened) => {
      await meetingChanged(queryClient, opened);
      void navigate(meetingPath(project.id, opened.id));
    },
  });
  if (meeting.nextOccurrences.length === 0) return <p className="muted">{t("meetings.noNext")}</p>;
  return (
    <div className="stack">
      <h4 className="meeting-subheading">{t("meetings.nextOccurrences")}</h4>
      <ul className="meeting-next" data-testid="meeting-next-occurrences">
        {meeting.nextOccurrences.map((at) => (
          <li key={at} className="row">
            <span>{formatMeetingDay(at, meeting.timeZone, i18n.language)}</span>
            {can.write ? (
              <Button size="sm" variant="ghost" onClick={() => open.mutate(at)} disabled={open.isPending} data-testid="meeting-hold-occurrence">
                {t("meetings.actions.holdOccurrence")}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {open.isError ? <p className="field-error">{apiMessageOf(open.error)}</p> : null}
    </div>
  );
}

/** The agenda or the minutes: rendered (sanitised by the server); the team edits the markdown with a preview. */
function MarkdownCard({ meeting, field, can }: { meeting: TMeeting; field: "agenda" | "minutes"; can: MeetingPermissions }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<string | null>(null);
  const [preview, setPreview] = useState(false);
  const save = useMutation({
    mutationFn: (text: string) => api.meetings.update(meeting.id, { version: meeting.version, [field]: text }),
    onSuccess: async (updated) => {
      await meetingChanged(queryClient, updated);
      setDraft(null);
      setPreview(false);
    },
  });
  const html = field === "agenda" ? meeting.agendaHtml : meeting.minutesHtml;
  const text = field === "agenda" ? meeting.agenda : meeting.minutes;
  const title = t(`meetings.fields.${field}`);
  return (
    <Card
      title={title}
      titleLevel={3}
      data-testid={`meeting-${field}`}
      actions={
        can.write && draft === null ? (
          <Button size="sm" variant="ghost" onClick={() => setDraft(text)} data-testid={`meeting-${field}-edit`}>
            {t("meetings.actions.editText", { what: title })}
          </Button>
        ) : null
      }
    >
      {draft === null ? (
        text ? (
          <div className="prose" dangerouslySetInnerHTML={{ __html: html }} data-testid={`meeting-${field}-html`} />
        ) : (
          <p className="muted">{t("meetings.nothingWritten")}</p>
        )
      ) : (
        <Form onSubmit={() => save.mutate(draft)}>
          <FormErrorBanner error={save.error} onReload={() => void queryClient.invalidateQueries({ queryKey: ["meetings", "detail", meeting.id] })} />
          <div className="row" role="group" aria-label={t("meetings.editorMode")}>
            <Button size="sm" variant={preview ? "ghost" : "secondary"} aria-pressed={!preview} onClick={() => setPreview(false)}>
              {t("meetings.write")}
            </Button>
            <Button size="sm" variant={preview ? "secondary" : "ghost"} aria-pressed={preview} onClick={() => setPreview(true)} data-testid={`meeting-${field}-preview`}>
              {t("meetings.preview")}
            </Button>
          </div>
          {preview ? (
            <div className="meeting-preview">
              <MarkdownText text={draft} />
            </div>
          ) : (
            <TextareaField label={title} hint={t("ui.markdownHint")} rows={12} value={draft} onChange={(event) => setDraft(event.target.value)} error={fieldErrorsOf(save.error)[field]} data-testid={`meeting-${field}-input`} />
          )}
          <div className="form-actions">
            <Button variant="secondary" onClick={() => setDraft(null)}>
              {t("ui.cancel")}
            </Button>
            <Button type="submit" variant="primary" loading={save.isPending} data-testid={`meeting-${field}-save`}>
              {t("meetings.actions.save")}
            </Button>
          </div>
        </Form>
      )}
    </Card>
  );
}

/** Who is invited and, once the meeting takes place, who came (the team ticks attendance). */
function Attendees({ meeting, can }: { meeting: TMeeting; can: MeetingPermissions }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mark = useMutation({
    mutationFn: ({ userId, attended }: { userId: string; attended: boolean }) =>
      api.meetings.update(meeting.id, {
        version: meeting.version,
        attendees: meeting.attendees.map((a) => ({ userId: a.userId, required: a.required, attended: a.userId === userId ? attended : a.attended })),
      }),
    onSuccess: (updated) => meetingChanged(queryClient, updated),
  });
  return (
    <Card title={t("meetings.fields.attendees")} titleLevel={3}>
      {meeting.attendees.length === 0 ? (
        <p className="muted">{t("meetings.noAttendees")}</p>
      ) : (
        <ul className="meeting-attendees" data-testid="meeting-attendees">
          {meeting.attendees.map((a) => (
            <li key={a.userId} className="meeting-attendee">
              <span>
                {a.name} <span className="subtle">{a.projectRole ? t(`meetings.memberRole.${a.projectRole as "manager"}`) : ""}</span>
                {a.required ? null : <span className="subtle"> · {t("meetings.optional")}</span>}
              </span>
              {can.write ? (
                <label className="checkbox">
                  <input type="checkbox" checked={a.attended === true} disabled={mark.isPending} onChange={(event) => mark.mutate({ userId: a.userId, attended: event.target.checked })} data-testid="meeting-attended" />
                  {t("meetings.attended")}
                </label>
              ) : a.attended !== null ? (
                <span className="subtle">{a.attended ? t("meetings.attended") : t("meetings.absent")}</span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <FormErrorBanner error={mark.error} onReload={() => void queryClient.invalidateQueries({ queryKey: ["meetings", "detail", meeting.id] })} />
    </Card>
  );
}

/** The decisions, or the action items (each with its owner, due date and plan task). */
function Items({ project, meeting, can, kind }: { project: TProject; meeting: TMeeting; can: MeetingPermissions; kind: TMeetingItemKind }) {
  const { t } = useTranslation();
  const items = meeting.items.filter((i) => i.kind === kind);
  return (
    <Card title={t(`meetings.items.${kind}Title`)} titleLevel={3} data-testid={`meeting-${kind}s`}>
      {items.length === 0 ? <p className="muted">{t(`meetings.items.${kind}Empty`)}</p> : null}
      <ul className="meeting-items">
        {items.map((item) => (
          <ItemRow key={item.id} project={project} meeting={meeting} item={item} can={can} />
        ))}
      </ul>
      {can.write ? <AddItemForm meeting={meeting} kind={kind} /> : null}
    </Card>
  );
}

function ItemRow({ project, meeting, item, can }: { project: TProject; meeting: TMeeting; item: TMeetingItem; can: MeetingPermissions }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["meetings", "detail", meeting.id] });
  const createTask = useMutation({ mutationFn: () => api.meetings.createTask(item.id), onSuccess: refresh });
  const remove = useMutation({ mutationFn: () => api.meetings.removeItem(item.id, item.version), onSuccess: refresh });
  const [editing, setEditing] = useState(false);
  if (editing) return <EditItemForm meeting={meeting} item={item} onDone={() => setEditing(false)} />;
  return (
    <li className="meeting-item" data-testid="meeting-item" data-kind={item.kind}>
      <p className="meeting-item-text">{item.text}</p>
      {item.kind === "action" ? (
        <p className="subtle">
          {[item.ownerName ?? t("meetings.items.noOwner"), item.dueDate ? t("meetings.items.due", { date: formatDate(item.dueDate, i18n.language) }) : t("meetings.items.noDue")].join(" · ")}
        </p>
      ) : null}
      <div className="row">
        {item.task ? (
          can.internal ? (
            <Link to={planTaskPath(project.id, item.task.id)} data-testid="meeting-item-task">
              {t("meetings.items.task", { wbs: item.task.wbsCode, name: item.task.name, percent: item.task.percentComplete })}
            </Link>
          ) : (
            <span className="subtle" data-testid="meeting-item-task">
              {t("meetings.items.task", { wbs: item.task.wbsCode, name: item.task.name, percent: item.task.percentComplete })}
            </span>
          )
        ) : item.kind === "action" && can.createTask ? (
          <Button size="sm" onClick={() => createTask.mutate()} loading={createTask.isPending} data-testid="meeting-item-create-task">
            {t("meetings.items.createTask")}
          </Button>
        ) : null}
        {can.write ? (
          <>
            <Button size="sm" variant="ghost" onClick={() => setEditing(true)} data-testid="meeting-item-edit">
              {t("meetings.items.edit")}
            </Button>
            <Button size="sm" variant="danger-ghost" onClick={() => remove.mutate()} loading={remove.isPending}>
              {t("meetings.items.remove")}
            </Button>
          </>
        ) : null}
      </div>
      {createTask.isError || remove.isError ? (
        <p className="field-error" role="alert">
          {Object.values(fieldErrorsOf(createTask.error ?? remove.error))[0] ?? apiMessageOf(createTask.error ?? remove.error)}
        </p>
      ) : null}
    </li>
  );
}

/** An item's text, and an action item's owner and due date, edited in place (send the version read: 409 otherwise). */
function EditItemForm({ meeting, item, onDone }: { meeting: TMeeting; item: TMeetingItem; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const members = useProjectMembers(meeting.projectId, item.kind === "action");
  const [text, setText] = useState(item.text);
  const [ownerId, setOwnerId] = useState(item.ownerId ?? "");
  const [dueDate, setDueDate] = useState(item.dueDate ?? "");
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["meetings", "detail", meeting.id] });
  const save = useMutation({
    mutationFn: () => api.meetings.updateItem(item.id, { version: item.version, text, ...(item.kind === "action" ? { ownerId: ownerId || null, dueDate: dueDate || null } : {}) }),
    onSuccess: async () => {
      await refresh();
      onDone();
    },
  });
  const errors = fieldErrorsOf(save.error);
  const owners = (members.data?.items ?? []).map((m) => ({ value: m.userId, label: m.name })).sort((a, b) => a.label.localeCompare(b.label));
  return (
    <li className="meeting-item" data-testid="meeting-item-editing">
      <Form onSubmit={() => save.mutate()} className="meeting-item-form">
        <FormErrorBanner error={save.error} onReload={() => void refresh().then(onDone)} />
        <InputField label={t("meetings.items.text")} value={text} onChange={(event) => setText(event.target.value)} error={errors.text} maxLength={2000} />
        {item.kind === "action" ? (
          <div className="meeting-item-form-row">
            <SelectField label={t("meetings.items.owner")} value={ownerId} placeholder={t("meetings.items.noOwner")} options={owners} onChange={(event) => setOwnerId(event.target.value)} error={errors.ownerId} />
            <InputField label={t("meetings.items.dueDate")} type="date" value={dueDate} onChange={(event) => setDueDate(event.target.value)} error={errors.dueDate} />
          </div>
        ) : null}
        <div className="row">
          <Button size="sm" variant="secondary" onClick={onDone}>
            {t("ui.cancel")}
          </Button>
          <Button type="submit" size="sm" variant="primary" loading={save.isPending} disabled={!text.trim()}>
            {t("meetings.actions.save")}
          </Button>
        </div>
      </Form>
    </li>
  );
}

function AddItemForm({ meeting, kind }: { meeting: TMeeting; kind: TMeetingItemKind }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const members = useProjectMembers(meeting.projectId, kind === "action");
  const [text, setText] = useState("");
  const [ownerId, setOwnerId] = useState("");
  const [dueDate, setDueDate] = useState("");
  const add = useMutation({
    mutationFn: () => api.meetings.addItem(meeting.id, { kind, text, ownerId: ownerId || null, dueDate: dueDate || null }),
    onSuccess: async () => {
      setText("");
      setOwnerId("");
      setDueDate("");
      await queryClient.invalidateQueries({ queryKey: ["meetings", "detail", meeting.id] });
    },
  });
  const errors = fieldErrorsOf(add.error);
  const owners = (members.data?.items ?? []).map((m) => ({ value: m.userId, label: m.name })).sort((a, b) => a.label.localeCompare(b.label));
  return (
    <Form onSubmit={() => add.mutate()} className="meeting-item-form">
      <InputField label={t(`meetings.items.${kind}New`)} value={text} onChange={(event) => setText(event.target.value)} error={errors.text} maxLength={2000} data-testid={`meeting-${kind}-text`} />
      {kind === "action" ? (
        <div className="meeting-item-form-row">
          <SelectField
            label={t("meetings.items.owner")}
            value={ownerId}
            placeholder={t("meetings.items.noOwner")}
            options={owners}
            onChange={(event) => setOwnerId(event.target.value)}
            error={errors.ownerId}
            data-testid="meeting-action-owner"
          />
          <InputField label={t("meetings.items.dueDate")} type="date" value={dueDate} onChange={(event) => setDueDate(event.target.value)} error={errors.dueDate} data-testid="meeting-action-due" />
        </div>
      ) : null}
      {add.isError && Object.keys(errors).length === 0 ? <p className="field-error">{apiMessageOf(add.error)}</p> : null}
      <div className="row">
        <Button type="submit" size="sm" variant="primary" loading={add.isPending} disabled={!text.trim()} data-testid={`meeting-${kind}-add`}>
          {t(`meetings.items.${kind}Add`)}
        </Button>
      </div>
    </Form>
  );
}
