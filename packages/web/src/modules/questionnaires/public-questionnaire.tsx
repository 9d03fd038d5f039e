import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "@jiaofu/contracts";
import { api } from "../../api";
import { LoadingBlock } from "../../ui";
import { apiMessageOf } from "../../lib/api-errors";
import { useDocumentTitle } from "../../lib/use-document-title";
import { ErrorPanel } from "../common/error-panel";
import { Brand } from "../shell/brand";
import { LanguageSelect } from "../shell/language-select";
import { QuestionnaireForm } from "./questionnaire-form";
import { usePublicForm } from "./questionnaires.queries";
import { hasAnsweredLink, rememberAnsweredLink, respondentToken } from "./respondent-token";
import "../shell/shell.css";
import "./questionnaires.css";

/**
 * A questionnaire opened through its public link: no account, no app frame, just the form in the chosen language.
 * A bad link, one not open yet or closed, and a second answer from the same browser each get a clear page.
 */
export function PublicQuestionnaire({ token }: { token: string }) {
  const { t, i18n } = useTranslation();
  const form = usePublicForm(token, i18n.language);
  const [answeredBefore, setAnsweredBefore] = useState(() => hasAnsweredLink(token));
  const [blocked, setBlocked] = useState<ApiError | null>(null);
  useDocumentTitle(form.data?.title ?? t("questionnaires.public.pageTitle"));

  let content: ReactNode;
  if (form.isPending) content = <LoadingBlock />;
  else if (form.isError) content = <LinkProblem error={form.error} onRetry={() => void form.refetch()} />;
  else if (blocked) content = <LinkProblem error={blocked} onRetry={() => setBlocked(null)} />;
  else if (answeredBefore && form.data.onePerRespondent) {
    content = (
      <StatePanel icon="✓" tone="success" title={t("questionnaires.public.alreadyTitle")} testId="public-already-answered">
        {t("questionnaires.public.alreadyBody")}
      </StatePanel>
    );
  } else {
    content = (
      <QuestionnaireForm
        form={form.data}
        askName={!form.data.anonymous}
        submit={async (body) => {
          try {
            await api.publicQuestionnaires.respond(token, { ...body, respondentToken: respondentToken() });
          } catch (error) {
            // Closed meanwhile, or this browser already answered: a page of its own, not a banner over the form.
            if (error instanceof ApiError && (error.code === "gone" || (error.code === "conflict" && form.data.onePerRespondent))) {
              if (error.code === "conflict") {
                rememberAnsweredLink(token);
                setAnsweredBefore(true);
              } else setBlocked(error);
              return;
            }
            throw error;
          }
          rememberAnsweredLink(token);
        }}
      />
    );
  }

  return (
    <div className="public-page">
      <header className="public-topbar">
        <Brand />
        <LanguageSelect compact />
      </header>
      <main id="main" className="public-main" tabIndex={-1}>
        <div className="public-card">{content}</div>
      </main>
      <footer className="public-footer subtle">{t("questionnaires.public.footer")}</footer>
    </div>
  );
}

/** A link that cannot be answered: unknown (404), not open yet or closed (410), or the server is unreachable. */
function LinkProblem({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.status === 404) {
    return (
      <StatePanel icon="?" title={t("questionnaires.public.invalidTitle")} testId="public-invalid">
        {t("questionnaires.public.invalidBody")}
      </StatePanel>
    );
  }
  if (error instanceof ApiError && error.status === 410) {
    // The API's message says which: "not open yet" or "closed".
    return (
      <StatePanel icon="◔" title={t("questionnaires.public.unavailableTitle")} testId="public-unavailable">
        {apiMessageOf(error)}
      </StatePanel>
    );
  }
  return <ErrorPanel error={error} onRetry={onRetry} />;
}

type StatePanelProps = { icon: string; title: string; children: ReactNode; testId: string; tone?: "neutral" | "success" };

function StatePanel({ icon, title, children, testId, tone = "neutral" }: StatePanelProps) {
  return (
    <div className="public-state" role="status" data-testid={testId}>
      <div className={tone === "success" ? "form-thanks-mark" : "public-state-icon"} aria-hidden="true">
        {icon}
      </div>
      <h1>{title}</h1>
      <p className="muted">{children}</p>
    </div>
  );
}
