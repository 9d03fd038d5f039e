/** Monitoring figures as the contracts shape them: money to the cent, indices and percentages to four decimals. */
import type { TEarnedValueFigures, TProgressSnapshot } from "@jiaofu/contracts";
import type { EarnedValueIndicators } from "@jiaofu/engine";
import type { ProgressSnapshotRow } from "./monitoring.repository";

const cents = (x: number) => Math.round(x * 100) / 100 + 0;
const centsOrNull = (x: number | null) => (x === null ? null : cents(x));
const ratio = (x: number | null) => (x === null ? null : Math.round(x * 10_000) / 10_000 + 0);

export function presentFigures(r: EarnedValueIndicators): TEarnedValueFigures {
  return {
    bac: cents(r.bac),
    pv: cents(r.pv),
    ev: cents(r.ev),
    ac: cents(r.ac),
    sv: cents(r.sv),
    cv: cents(r.cv),
    spi: ratio(r.spi),
    cpi: ratio(r.cpi),
    eac: centsOrNull(r.eac),
    eacByMethod: { cpi: centsOrNull(r.eacByMethod.cpi), budget_rate: centsOrNull(r.eacByMethod.budget_rate), cpi_spi: centsOrNull(r.eacByMethod.cpi_spi) },
    etc: centsOrNull(r.etc),
    vac: centsOrNull(r.vac),
    tcpiBac: ratio(r.tcpiBac),
    tcpiEac: ratio(r.tcpiEac),
    percentComplete: ratio(r.percentComplete),
    percentScheduled: ratio(r.percentScheduled),
  };
}

export function presentSnapshot(row: ProgressSnapshotRow): TProgressSnapshot {
  return {
    projectId: row.projectId,
    asOf: row.asOf,
    baselineId: row.baselineId,
    plannedValue: cents(row.plannedValue),
    earnedValue: cents(row.earnedValue),
    actualCost: cents(row.actualCost),
    budgetAtCompletion: cents(row.budgetAtCompletion),
    percentComplete: ratio(row.percentComplete) ?? 0,
  };
}
