import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { earnedValueEac, earnedValueIndexRating, earnedValueIndicators, earnedValueRatio } from "./earned-value";

describe("earnedValueIndicators", () => {
  /**
   * Worked example from the literature: K. Schwalbe, "Information Technology Project Management" (Cengage), ch. 7
   * "Project Cost Management", earned value exercise: a six-month project with BAC $200,000; after three months
   * PV = $120,000, EV = $100,000, AC = $90,000. The expected figures follow from the PMBOK Guide (6th ed.),
   * Table 7-1 "Earned Value Calculations Summary": CV = EV − AC, SV = EV − PV, CPI = EV/AC, SPI = EV/PV,
   * EAC = BAC/CPI, ETC = EAC − AC, VAC = BAC − EAC, TCPI = (BAC − EV)/(BAC − AC) or (BAC − EV)/(EAC − AC).
   */
  it("matches the textbook example (Schwalbe ch. 7: BAC 200,000, PV 120,000, EV 100,000, AC 90,000)", () => {
    const r = earnedValueIndicators({ bac: 200_000, pv: 120_000, ev: 100_000, ac: 90_000 });
    expect(r.cv).toBe(10_000); // under budget
    expect(r.sv).toBe(-20_000); // behind schedule
    expect(r.cpi).toBeCloseTo(1.1111, 4);
    expect(r.spi).toBeCloseTo(0.8333, 4);
    expect(r.eacMethod).toBe("cpi");
    expect(r.eac).toBeCloseTo(180_000, 6);
    expect(r.etc).toBeCloseTo(90_000, 6);
    expect(r.vac).toBeCloseTo(20_000, 6);
    expect(r.tcpiBac).toBeCloseTo(100_000 / 110_000, 10); // 0.909
    expect(r.tcpiEac).toBeCloseTo(1.1111, 4); // with EAC = BAC/CPI the TCPI to EAC is the CPI
    expect(r.eacByMethod.budget_rate).toBe(190_000); // AC + (BAC − EV)
    expect(r.eacByMethod.cpi_spi).toBeCloseTo(198_000, 6); // AC + (BAC − EV)/(CPI × SPI) = 90,000 + 100,000/0.9259
    expect(r.percentComplete).toBe(50);
    expect(r.percentScheduled).toBe(60);
  });

  it("uses the method asked for", () => {
    const r = earnedValueIndicators({ bac: 200_000, pv: 120_000, ev: 100_000, ac: 90_000 }, "budget_rate");
    expect(r).toMatchObject({ eacMethod: "budget_rate", eac: 190_000, etc: 100_000, vac: 10_000 });
  });

  it("answers null, not Infinity or NaN, where a denominator is zero", () => {
    const start = earnedValueIndicators({ bac: 1000, pv: 0, ev: 0, ac: 0 });
    expect(start).toMatchObject({ spi: null, cpi: null, eac: null, etc: null, vac: null, tcpiEac: null, sv: 0, cv: 0 });
    expect(start.tcpiBac).toBe(1);
    expect(start.eacByMethod).toEqual({ cpi: null, budget_rate: 1000, cpi_spi: null });
    const spent = earnedValueIndicators({ bac: 1000, pv: 800, ev: 700, ac: 1000 });
    expect(spent.tcpiBac).toBeNull(); // the budget is spent: no efficiency can meet it
    const empty = earnedValueIndicators({ bac: 0, pv: 0, ev: 0, ac: 0 });
    expect(empty.percentComplete).toBeNull();
    const nothingEarned = earnedValueIndicators({ bac: 1000, pv: 100, ev: 0, ac: 50 });
    expect(nothingEarned).toMatchObject({ cpi: 0, spi: 0, eac: null }); // BAC / 0
    expect(earnedValueRatio(1, 0)).toBeNull();
    expect(earnedValueEac({ bac: 1, pv: 1, ev: 0, ac: 1 }, "cpi_spi")).toBeNull();
  });

  it("rates indices: ≥ 1 good, ≥ 0.9 watch, below bad", () => {
    expect([1.2, 1, 0.95, 0.9, 0.89, null].map(earnedValueIndexRating)).toEqual(["good", "good", "watch", "watch", "bad", "unknown"]);
  });

  const money = fc.double({ min: 0, max: 1e9, noNaN: true, noDefaultInfinity: true });
  const inputs = fc.record({ bac: money, pv: money, ev: money, ac: money });
  const method = fc.constantFrom("cpi" as const, "budget_rate" as const, "cpi_spi" as const);

  it("property: CV = EV − AC, SV = EV − PV, EAC = AC + ETC, VAC = BAC − EAC; nothing is NaN or infinite", () => {
    fc.assert(
      fc.property(inputs, method, (x, m) => {
        const r = earnedValueIndicators(x, m);
        expect(r.cv).toBe(x.ev - x.ac);
        expect(r.sv).toBe(x.ev - x.pv);
        if (r.eac !== null) {
          expect(r.etc).not.toBeNull();
          expect(x.ac + (r.etc as number)).toBeCloseTo(r.eac, 3);
          expect(r.vac).toBe(x.bac - r.eac);
        } else {
          expect(r.etc).toBeNull();
          expect(r.vac).toBeNull();
        }
        for (const value of [r.spi, r.cpi, r.eac, r.etc, r.vac, r.tcpiBac, r.tcpiEac, r.percentComplete, r.percentScheduled, ...Object.values(r.eacByMethod)]) {
          if (value !== null) expect(Number.isFinite(value)).toBe(true);
        }
      }),
    );
  });

  it("property: SPI × PV = EV and CPI × AC = EV when measurable; EAC by CPI = BAC × AC / EV", () => {
    fc.assert(
      fc.property(inputs, (x) => {
        const r = earnedValueIndicators(x);
        if (r.spi !== null) expect(r.spi * x.pv).toBeCloseTo(x.ev, 0);
        if (r.cpi !== null) expect(r.cpi * x.ac).toBeCloseTo(x.ev, 0);
        if (r.eac !== null && x.ev > 1 && x.bac > 1 && x.ac > 1e-6) expect(r.eac / ((x.bac * x.ac) / x.ev)).toBeCloseTo(1, 9);
      }),
    );
  });
});
