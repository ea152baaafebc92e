/**
 * Erythroid reserve with age: how much of EPO's drive above basal the marrow can carry out.
 *
 * The hematopoietic (red) marrow shrinks with age: iliac-crest cellularity is ~50 % from young
 * adulthood to about 50 years and falls to ~30 % in the eighth and ninth decades, the space going
 * to fat (Hartsock, Smith & Petty 1965 Am J Clin Pathol 43:326; Williams Hematology ch. "Hematology
 * in the aged": a continuous decrease of the volume of hematopoietic marrow with age). Basal red-cell
 * production is kept (the healthy old have a Hb within ~1 g/dL of the young), but the reserve the
 * marrow draws on to expand under anemia is smaller: in most anemic old people the underlying defect
 * is diminished erythropoiesis (Price 2008 Blood Cells Mol Dis 41:158), and the erythropoietic
 * response to phlebotomy is slower in the old (Lipschitz, Udupa, Milton & Thompson 1984 Blood
 * 63:502). Here the EPO-driven expansion (founder drive above 1, and its ceiling) is scaled by the
 * hematopoietic cellularity relative to a young adult's: 1 up to `erythropoiesis.reserveDeclineFromAge`,
 * then falling by `erythropoiesis.reserveDeclinePerYear`, never below `RESERVE_FLOOR`.
 * A subject of unknown age has reserve 1 (no change).
 */
import type { Subject } from "../core/types.js";
import { defineParameters, type ParameterValues, type PathsOf, param } from "../parameters/spec.js";

/** The reserve's parameters, gathered by src/engine/parameters.ts. */
export const ERYTHROID_RESERVE_PARAMETERS = defineParameters({
  "erythropoiesis.reserveDeclineFromAge": {
    unit: "year",
    default: 50,
    description:
      "age from which the marrow's erythroid reserve (the share of EPO's drive above basal it carries out) declines (erythroid-reserve.ts; applies only when the subject's age is given)",
    source:
      "iliac-crest hematopoietic cellularity ~50 % and stable in adults to about 50 years, then falling (Hartsock, Smith & Petty 1965 Am J Clin Pathol 43:326)",
    min: 0,
    max: 120,
    provenance: { kind: "measured" },
  },
  "erythropoiesis.reserveDeclinePerYear": {
    unit: "1/year",
    default: 0.0133,
    description:
      "fall per year past reserveDeclineFromAge of the erythroid reserve, relative to a young adult's (1 − rate·(age − from))",
    source:
      "hematopoietic cellularity falls from ~50 % to ~30 % between 50 and 80 years (Hartsock, Smith & Petty 1965 Am J Clin Pathol 43:326): 0.4/30 per year, taking the expansion the marrow can make as proportional to its hematopoietic tissue (assumed); slower erythropoietic response to phlebotomy in the old (Lipschitz et al. 1984 Blood 63:502)",
    min: 0,
    max: 0.1,
    provenance: { kind: "assumed" },
  },
});

export type ErythroidReserveParameter = PathsOf<typeof ERYTHROID_RESERVE_PARAMETERS>;

/** Lowest reserve (numerical guard: the published decline is to ~0.6 by 80–90 years). */
const RESERVE_FLOOR = 0.2;

/** Share of the young adult's erythroid expansion this subject's marrow can carry out (0.2–1). */
export function erythroidReserve(params: ParameterValues<ErythroidReserveParameter>, subject: Subject): number {
  if (subject.ageYears === undefined) return 1;
  const from = param(params, "erythropoiesis.reserveDeclineFromAge");
  const perYear = param(params, "erythropoiesis.reserveDeclinePerYear");
  return Math.max(RESERVE_FLOOR, 1 - perYear * Math.max(0, subject.ageYears - from));
}
