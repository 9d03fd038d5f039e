import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { RICE_FIELDS, WSJF_FIELDS, type TPriorityInputs, type TScoringCriterion, type TScoringModelKind } from "@jiaofu/contracts";
import { Tooltip } from "../../ui";

/** i18next's `TFunction`: `ReturnType<typeof useTranslation>["t"]` is too deep for the compiler with all keys merged. */
type Translate = TFunction;

const isRiceField = (name: string): name is (typeof RICE_FIELDS)[number] => (RICE_FIELDS as readonly string[]).includes(name);
const isWsjfField = (name: string): name is (typeof WSJF_FIELDS)[number] => (WSJF_FIELDS as readonly string[]).includes(name);

/** An input's name as people read it: RICE and WSJF fields by their label, a weighted criterion by its name. */
export function inputLabel(t: Translate, name: string, criteria: readonly TScoringCriterion[]): string {
  if (isRiceField(name)) return t(`prioritisation.rice.${name}`);
  if (isWsjfField(name)) return t(`prioritisation.wsjf.${name}`);
  return criteria.find((c) => c.id === name)?.name ?? t("prioritisation.removedCriterion");
}

/** A score to two decimals in the reader's language. */
export function formatScore(score: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(score);
}

export type ScoreCellProps = { score: number | null; missing: readonly string[]; model: TScoringModelKind; criteria: readonly TScoringCriterion[] };

/** The score, or a dash whose tooltip names the inputs still missing. */
export function ScoreCell({ score, missing, model, criteria }: ScoreCellProps) {
  const { t, i18n } = useTranslation();
  if (score !== null) return <span className="priority-score mono">{formatScore(score, i18n.language)}</span>;
  if (model === "none") return <span className="muted">{t("requirements.none")}</span>;
  const content =
    missing.length > 0
      ? t("prioritisation.missing", { inputs: missing.map((name) => inputLabel(t, name, criteria)).join(i18n.language === "zh-CN" ? "、" : ", ") })
      : t("prioritisation.noScore");
  return (
    <Tooltip content={content}>
      <span className="priority-score-missing" data-testid="score-missing">
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">{t("prioritisation.noScore")}</span>
      </span>
    </Tooltip>
  );
}

/**
 * Inputs as one line, for the history ("RICE: Reach 500 · Impact 2 …"). Weighted values are listed by criterion
 * name when the criteria are known, else counted.
 */
export function formatPriorityInputs(t: Translate, language: string, value: unknown, criteria: readonly TScoringCriterion[] = []): string {
  if (!value || typeof value !== "object") return t("requirements.none");
  const inputs = value as TPriorityInputs;
  const number = (n: number) => new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(n);
  const parts: string[] = [];
  const rice = RICE_FIELDS.flatMap((f) => (typeof inputs.rice?.[f] === "number" ? [`${t(`prioritisation.rice.${f}`)} ${number(inputs.rice[f])}`] : []));
  if (rice.length > 0) parts.push(`${t("prioritisation.model.rice")}: ${rice.join(", ")}`);
  const wsjf = WSJF_FIELDS.flatMap((f) => (typeof inputs.wsjf?.[f] === "number" ? [`${t(`prioritisation.wsjf.${f}`)} ${number(inputs.wsjf[f])}`] : []));
  if (wsjf.length > 0) parts.push(`${t("prioritisation.model.wsjf")}: ${wsjf.join(", ")}`);
  const weighted = Object.entries(inputs.weighted ?? {});
  if (weighted.length > 0) {
    const named = weighted.every(([id]) => criteria.some((c) => c.id === id));
    parts.push(
      `${t("prioritisation.model.weighted")}: ${
        named
          ? criteria.flatMap((c) => (typeof inputs.weighted?.[c.id] === "number" ? [`${c.name} ${number(inputs.weighted[c.id] ?? 0)}`] : [])).join(", ")
          : t("prioritisation.weightedCount", { count: weighted.length })
      }`,
    );
  }
  return parts.length > 0 ? parts.join(" · ") : t("requirements.none");
}
