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
import { param } from "../model/parameters.js";
import type { ParameterValues } from "../model/registry.js";

export const TAKEN = ["fasting", "with-meal"] as const;
export type Taken = (typeof TAKEN)[number];

export const TAKEN_WITH = ["ascorbic-acid", "tea", "coffee", "calcium", "phytate"] as const;
export type TakenWith = (typeof TAKEN_WITH)[number];

const WITH_PARAMETER: Record<TakenWith, string> = {
  "ascorbic-acid": "meals.ascorbicAcidFactor",
  tea: "meals.teaFactor",
  coffee: "meals.coffeeFactor",
  calcium: "meals.calciumFactor",
  phytate: "meals.phytateFactor",
};

/** Fraction of an oral dose available for uptake relative to the dose taken fasting with water (1). */
export function oralAvailability(params: ParameterValues, taken?: Taken, withWhat?: TakenWith): number {
  let f = 1;
  if (taken === "with-meal") f *= param(params, "meals.withMealFactor");
  if (withWhat !== undefined) f *= param(params, WITH_PARAMETER[withWhat]);
  return f;
}
