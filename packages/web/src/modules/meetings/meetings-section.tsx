import { useMemo, useState } from "react";
import { Link, useNavigate } from "react-router";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TMe, TMeetingList, TMeetingOccurrence, TProject } from "@jiaofu/contracts";
import { api } from "../../api";
import { Badge, Button, Card, Dialog, EmptyState } from "../../ui";
import { apiMessageOf } from "../../lib/api-errors";
import { CopyField } from "../common/copy-field";
import { QueryContent } from "../common/query-content";
import { MeetingKindBadge, MeetingStatusBadge } from "./meeting-badges";
import { CreateMeetingDialog } from "./meeting-form";
import { meetingPath } from "./meeting-paths";
import { meetingPermissions } from "./meeting-permissions";
import { formatMeetingDay, formatMeetingTime } from "./meeting-time";
import { meetingChanged, meetingKeys, useMeetingFeed, useMeetingList } from "./meetings.queries";
import "./meetings.css";

const DAY_MS = 86_400_000;

/** The list's range: 60 days back to 120 ahead, fixed for the page's life so the query key is stable. */
function useRange() {
  return useMemo(() => {
    const today = new Date();
    today.setUTCHours(0, 0, 0, 0);
    return { from: new Date(today.getTime() - 60 * DAY_MS).toISOString(), to: new Date(today.getTime() + 120 * DAY_MS).toISOString() };
  }, []);
}

/** The project's meetings: upcoming and past, the recurring series with their next occurrences, New meeting, Subscribe. */
export function MeetingsSection({ project, me }: { project: TProject; me: TMe }) {
  const { t } = useTranslation();
  const can = meetingPermissions(me, project);
  const range = useRange();
  const list = useMeetingList(project.id, range);
  const [dialog, setDialog] = useState<"create" | "subscribe" | null>(null);
  const now = new Date().toISOString();
  const occurrences = list.data?.occurrences ?? [];
  const upcoming = occurrences.filter((o) => o.endsAt >= now);
  const past = occurrences.filter((o) => o.endsAt < now).reverse();
  return (
    <div className="stack" data-testid="meetings-section">
      <div className="meetings-head">
        <p className="muted">{t("meetings.intro")}</p>
        <div className="row">
          <Button size="sm" onClick={() => setDialog("subscribe")} data-testid="meetings-subscribe">
            {t("meetings.subscribe.open")}
          </Button>
          {can.write ? (
            <Button size="sm" variant="primary" onClick={() => setDialog("create")} data-testid="meeting-new">
              {t("meetings.create.open")}
            </Button>
          ) : null}
        </div>
      </div>
      <QueryContent
        query={list}
        isEmpty={occurrences.length === 0 && (list.data?.series.length ?? 0) === 0}
        empty={<EmptyState title={t("meetings.emptyTitle")}>{t("meetings.emptyBody")}</EmptyState>}
      >
        <div className="meetings-grid">
          <div className="stack">
            <Card title={t("meetings.upcoming")} titleLevel={3}>
              <OccurrenceList project={project} items={upcoming} canOpen={can.write} testId="meetings-upcoming" empty={t("meetings.noUpcoming")} />
            </Card>
            <Card title={t("meetings.past")} titleLevel={3}>
              <OccurrenceList project={project} items={past} canOpen={can.write} testId="meetings-past" empty={t("meetings.noPast")} />
            </Card>
          </div>
          <Card title={t("meetings.series")} titleLevel={3}>
            <SeriesList project={project} series={list.data?.series ?? []} />
          </Card>
        </div>
      </QueryContent>
      <CreateMeetingDialog project={project} can={can} open={dialog === "create"} onClose={() => setDialog(null)} />
      <SubscribeDialog projectId={project.id} open={dialog === "subscribe"} onClose={() => setDialog(null)} />
    </div>
  );
}

/** How many meetings a list shows before "Show all" (a weekly series fills the next months). */
const LIST_PREVIEW = 8;

function OccurrenceList({ project, items, canOpen, testId, empty }: { project: TProject; items: TMeetingOccurrence[]; canOpen: boolean; testId: string; empty: string }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  if (items.length === 0) return <p className="muted">{empty}</p>;
  const shown = all ? items : items.slice(0, LIST_PREVIEW);
  return (
    <>
      <ul className="meeting-list" data-testid={testId}>
        {shown.map((o) => (
          <OccurrenceRow key={`${o.meetingId}-${o.startsAt}`} project={project} occurrence={o} canOpen={canOpen} />
        ))}
      </ul>
      {items.length > LIST_PREVIEW ? (
        <Button size="sm" variant="ghost" onClick={() => setAll(!all)} aria-expanded={all}>
          {all ? t("meetings.showFewer") : t("meetings.showAll", { count: items.length })}
        </Button>
      ) : null}
    </>
  );
}

/** One meeting on the list; an occurrence of a series not yet opened is opened (as its own meeting) on click. */
function OccurrenceRow({ project, occurrence, canOpen }: { project: TProject; occurrence: TMeetingOccurrence; canOpen: boolean }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const open = useMutation({
    mutationFn: () => api.meetings.openOccurrence(occurrence.meetingId, occurrence.startsAt),
    onSuccess: async (meeting) => {
      await meetingChanged(queryClient, meeting);
      void navigate(meetingPath(project.id, meeting.id));
    },
  });
  const when = formatMeetingTime(occurrence.startsAt, occurrence.timeZone, i18n.language);
  const title = (
    <>
      <span className="mono subtle">{occurrence.key}</span> <strong>{occurrence.title}</strong>
    </>
  );
  return (
    <li className="meeting-row" data-testid="meeting-row" data-key={occurrence.key} data-virtual={occurrence.virtual ? "true" : "false"}>
      <time className="meeting-row-when" dateTime={occurrence.startsAt}>
        {when}
      </time>
      <div className="meeting-row-main">
        <span className="meeting-row-title">
          {occurrence.virtual && canOpen ? (
            <button type="button" className="meeting-link-button" onClick={() => open.mutate()} disabled={open.isPending} data-testid="meeting-open-occurrence">
              {title}
            </button>
          ) : (
            <Link to={meetingPath(project.id, occurrence.meetingId)}>{title}</Link>
          )}
        </span>
        <span className="meeting-row-badges">
          <MeetingKindBadge kind={occurrence.kind} />
          <MeetingStatusBadge status={occurrence.status} />
          {occurrence.seriesId ? <Badge dot={false}>{t("meetings.recurring")}</Badge> : null}
          {occurrence.sharedWithClient ? (
            <Badge tone="teal" dot={false}>
              {t("meetings.shared")}
            </Badge>
          ) : null}
        </span>
        {open.isError ? <span className="field-error">{apiMessageOf(open.error)}</span> : null}
      </div>
    </li>
  );
}

function SeriesList({ project, series }: { project: TProject; series: TMeetingList["series"] }) {
  const { t, i18n } = useTranslation();
  if (series.length === 0) return <p className="muted">{t("meetings.noSeries")}</p>;
  return (
    <ul className="meeting-series" data-testid="meeting-series">
      {series.map((s) => (
        <li key={s.id}>
          <Link to={meetingPath(project.id, s.id)}>
            <span className="mono subtle">{s.key}</span> <strong>{s.title}</strong>
          </Link>
          <p className="subtle mono">{s.rrule}</p>
          {s.nextOccurrences.length > 0 ? (
            <ul className="meeting-next">
              {s.nextOccurrences.slice(0, 3).map((at) => (
                <li key={at}>{formatMeetingDay(at, s.timeZone, i18n.language)}</li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t("meetings.noNext")}</p>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Subscribe: the person's feed URL of this project's meetings (shown once when made), and revoking it. */
export function SubscribeDialog({ projectId, open, onClose }: { projectId: string; open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const feed = useMeetingFeed(projectId, open);
  const [url, setUrl] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => api.meetings.createFeed(projectId),
    onSuccess: async (created) => {
      setUrl(created.url);
      await queryClient.invalidateQueries({ queryKey: meetingKeys.feed(projectId) });
    },
  });
  const revoke = useMutation({
    mutationFn: () => api.meetings.revokeFeed(projectId),
    onSuccess: async () => {
      setUrl(null);
      await queryClient.invalidateQueries({ queryKey: meetingKeys.feed(projectId) });
    },
  });
  return (
    <Dialog open={open} onClose={onClose} title={t("meetings.subscribe.title")} description={t("meetings.subscribe.body")} testId="meetings-subscribe-dialog">
      <div className="stack">
        {url ? <CopyField label={t("meetings.subscribe.url")} value={url} testId="meetings-feed-url" /> : null}
        {feed.data?.exists && !url ? (
          <p className="muted">{t("meetings.subscribe.active", { when: feed.data.createdAt ? new Date(feed.data.createdAt).toLocaleString(i18n.language) : "" })}</p>
        ) : null}
        {create.isError || revoke.isError ? <p className="field-error">{apiMessageOf(create.error ?? revoke.error)}</p> : null}
        <div className="row">
          <Button variant="primary" onClick={() => create.mutate()} loading={create.isPending} data-testid="meetings-feed-create">
            {feed.data?.exists ? t("meetings.subscribe.rotate") : t("meetings.subscribe.create")}
          </Button>
          {feed.data?.exists ? (
            <Button variant="danger-ghost" onClick={() => revoke.mutate()} loading={revoke.isPending} data-testid="meetings-feed-revoke">
              {t("meetings.subscribe.revoke")}
            </Button>
          ) : null}
        </div>
      </div>
    </Dialog>
  );
}
