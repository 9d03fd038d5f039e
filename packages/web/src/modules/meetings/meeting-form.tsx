import { useState } from "react";
import { useNavigate } from "react-router";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { MEETING_KINDS, type TMeeting, type TMeetingKind, type TProject } from "@jiaofu/contracts";
import { meetingAgendaTemplate, meetingSharedByDefault } from "@jiaofu/engine";
import { api } from "../../api";
import { Dialog, InputField, SelectField, TextareaField, useToast } from "../../ui";
import { fieldErrorsOf, type FieldErrors } from "../../lib/api-errors";
import { isOneOf } from "../../lib/is-one-of";
import { useDraft, type DraftSetter } from "../../lib/use-draft";
import { DialogForm } from "../common/dialog-form";
import { useProjectMembers } from "../projects/projects.queries";
import { meetingPath } from "./meeting-paths";
import type { MeetingPermissions } from "./meeting-permissions";
import { instantOfLocalInput, localInputOf, rruleOfPreset } from "./meeting-time";
import { meetingChanged, meetingKeys } from "./meetings.queries";

const RECURRENCES = ["none", "weekly", "biweekly", "monthly", "custom"] as const;
type Recurrence = (typeof RECURRENCES)[number];

/** A meeting as its form holds it. */
export type MeetingDraft = {
  kind: TMeetingKind;
  title: string;
  start: string;
  durationMinutes: string;
  timeZone: string;
  location: string;
  recurrence: Recurrence;
  customRrule: string;
  attendees: Record<string, boolean>;
  sharedWithClient: boolean;
  agenda: string;
};

/** The next whole hour tomorrow, as a `datetime-local` value in Asia/Shanghai. */
function defaultStart(): string {
  const at = new Date(Date.now() + 24 * 3_600_000);
  at.setUTCMinutes(0, 0, 0);
  return localInputOf(at.toISOString(), "Asia/Shanghai");
}

function newDraft(locale: string): MeetingDraft {
  return {
    kind: "weekly_status",
    title: "",
    start: defaultStart(),
    durationMinutes: "60",
    timeZone: "Asia/Shanghai",
    location: "",
    recurrence: "none",
    customRrule: "",
    attendees: {},
    sharedWithClient: meetingSharedByDefault("weekly_status"),
    agenda: meetingAgendaTemplate("weekly_status", locale === "en" ? "en" : "zh-CN"),
  };
}

function draftOf(meeting: TMeeting): MeetingDraft {
  return {
    kind: meeting.kind,
    title: meeting.title,
    start: localInputOf(meeting.startsAt, meeting.timeZone),
    durationMinutes: String(meeting.durationMinutes),
    timeZone: meeting.timeZone,
    location: meeting.location,
    recurrence: meeting.rrule ? "custom" : "none",
    customRrule: meeting.rrule ?? "",
    attendees: Object.fromEntries(meeting.attendees.map((a) => [a.userId, a.required])),
    sharedWithClient: meeting.sharedWithClient,
    agenda: meeting.agenda,
  };
}

function rruleOf(draft: MeetingDraft): string | null {
  if (draft.recurrence === "none") return null;
  if (draft.recurrence === "custom") return draft.customRrule.trim() || null;
  return rruleOfPreset(draft.recurrence, draft.start);
}

type FieldsProps = {
  projectId: string;
  draft: MeetingDraft;
  onChange: DraftSetter<MeetingDraft>;
  errors: FieldErrors;
  can: MeetingPermissions;
  /** Occurrences of a series do not recur themselves. */
  recurs: boolean;
  /** On create, a change of kind swaps in its agenda template while the agenda is untouched. */
  onKind: (kind: TMeetingKind) => void;
  withAgenda: boolean;
};

function MeetingFields({ projectId, draft, onChange, errors, can, recurs, onKind, withAgenda }: FieldsProps) {
  const { t } = useTranslation();
  const members = useProjectMembers(projectId);
  const people = [...(members.data?.items ?? [])].sort((a, b) => Number(a.role === "client") - Number(b.role === "client") || a.name.localeCompare(b.name));
  const startError = errors.startsAt;
  return (
    <div className="form-grid">
      <SelectField
        label={t("meetings.fields.kind")}
        value={draft.kind}
        options={MEETING_KINDS.map((value) => ({ value, label: t(`meetings.kind.${value}`) }))}
        onChange={(event) => {
          if (isOneOf(MEETING_KINDS, event.target.value)) onKind(event.target.value);
        }}
        error={errors.kind}
        data-testid="meeting-kind"
      />
      <InputField label={t("meetings.fields.title")} value={draft.title} onChange={(event) => onChange("title", event.target.value)} error={errors.title} maxLength={200} data-testid="meeting-title" />
      <InputField
        label={t("meetings.fields.start")}
        type="datetime-local"
        value={draft.start}
        onChange={(event) => onChange("start", event.target.value)}
        error={startError}
        data-testid="meeting-start"
      />
      <InputField
        label={t("meetings.fields.duration")}
        type="number"
        min={5}
        max={1440}
        step={5}
        value={draft.durationMinutes}
        onChange={(event) => onChange("durationMinutes", event.target.value)}
        error={errors.durationMinutes}
      />
      <InputField label={t("meetings.fields.timeZone")} hint={t("meetings.fields.timeZoneHint")} value={draft.timeZone} onChange={(event) => onChange("timeZone", event.target.value)} error={errors.timeZone} maxLength={64} />
      <InputField label={t("meetings.fields.location")} value={draft.location} onChange={(event) => onChange("location", event.target.value)} error={errors.location} maxLength={500} optional />
      {recurs ? (
        <>
          <SelectField
            label={t("meetings.fields.recurrence")}
            value={draft.recurrence}
            options={RECURRENCES.map((value) => ({ value, label: t(`meetings.recurrence.${value}`) }))}
            onChange={(event) => {
              if (isOneOf(RECURRENCES, event.target.value)) onChange("recurrence", event.target.value);
            }}
            data-testid="meeting-recurrence"
          />
          {draft.recurrence === "custom" ? (
            <InputField label={t("meetings.fields.rrule")} hint={t("meetings.fields.rruleHint")} value={draft.customRrule} onChange={(event) => onChange("customRrule", event.target.value)} error={errors.rrule} maxLength={500} />
          ) : (
            <p className="field-hint meeting-rrule-preview">{rruleOf(draft) ?? t("meetings.recurrence.oneOff")}</p>
          )}
        </>
      ) : null}
      <fieldset className="field span-2 meeting-attendee-picker" data-testid="meeting-attendee-picker">
        <legend className="field-label">{t("meetings.fields.attendees")}</legend>
        {people.map((person) => (
          <label key={person.userId} className="checkbox">
            <input
              type="checkbox"
              checked={person.userId in draft.attendees}
              onChange={(event) => {
                const next = { ...draft.attendees };
                if (event.target.checked) next[person.userId] = true;
                else delete next[person.userId];
                onChange("attendees", next);
              }}
            />
            {person.name}
            <span className="subtle">{t(`meetings.memberRole.${person.role}`)}</span>
          </label>
        ))}
        {errors["attendees.0.userId"] ? <span className="field-error">{errors["attendees.0.userId"]}</span> : null}
      </fieldset>
      {can.share ? (
        <div className="field span-2">
          <label className="checkbox">
            <input type="checkbox" checked={draft.sharedWithClient} onChange={(event) => onChange("sharedWithClient", event.target.checked)} data-testid="meeting-shared" />
            {t("meetings.fields.sharedWithClient")}
          </label>
          <span className="field-hint">{t("meetings.fields.sharedWithClientHint")}</span>
        </div>
      ) : null}
      {withAgenda ? (
        <TextareaField
          fieldClassName="span-2"
          label={t("meetings.fields.agenda")}
          hint={t("ui.markdownHint")}
          rows={10}
          value={draft.agenda}
          onChange={(event) => onChange("agenda", event.target.value)}
          error={errors.agenda}
          data-testid="meeting-agenda-input"
        />
      ) : null}
    </div>
  );
}

/** The request values of the draft (times read in the draft's zone). */
function valuesOf(draft: MeetingDraft) {
  return {
    kind: draft.kind,
    title: draft.title,
    startsAt: instantOfLocalInput(draft.start, draft.timeZone) ?? draft.start,
    durationMinutes: Number(draft.durationMinutes),
    timeZone: draft.timeZone,
    location: draft.location,
    attendees: Object.entries(draft.attendees).map(([userId, required]) => ({ userId, required })),
  };
}

/** "New meeting": kind (with its agenda template), time, attendees, recurrence, sharing. */
export function CreateMeetingDialog({ project, can, open, onClose }: { project: TProject; can: MeetingPermissions; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} title={t("meetings.create.title")} wide testId="meeting-create-dialog">
      <CreateMeetingForm project={project} can={can} onClose={onClose} />
    </Dialog>
  );
}

function CreateMeetingForm({ project, can, onClose }: { project: TProject; can: MeetingPermissions; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const toast = useToast();
  const queryClient = useQueryClient();
  const { draft, set, setDraft } = useDraft(() => newDraft(i18n.language));
  const [agendaTouched, setAgendaTouched] = useState(false);
  const create = useMutation({
    mutationFn: () => api.meetings.create(project.id, { ...valuesOf(draft), rrule: rruleOf(draft), agenda: draft.agenda, sharedWithClient: draft.sharedWithClient }),
    onSuccess: async (meeting) => {
      await meetingChanged(queryClient, meeting);
      toast.show(t("meetings.create.done", { key: meeting.key }), "success");
      onClose();
      void navigate(meetingPath(project.id, meeting.id));
    },
  });
  const change: DraftSetter<MeetingDraft> = (key, value) => {
    if (key === "agenda") setAgendaTouched(true);
    set(key, value);
  };
  function handleKind(kind: TMeetingKind) {
    setDraft((current) => ({
      ...current,
      kind,
      sharedWithClient: meetingSharedByDefault(kind),
      agenda: agendaTouched ? current.agenda : meetingAgendaTemplate(kind, i18n.language === "en" ? "en" : "zh-CN"),
    }));
  }
  return (
    <DialogForm onSubmit={() => create.mutate()} onCancel={onClose} submitLabel={t("meetings.create.submit")} submitting={create.isPending} error={create.error}>
      <MeetingFields projectId={project.id} draft={draft} onChange={change} errors={fieldErrorsOf(create.error)} can={can} recurs onKind={handleKind} withAgenda />
    </DialogForm>
  );
}

/** "Edit details" of a meeting: everything but the agenda and minutes (edited in place) and the items. */
export function EditMeetingDialog({ meeting, can, open, onClose }: { meeting: TMeeting; can: MeetingPermissions; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} title={t("meetings.edit.title", { key: meeting.key })} wide testId="meeting-edit-dialog">
      <EditMeetingForm key={meeting.version} meeting={meeting} can={can} onClose={onClose} />
    </Dialog>
  );
}

function EditMeetingForm({ meeting, can, onClose }: { meeting: TMeeting; can: MeetingPermissions; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { draft, set, setDraft } = useDraft(() => draftOf(meeting));
  const attendance = new Map(meeting.attendees.map((a) => [a.userId, a.attended]));
  const save = useMutation({
    mutationFn: () => {
      const values = valuesOf(draft);
      return api.meetings.update(meeting.id, {
        version: meeting.version,
        ...values,
        attendees: values.attendees.map((a) => ({ ...a, attended: attendance.get(a.userId) ?? null })),
        ...(meeting.seriesId ? {} : { rrule: rruleOf(draft) }),
        ...(can.share ? { sharedWithClient: draft.sharedWithClient } : {}),
      });
    },
    onSuccess: async (updated) => {
      await meetingChanged(queryClient, updated);
      onClose();
    },
  });
  const reload = useMutation({ mutationFn: () => queryClient.invalidateQueries({ queryKey: meetingKeys.detail(meeting.id) }) });
  return (
    <DialogForm
      onSubmit={() => save.mutate()}
      onCancel={onClose}
      submitLabel={t("meetings.edit.submit")}
      submitting={save.isPending}
      error={save.error}
      onReload={() => reload.mutate()}
      reloading={reload.isPending}
    >
      <MeetingFields
        projectId={meeting.projectId}
        draft={draft}
        onChange={set}
        errors={fieldErrorsOf(save.error)}
        can={can}
        recurs={!meeting.seriesId}
        onKind={(kind) => setDraft((current) => ({ ...current, kind }))}
        withAgenda={false}
      />
    </DialogForm>
  );
}
