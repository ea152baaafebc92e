/**
 * The storage lesion of packed red cells: not every stored cell survives transfusion. During
 * refrigerated storage red cells lose ATP, 2,3-DPG, membrane and deformability; the cells damaged
 * beyond repair are taken up by splenic and hepatic macrophages within hours of the transfusion
 * (extravascular hemolysis: serum iron, transferrin saturation and indirect bilirubin peak ~4 h after
 * a unit, more the longer it was stored, Rapido et al. 2017 J Clin Invest 127:375), and the rest live
 * out a normal life span. The share that is still circulating at 24 h, the 24-h post-transfusion
 * recovery, falls with the storage age of the unit; the licensing criterion is a mean ≥ 75 % at the
 * end of the permitted storage (FDA; Dumont & AuBuchon 2008 Transfusion 48:1053).
 *
 * The model gives the circulation the viable share of a unit and books the iron of the rest into the
 * macrophages' labile iron at once (their clearance is over within hours, about the run-in time of two units,
 * so the Hb increment 15 min to 2 h after a transfusion equals the 24-h one): iron balance stays exact.
 */
import { defineParameters, type ParameterValues, type PathsOf, param } from "../parameters/spec.js";

/** 24-h post-transfusion recovery (0–1) of a unit stored for `transfusion.storageAge` days. */
export function storedCellRecovery(params: ParameterValues<TransfusionParameter>): number {
  const loss = param(params, "transfusion.recoveryLossPerDay") * param(params, "transfusion.storageAge");
  return Math.min(1, Math.max(0, 1 - loss));
}

// ── Parameters (gathered by src/engine/parameters.ts) ─────────────────────────
export const TRANSFUSION_PARAMETERS = defineParameters({
  "transfusion.storageAge": {
    unit: "day",
    default: 22,
    description:
      "storage age of the packed red cells transfused (days since collection); older units recover less (transfusion.recoveryLossPerDay)",
    source:
      "mean age of units issued in standard practice in randomised trials: 22.0 days (ABLE, Lacroix et al. 2015 N Engl J Med 372:1410), 23.6 days (INFORM, Heddle et al. 2016 N Engl J Med 375:1937), 22.4 days (TRANSFUSE, Cooper et al. 2017 N Engl J Med 377:1858); shelf life 35–42 days",
    min: 0,
    max: 49,
    provenance: { kind: "measured" },
  },
  "transfusion.recoveryLossPerDay": {
    unit: "1/day",
    default: 0.16 / 42,
    description:
      "fall of the 24-h post-transfusion recovery of stored red cells per day of storage (the non-viable share, cleared by macrophages within hours)",
    source:
      "24-h in vivo recovery ~84 % after 6 weeks in additive solution (Hess 2010 Transfus Apher Sci 43:51), from ~100 % for fresh cells (the 51Cr reference), i.e. 0.16/42 per day; 88.3 % measured by 51Cr after 35 days in SAGM (10 donors; PubMed 3922038, 1985) agrees (86.7 % on this line); recovery falls with storage week (P = 0.002) in a randomised 1–6-week study (Rapido et al. 2017 J Clin Invest 127:375); licensing requires a mean ≥ 75 % (Dumont & AuBuchon 2008 Transfusion 48:1053)",
    min: 0,
    max: 0.05,
    provenance: { kind: "measured" },
  },
});

export type TransfusionParameter = PathsOf<typeof TRANSFUSION_PARAMETERS>;
