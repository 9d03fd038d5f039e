import { useTranslation } from "react-i18next";
import { RISK_LEVELS, type TRiskHeatMap, type TRiskHeatMapCell } from "@jiaofu/contracts";
import { riskLevelScoreRange } from "@jiaofu/engine";

const RATINGS = [1, 2, 3, 4, 5] as const;

export type RiskHeatMapProps = {
  map: TRiskHeatMap;
  /** The cell the register is filtered to, if any. */
  selected: { probability: number; impact: number } | null;
  /** Select a cell (again to clear it), or clear with null. */
  onSelect: (cell: { probability: number; impact: number } | null) => void;
};

/**
 * The 5×5 matrix as a real table: probability down the rows (5 at the top), impact across the columns, each cell a
 * button coloured by its level with the number of risks in it. The level is written in each button's label, so the
 * colour is never the only cue.
 */
export function RiskHeatMapTable({ map, selected, onSelect }: RiskHeatMapProps) {
  const { t } = useTranslation();
  const cellAt = (probability: number, impact: number): TRiskHeatMapCell | undefined => map.cells.find((c) => c.probability === probability && c.impact === impact);
  return (
    <div className="risk-heat-map">
      <table className="risk-heat-table" data-testid="risk-heat-map">
        <caption className="visually-hidden">{t("risks.heatMap.caption")}</caption>
        <thead>
          <tr>
            <td className="risk-heat-corner" aria-hidden="true" />
            <th scope="colgroup" colSpan={5} className="risk-heat-axis">
              {t("risks.heatMap.impact")} →
            </th>
          </tr>
          <tr>
            <th scope="col" className="risk-heat-axis risk-heat-axis-rows">
              {t("risks.heatMap.probability")} ↓
            </th>
            {RATINGS.map((impact) => (
              <th key={impact} scope="col" className="risk-heat-label" title={t(`risks.rating.${impact}`)}>
                {impact}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...RATINGS].reverse().map((probability) => (
            <tr key={probability}>
              <th scope="row" className="risk-heat-label" title={t(`risks.rating.${probability}`)}>
                {probability}
              </th>
              {RATINGS.map((impact) => {
                const cell = cellAt(probability, impact);
                if (!cell) return <td key={impact} />;
                const isSelected = selected?.probability === probability && selected.impact === impact;
                const label = t("risks.heatMap.cell", { probability, impact, count: cell.count, level: t(`risks.level.${cell.level}`) });
                return (
                  <td key={impact} className={`risk-heat-cell risk-level-${cell.level}`}>
                    <button
                      type="button"
                      className={isSelected ? "risk-heat-button selected" : "risk-heat-button"}
                      aria-pressed={isSelected}
                      aria-label={label}
                      title={[label, ...cell.risks.map((r) => `${r.key} ${r.title}`)].join("\n")}
                      onClick={() => onSelect(isSelected ? null : { probability, impact })}
                      data-testid={`risk-heat-cell-${probability}-${impact}`}
                    >
                      {cell.count > 0 ? cell.count : ""}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="risk-heat-legend" aria-label={t("risks.heatMap.legend")}>
        {RISK_LEVELS.map((level) => {
          const { min, max } = riskLevelScoreRange(level);
          return (
            <li key={level}>
              <span className={`risk-legend-swatch risk-level-${level}`} aria-hidden="true" />
              {t(`risks.level.${level}`)} <span className="subtle">{`${min}–${max}`}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
