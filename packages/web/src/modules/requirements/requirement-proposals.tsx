import { Link } from "react-router";
import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TProject, TProjectRequirementProposal, TRequirementDetail, TRequirementProposal, TRequirementProposalKind } from "@jiaofu/contracts";
import { api } from "../../api";
import { Badge, Banner, Button, Card, EmptyState } from "../../ui";
import { apiMessageOf } from "../../lib/api-errors";
import { useToast } from "../../ui";
import { QueryContent } from "../common/query-content";
import { RequirementStatusBadge } from "./requirement-badges";
import { requirementPath } from "./requirement-paths";
import { requirementKeys, useProjectProposals, useRequirementProposals } from "./requirements.queries";

type RelatedRef = TRequirementProposal["other"];
type Decision = "confirmed" | "dismissed";

/** The pair a proposal is about, in the order the API is asked to decide it. */
type ProposalPair = { kind: TRequirementProposalKind; a: RelatedRef; b: RelatedRef };

const sameProposal = (pair: ProposalPair) => (item: { kind: TRequirementProposalKind; a: RelatedRef; b: RelatedRef }) =>
  item.kind === pair.kind && ((item.a.id === pair.a.id && item.b.id === pair.b.id) || (item.a.id === pair.b.id && item.b.id === pair.a.id));

/**
 * Confirm (the server creates the `duplicates` / `conflicts_with` relation) or dismiss (never proposed again). The row
 * leaves both lists at once; both requirements' pages refetch so the relations panel shows the new relation.
 */
function useDecideProposal(projectId: string) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ pair, decision }: { pair: ProposalPair; decision: Decision }) =>
      api.requirements.decideProposal(pair.a.id, { otherId: pair.b.id, kind: pair.kind, decision }),
    onSuccess: async (_result, { pair, decision }) => {
      forgetProposal(queryClient, projectId, pair);
      toast.show(t(decision === "confirmed" ? "requirements.analysis.confirmed" : "requirements.analysis.dismissed", { a: pair.a.key, b: pair.b.key }), "success");
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: requirementKeys.detail(pair.a.id) }),
        queryClient.invalidateQueries({ queryKey: requirementKeys.detail(pair.b.id) }),
        queryClient.invalidateQueries({ queryKey: ["requirements", "proposals"] }),
        queryClient.invalidateQueries({ queryKey: ["audit", "requirement"] }),
      ]);
    },
  });
}

/** Takes a decided pair out of every cached proposal list before the refetch answers. */
function forgetProposal(queryClient: QueryClient, projectId: string, pair: ProposalPair) {
  const matches = sameProposal(pair);
  for (const id of [pair.a.id, pair.b.id]) {
    const self: RelatedRef = id === pair.a.id ? pair.a : pair.b;
    queryClient.setQueryData<TRequirementProposal[]>(requirementKeys.proposals(id), (items) =>
      items?.filter((item) => !matches({ kind: item.kind, a: self, b: item.other })),
    );
  }
  queryClient.setQueryData<{ items: TProjectRequirementProposal[]; truncated: boolean }>(requirementKeys.projectProposals(projectId), (data) =>
    data ? { ...data, items: data.items.filter((item) => !matches(item)) } : data,
  );
}

function ScoreBar({ score }: { score: number }) {
  const { t, i18n } = useTranslation();
  const clamped = Math.min(1, Math.max(0, score));
  const percent = new Intl.NumberFormat(i18n.language, { style: "percent", maximumFractionDigits: 0 }).format(clamped);
  return (
    <span className="proposal-score" title={t("requirements.analysis.score", { percent })}>
      <span className="proposal-score-bar" aria-hidden="true">
        <span style={{ width: `${Math.round(clamped * 100)}%` }} />
      </span>
      <span className="proposal-score-text">{t("requirements.analysis.score", { percent })}</span>
    </span>
  );
}

function KindBadge({ kind }: { kind: TRequirementProposalKind }) {
  const { t } = useTranslation();
  return <Badge tone={kind === "conflict" ? "red" : "amber"}>{t(`requirements.analysis.kinds.${kind}`)}</Badge>;
}

type ProposalActionsProps = { projectId: string; pair: ProposalPair; labelKey: string };

function ProposalActions({ projectId, pair, labelKey }: ProposalActionsProps) {
  const { t } = useTranslation();
  const decide = useDecideProposal(projectId);
  const kind = t(`requirements.analysis.kinds.${pair.kind}`);
  const busy = decide.isPending ? decide.variables.decision : null;
  return (
    <div className="proposal-actions">
      <Button
        size="sm"
        variant="secondary"
        onClick={() => decide.mutate({ pair, decision: "confirmed" })}
        loading={busy === "confirmed"}
        disabled={busy !== null}
        aria-label={t("requirements.analysis.confirmNamed", { kind, key: labelKey })}
        data-testid="confirm-proposal"
      >
        {t("requirements.analysis.confirm")}
      </Button>
      <Button
        size="sm"
        variant="ghost"
        onClick={() => decide.mutate({ pair, decision: "dismissed" })}
        loading={busy === "dismissed"}
        disabled={busy !== null}
        aria-label={t("requirements.analysis.dismissNamed", { kind, key: labelKey })}
        data-testid="dismiss-proposal"
      >
        {t("requirements.analysis.dismiss")}
      </Button>
      {decide.isError ? <p className="field-error">{apiMessageOf(decide.error) ?? t("errors.network")}</p> : null}
    </div>
  );
}

export type RequirementProposalsProps = { requirement: TRequirementDetail; canWrite: boolean };

/** On a requirement's page: the finder's likely duplicates and conflicts of this requirement. */
export function RequirementProposals({ requirement, canWrite }: RequirementProposalsProps) {
  const { t } = useTranslation();
  const proposals = useRequirementProposals(requirement.id);
  const items = proposals.data ?? [];
  const self: RelatedRef = { id: requirement.id, key: requirement.key, title: requirement.title, status: requirement.status };
  return (
    <div className="stack" data-testid="requirement-proposals">
      <QueryContent
        query={proposals}
        isEmpty={items.length === 0}
        empty={
          <div className="side-empty">
            <p className="side-empty-title">{t("requirements.analysis.emptyTitle")}</p>
            <p className="subtle">{t("requirements.analysis.emptyBody")}</p>
          </div>
        }
      >
        <ul className="proposal-list">
          {items.map((item) => (
            <li key={`${item.kind}-${item.other.id}`} className="proposal-item" data-testid="proposal-item" data-kind={item.kind} data-key={item.other.key}>
              <div className="row proposal-meta">
                <KindBadge kind={item.kind} />
                <ScoreBar score={item.score} />
              </div>
              <Link to={requirementPath(requirement.projectId, item.other.id)} className="relation-link">
                <span className="mono">{item.other.key}</span> {item.other.title}
              </Link>
              <p className="proposal-reason subtle">{item.reason}</p>
              {canWrite ? <ProposalActions projectId={requirement.projectId} pair={{ kind: item.kind, a: self, b: item.other }} labelKey={item.other.key} /> : null}
            </li>
          ))}
        </ul>
        {canWrite ? null : <p className="subtle">{t("requirements.analysis.readOnly")}</p>}
      </QueryContent>
    </div>
  );
}

export type AnalysisInboxProps = { project: TProject; canWrite: boolean };

/** The project's analysis inbox: every open proposal of the register, highest score first. */
export function AnalysisInbox({ project, canWrite }: AnalysisInboxProps) {
  const { t } = useTranslation();
  const inbox = useProjectProposals(project.id);
  const items = inbox.data?.items ?? [];
  const link = (item: RelatedRef) => (
    <Link to={requirementPath(project.id, item.id)} className="relation-link">
      <span className="mono">{item.key}</span> {item.title}
    </Link>
  );
  return (
    <div className="stack">
      <div className="section-heading">
        <div>
          <h2 className="section-title">{t("requirements.analysis.inboxTitle")}</h2>
          <p className="subtle">{t("requirements.analysis.inboxIntro")}</p>
        </div>
      </div>
      {inbox.data?.truncated ? <Banner tone="info">{t("requirements.analysis.truncated")}</Banner> : null}
      {canWrite ? null : <Banner tone="info">{t("requirements.analysis.readOnly")}</Banner>}
      <Card flush>
        <QueryContent
          query={inbox}
          isEmpty={items.length === 0}
          empty={
            <EmptyState icon="✓" title={t("requirements.analysis.inboxEmptyTitle")}>
              {t("requirements.analysis.inboxEmptyBody")}
            </EmptyState>
          }
        >
          <ul className="proposal-list inbox-list" data-testid="analysis-inbox">
            {items.map((item) => (
              <li key={`${item.kind}-${item.a.id}-${item.b.id}`} className="proposal-item inbox-item" data-testid="inbox-proposal" data-kind={item.kind} data-keys={`${item.a.key} ${item.b.key}`}>
                <div className="row proposal-meta">
                  <KindBadge kind={item.kind} />
                  <ScoreBar score={item.score} />
                </div>
                <div className="inbox-pair">
                  <div className="row">
                    {link(item.a)}
                    <RequirementStatusBadge status={item.a.status} />
                  </div>
                  <span className="subtle">{t("requirements.analysis.and")}</span>
                  <div className="row">
                    {link(item.b)}
                    <RequirementStatusBadge status={item.b.status} />
                  </div>
                </div>
                <p className="proposal-reason subtle">{item.reason}</p>
                {canWrite ? <ProposalActions projectId={project.id} pair={item} labelKey={`${item.a.key} / ${item.b.key}`} /> : null}
              </li>
            ))}
          </ul>
        </QueryContent>
      </Card>
    </div>
  );
}
