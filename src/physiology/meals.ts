/**
 * How much of an oral iron dose stays soluble and available to the duodenal
 * enterocytes (issue 15, item 6): taken fasting all of it; with a meal, iron
 * binds phytate, polyphenols and calcium and part passes unabsorbed; ascorbic
 * acid keeps it reduced and soluble. The available part then meets DMT1 as any
 * dose does (saturation, hepcidin: src/physiology/iron.ts); the rest leaves in
 * the stool and never enters the body or the ledger.
 *
 * The factors multiply: `taken: with-meal, with: ascorbic-acid` is 0.45 × 2.
 */
import { defineParameters, type ParameterValues, type PathsOf, param } from "../parameters/spec.js";

/** The parameters this module reads. */
type Reads = MealsParameter;

export const TAKEN = ["fasting", "with-meal"] as const;
export type Taken = (typeof TAKEN)[number];

export const TAKEN_WITH = ["ascorbic-acid", "tea", "coffee", "calcium", "phytate"] as const;
export type TakenWith = (typeof TAKEN_WITH)[number];

const WITH_PARAMETER: Record<TakenWith, Reads> = {
  "ascorbic-acid": "meals.ascorbicAcidFactor",
  tea: "meals.teaFactor",
  coffee: "meals.coffeeFactor",
  calcium: "meals.calciumFactor",
  phytate: "meals.phytateFactor",
};

/** Fraction of an oral dose available for uptake relative to the dose taken fasting with water (1). */
export function oralAvailability(params: ParameterValues<Reads>, taken?: Taken, withWhat?: TakenWith): number {
  let f = 1;
  if (taken === "with-meal") f *= param(params, "meals.withMealFactor");
  if (withWhat !== undefined) f *= param(params, WITH_PARAMETER[withWhat]);
  return f;
}

// ── Parameters (gathered by src/engine/parameters.ts) ─────────────────────────
export const MEALS_PARAMETERS = defineParameters({
  "meals.withMealFactor": {
    unit: "",
    default: 0.45,
    description: "fraction of an oral iron dose available when taken with a meal, relative to fasting",
    source:
      "iron salts with breakfast absorbed about half (40–50 %) as well as fasting (Brise & Hallberg 1962 Acta Med Scand 171 Suppl 376:7; Hallberg 1981 Annu Rev Nutr 1:123)",
    min: 0,
    max: 1,
    provenance: { kind: "measured" },
  },
  "meals.ascorbicAcidFactor": {
    unit: "",
    default: 2,
    description: "multiplier on the available oral iron when taken with ascorbic acid (~100 mg)",
    source:
      "ascorbic acid roughly doubles non-heme iron absorption (Cook & Monsen 1977 Am J Clin Nutr 30:235; Hallberg 1989 Am J Clin Nutr 49:140)",
    min: 1,
    max: 10,
    provenance: { kind: "measured" },
  },
  "meals.teaFactor": {
    unit: "",
    default: 0.35,
    description: "multiplier on the available oral iron when taken with tea (polyphenols)",
    source: "tea reduced iron absorption by ~60–70 % (Disler 1975 Gut 16:193)",
    min: 0,
    max: 1,
    provenance: { kind: "measured" },
  },
  "meals.coffeeFactor": {
    unit: "",
    default: 0.6,
    description: "multiplier on the available oral iron when taken with coffee",
    source: "a cup of coffee with a meal reduced iron absorption by ~40 % (Morck 1983 Am J Clin Nutr 37:416)",
    min: 0,
    max: 1,
    provenance: { kind: "measured" },
  },
  "meals.calciumFactor": {
    unit: "",
    default: 0.45,
    description: "multiplier on the available oral iron when taken with calcium (~300 mg, milk or a supplement)",
    source: "165–600 mg calcium reduced iron absorption by 50–60 % (Hallberg 1991 Am J Clin Nutr 53:112)",
    min: 0,
    max: 1,
    provenance: { kind: "measured" },
  },
  "meals.phytateFactor": {
    unit: "",
    default: 0.35,
    description:
      "multiplier on the available oral iron when taken with a phytate-rich food (cereal, legumes; ~25 mg phytate P)",
    source:
      "25 mg phytate P reduced absorption by 64 %, 2 mg by 18 %, 250 mg by 82 % (Hallberg 1989 Am J Clin Nutr 49:140)",
    min: 0,
    max: 1,
    provenance: { kind: "measured" },
  },
});

export type MealsParameter = PathsOf<typeof MEALS_PARAMETERS>;
