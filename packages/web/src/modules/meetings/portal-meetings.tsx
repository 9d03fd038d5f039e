import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { TMeetingOccurrence } from "@jiaofu/contracts";
import { EmptyState, LoadingBlock } from "../../ui";
import { formatDate } from "../../lib/format";
import { ErrorPanel } from "../common/error-panel";
import { QueryContent } from "../common/query-content";
import { MeetingKindBadge, MeetingStatusBadge } from "./meeting-badges";
import { formatMeetingTime } from "./meeting-time";
import { useMeeting, useMeetingList } from "./meetings.queries";
import "./meetings.css";

const DAY_MS = 86_400_000;

/** The meetings the team shares with the client (client reviews by default), newest first, with their minutes on demand. */
export function PortalMeetings({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const range = useMemo(() => {
    const today = new Date();
    today.setUTCHours(0, 0, 0, 0);
    return { from: new Date(today.getTime() - 270 * DAY_MS).toISOString(), to: new Date(today.getTime() + 120 * DAY_MS).toISOString() };
  }, []);
  const list = useMeetingList(projectId, range);
  // A series' occurrences not yet held have no minutes: the client sees the meetings that exist as such.
  const rows = (list.data?.occurrences ?? []).filter((o) => !o.virtual).reverse();
  return (
    <div className="stack">
      <p className="muted">{t("meetings.portal.intro")}</p>
      <QueryContent query={list} isEmpty={rows.length === 0} empty={<EmptyState title={t("meetings.portal.emptyTitle")}>{t("meetings.portal.emptyBody")}</EmptyState>}>
        <ul className="portal-meetings" data-testid="portal-meetings">
          {rows.map((o) => (
            <PortalMeeting key={o.meetingId} occurrence={o} />
          ))}
        </ul>
      </QueryContent>
    </div>
  );
}

function PortalMeeting({ occurrence }: { occurrence: TMeetingOccurrence }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(occurrence.status === "held");
  return (
    <li className="portal-meeting" data-testid="portal-meeting" data-key={occurrence.key}>
      <div className="portal-meeting-head">
        <span className="mono subtle">{occurrence.key}</span>
        <strong>{occurrence.title}</strong>
        <MeetingKindBadge kind={occurrence.kind} />
        <MeetingStatusBadge status={occurrence.status} />
      </div>
      <p className="subtle">
        {formatMeetingTime(occurrence.startsAt, occurrence.timeZone, i18n.language)}
        {occurrence.location ? ` · ${occurrence.location}` : ""}
      </p>
      <button type="button" className="meeting-link-button" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="portal-meeting-toggle">
        {open ? t("meetings.portal.hide") : t("meetings.portal.show")}
      </button>
      {open ? <PortalMeetingDetail id={occurrence.meetingId} /> : null}
    </li>
  );
}

function PortalMeetingDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const meeting = useMeeting(id);
  if (meeting.isPending) return <LoadingBlock />;
  if (meeting.isError) return <ErrorPanel error={meeting.error} onRetry={() => void meeting.refetch()} />;
  const decisions = meeting.data.items.filter((i) => i.kind === "decision");
  const actions = meeting.data.items.filter((i) => i.kind === "action");
  return (
    <div className="portal-meeting-detail stack">
      <section>
        <h4 className="meeting-subheading">{t("meetings.fields.minutes")}</h4>
        {meeting.data.minutes ? <div className="prose" dangerouslySetInnerHTML={{ __html: meeting.data.minutesHtml }} data-testid="portal-meeting-minutes" /> : <p className="muted">{t("meetings.nothingWritten")}</p>}
      </section>
      {decisions.length > 0 ? (
        <section>
          <h4 className="meeting-subheading">{t("meetings.items.decisionTitle")}</h4>
          <ul className="meeting-plain-list">
            {decisions.map((d) => (
              <li key={d.id}>{d.text}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {actions.length > 0 ? (
        <section>
          <h4 className="meeting-subheading">{t("meetings.items.actionTitle")}</h4>
          <ul className="meeting-plain-list">
            {actions.map((a) => (
              <li key={a.id}>
                {a.text}
                <span className="subtle">
                  {" · "}
                  {[a.ownerName, a.dueDate ? t("meetings.items.due", { date: formatDate(a.dueDate, i18n.language) }) : null].filter(Boolean).join(" · ")}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {meeting.data.agenda ? (
        <details>
          <summary>{t("meetings.fields.agenda")}</summary>
          <div className="prose" dangerouslySetInnerHTML={{ __html: meeting.data.agendaHtml }} />
        </details>
      ) : null}
    </div>
  );
}
