import { useTranslation } from "react-i18next";
import type { TMeetingKind, TMeetingStatus } from "@jiaofu/contracts";
import { Badge, type BadgeTone } from "../../ui";

const KIND_TONES: Record<TMeetingKind, BadgeTone> = { kickoff: "violet", weekly_status: "blue", client_review: "teal", ad_hoc: "gray" };
const STATUS_TONES: Record<TMeetingStatus, BadgeTone> = { scheduled: "amber", held: "green", cancelled: "red" };

export function MeetingKindBadge({ kind }: { kind: TMeetingKind }) {
  const { t } = useTranslation();
  return <Badge tone={KIND_TONES[kind]}>{t(`meetings.kind.${kind}`)}</Badge>;
}

export function MeetingStatusBadge({ status }: { status: TMeetingStatus }) {
  const { t } = useTranslation();
  return (
    <Badge tone={STATUS_TONES[status]} dot={false}>
      {t(`meetings.status.${status}`)}
    </Badge>
  );
}
