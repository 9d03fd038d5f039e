import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ELICITATION_SESSION_KINDS, type TElicitationSession, type TProject } from "@jiaofu/contracts";
import { Avatar, Input, InputField, SelectField, TextareaField } from "../../ui";
import type { FieldErrors } from "../../lib/api-errors";
import { isOneOf } from "../../lib/is-one-of";
import type { DraftSetter } from "../../lib/use-draft";
import { fromLocalInput, toLocalInput } from "./datetime-input";
import { useParticipantOptions, type ParticipantOption } from "./elicitation.queries";
import { MarkdownField } from "./markdown-field";

/**
 * A session as its forms hold it: times as datetime-local values, participants as sorted ids joined by commas (so
 * ticking someone and unticking them again leaves the form unchanged), guests one per line.
 */
export type SessionDraft = {
  kind: TElicitationSession["kind"];
  title: string;
  startsAt: string;
  endsAt: string;
  location: string;
  participants: string;
  guests: string;
  agenda: string;
  notes: string;
};

export function emptySessionDraft(): SessionDraft {
  const now = new Date();
  now.setMinutes(0, 0, 0);
  return { kind: "interview", title: "", startsAt: toLocalInput(now.toISOString()), endsAt: "", location: "", participants: "", guests: "", agenda: "", notes: "" };
}

export function sessionDraftOf(session: TElicitationSession): SessionDraft {
  return {
    kind: session.kind,
    title: session.title,
    startsAt: toLocalInput(session.startsAt),
    endsAt: toLocalInput(session.endsAt),
    location: session.location,
    participants: joinIds(session.participants.map((p) => p.userId)),
    guests: session.guests.join("\n"),
    agenda: session.agenda,
    notes: session.notes,
  };
}

const joinIds = (ids: readonly string[]) => [...new Set(ids)].sort().join(",");
const splitIds = (text: string) => (text ? text.split(",") : []);

/** The draft as the create and update requests send it. */
export function sessionValuesOf(draft: SessionDraft) {
  return {
    kind: draft.kind,
    title: draft.title,
    startsAt: fromLocalInput(draft.startsAt) ?? "",
    endsAt: fromLocalInput(draft.endsAt),
    location: draft.location,
    participants: splitIds(draft.participants),
    guests: draft.guests
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean),
    agenda: draft.agenda,
    notes: draft.notes,
  };
}

/** Request fields are named as the API names them: `participants` is sent as `participantIds`. */
export function sessionRequestOf<V extends Partial<ReturnType<typeof sessionValuesOf>>>(values: V) {
  const { participants, ...rest } = values;
  return participants === undefined ? rest : { ...rest, participantIds: participants };
}

/** The first error the API reported at `field` or inside it (`participantIds.2`, `guests.0`). */
function errorAt(errors: FieldErrors, field: string): string | undefined {
  return errors[field] ?? Object.entries(errors).find(([key]) => key.startsWith(`${field}.`))?.[1];
}

export type SessionFieldsProps = {
  project: Pick<TProject, "id" | "clientId">;
  draft: SessionDraft;
  onChange: DraftSetter<SessionDraft>;
  errors: FieldErrors;
  /** The create dialog leaves the notes for the session's page. */
  withNotes: boolean;
};

/** Kind, title, time, place, participants, guests, agenda (and notes) of a session. */
export function SessionFields({ project, draft, onChange, errors, withNotes }: SessionFieldsProps) {
  const { t } = useTranslation();
  return (
    <div className="form-grid">
      <SelectField
        label={t("elicitation.fields.kind")}
        value={draft.kind}
        options={ELICITATION_SESSION_KINDS.map((value) => ({ value, label: t(`elicitation.kinds.${value}`) }))}
        onChange={(event) => {
          if (isOneOf(ELICITATION_SESSION_KINDS, event.target.value)) onChange("kind", event.target.value);
        }}
        error={errors.kind}
      />
      <InputField
        label={t("elicitation.fields.title")}
        value={draft.title}
        onChange={(event) => onChange("title", event.target.value)}
        error={errors.title}
        maxLength={200}
        data-autofocus
        data-testid="session-title"
      />
      <InputField
        label={t("elicitation.fields.startsAt")}
        type="datetime-local"
        value={draft.startsAt}
        onChange={(event) => onChange("startsAt", event.target.value)}
        error={errors.startsAt}
      />
      <InputField
        label={t("elicitation.fields.endsAt")}
        type="datetime-local"
        optional
        value={draft.endsAt}
        min={draft.startsAt || undefined}
        onChange={(event) => onChange("endsAt", event.target.value)}
        error={errors.endsAt}
      />
      <InputField
        fieldClassName="span-2"
        label={t("elicitation.fields.location")}
        optional
        value={draft.location}
        onChange={(event) => onChange("location", event.target.value)}
        error={errors.location}
        maxLength={200}
      />
      <ParticipantsPicker
        project={project}
        selected={splitIds(draft.participants)}
        onChange={(ids) => onChange("participants", joinIds(ids))}
        error={errorAt(errors, "participantIds")}
      />
      <TextareaField
        fieldClassName="span-2"
        label={t("elicitation.fields.guests")}
        optional
        rows={2}
        value={draft.guests}
        onChange={(event) => onChange("guests", event.target.value)}
        hint={t("elicitation.fields.guestsHint")}
        error={errorAt(errors, "guests")}
      />
      <MarkdownField
        className="span-2"
        label={t("elicitation.fields.agenda")}
        optional
        rows={4}
        value={draft.agenda}
        onChange={(value) => onChange("agenda", value)}
        error={errors.agenda}
      />
      {withNotes ? (
        <MarkdownField
          className="span-2"
          label={t("elicitation.fields.notes")}
          optional
          rows={16}
          value={draft.notes}
          onChange={(value) => onChange("notes", value)}
          error={errors.notes}
          hint={t("elicitation.fields.notesHint")}
          testId="session-notes-input"
        />
      ) : null}
    </div>
  );
}

type ParticipantsPickerProps = {
  project: Pick<TProject, "id" | "clientId">;
  selected: string[];
  onChange: (ids: string[]) => void;
  error: string | undefined;
};

/** Tick the people who took part: the project's team and the client's contacts, with a filter for long lists. */
function ParticipantsPicker({ project, selected, onChange, error }: ParticipantsPickerProps) {
  const { t } = useTranslation();
  const options = useParticipantOptions(project);
  const [filter, setFilter] = useState("");
  const filterId = useId();
  const errorId = useId();
  const needle = filter.trim().toLowerCase();
  const matches = (option: ParticipantOption) => !needle || `${option.name} ${option.detail}`.toLowerCase().includes(needle);
  const chosen = new Set(selected);
  const toggle = (id: string, on: boolean) => onChange(on ? [...selected, id] : selected.filter((x) => x !== id));
  const total = options.team.length + options.contacts.length;

  const group = (title: string, people: ParticipantOption[], empty: string) => (
    <div className="participants-group">
      <p className="subheading">{title}</p>
      {people.length === 0 ? (
        <p className="subtle">{empty}</p>
      ) : (
        <ul className="participants-list">
          {people.filter(matches).map((person) => (
            <li key={person.id}>
              <label className="checkbox participant-option">
                <input type="checkbox" checked={chosen.has(person.id)} onChange={(event) => toggle(person.id, event.target.checked)} />
                <Avatar name={person.name} />
                <span className="person-text">
                  <span className="person-name">{person.name}</span>
                  <span className="subtle">{person.detail}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </div>
  );

  return (
    <fieldset className="field span-2 participants" aria-describedby={error ? errorId : undefined} aria-invalid={error ? true : undefined}>
      <legend className="field-label">
        {t("elicitation.fields.participants")}
        <span className="field-optional">{t("elicitation.participants.count", { count: selected.length })}</span>
      </legend>
      {options.isPending ? (
        <p className="subtle">{t("ui.loading")}</p>
      ) : (
        <>
          {total > 8 ? (
            <div className="participants-filter">
              <label className="visually-hidden" htmlFor={filterId}>
                {t("elicitation.participants.filter")}
              </label>
              <Input id={filterId} type="search" placeholder={t("elicitation.participants.filter")} value={filter} onChange={(event) => setFilter(event.target.value)} />
            </div>
          ) : null}
          <div className="participants-groups">
            {group(t("elicitation.participants.team"), options.team, t("elicitation.participants.noTeam"))}
            {group(t("elicitation.participants.contacts"), options.contacts, t("elicitation.participants.noContacts"))}
          </div>
        </>
      )}
      {error ? (
        <span className="field-error" id={errorId}>
          {error}
        </span>
      ) : null}
    </fieldset>
  );
}
