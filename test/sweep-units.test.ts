/** sweep.json carries a unit for every results.csv column, as the trajectory's column names carry theirs. */
import { describe, expect, it } from "vitest";
import { TRAJECTORY_COLUMNS } from "../src/labs/columns.js";
import { columnUnit } from "../src/sweep/outputs.js";

describe("units of sweep results", () => {
  it("every trajectory column has a unit read from its name", () => {
    for (const c of TRAJECTORY_COLUMNS) expect(columnUnit(c), c).not.toBe("");
    expect(columnUnit("hb_g_dl")).toBe("g/dL");
    expect(columnUnit("epo_mu_ml")).toBe("mU/mL");
    expect(columnUnit("mma_umol_l")).toBe("umol/L");
    expect(columnUnit("zpp_umol_mol")).toBe("umol/mol");
    expect(columnUnit("rbc_10e12_l")).toBe("10^12/L");
  });
});
