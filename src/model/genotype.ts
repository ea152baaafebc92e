/**
 * Genes a scenario may name, their variants, and what each variant changes.
 * A genotype enters the body only as causes (model.md §4): a floor under the BMP
 * arm of hepcidin, a globin-synthesis capacity, a red-cell survival factor.
 * The sizes of those effects are model parameters (so sweeps can vary them).
 */
import { param } from "./parameters.js";
import type { ParameterValues } from "./registry.js";

export interface GeneSpec {
  /** Allowed variants; the first is wild type. */
  readonly variants: readonly (string | number)[];
  readonly description: string;
}

export const GENES = {
  TMPRSS6: {
    variants: ["wild-type", "heterozygous-loss", "homozygous-loss"],
    description:
      "matriptase-2, which cleaves hemojuvelin and damps hepcidin's BMP signal; loss keeps hepcidin high for the stores (IRIDA)",
  },
  alphaGlobinGenes: {
    variants: [4, 3, 2, 1],
    description: "working alpha-globin genes: 4 normal, 3 silent carrier, 2 alpha-thalassemia trait, 1 HbH disease",
  },
  HBB: {
    variants: ["normal", "beta-trait"],
    description: "beta-globin: one defective allele (beta-thalassemia trait) halves beta-chain output",
  },
} as const satisfies Record<string, GeneSpec>;

export type GeneName = keyof typeof GENES;

/** Effects of a genotype, as multipliers on the body's causes (1 = wild type). */
export interface GenotypeEffects {
  /** Floor of the BMP–SMAD signal in hepcidin reference units (TMPRSS6 loss > 0). */
  bmpFloor: number;
  globinCapacityFactor: number;
  clearanceHazardFactor: number;
}

export function genotypeEffects(
  genotype: Readonly<Record<string, string | number>>,
  params: ParameterValues,
): GenotypeEffects {
  const p = (k: string) => param(params, k);
  const tmprss6 = genotype.TMPRSS6 ?? "wild-type";
  const bmpFloor =
    tmprss6 === "homozygous-loss"
      ? p("hepcidin.tmprss6HomozygousLossFloor")
      : tmprss6 === "heterozygous-loss"
        ? p("hepcidin.tmprss6HeterozygousLossFloor")
        : 0;
  const alpha = Number(genotype.alphaGlobinGenes ?? 4);
  const alphaCapacity = alpha >= 4 ? 1 : p(`erythropoiesis.alphaGlobinCapacity${alpha}Genes`);
  const betaCapacity = genotype.HBB === "beta-trait" ? p("erythropoiesis.betaTraitGlobinCapacity") : 1;
  // Hemoglobin needs both chains: synthesis follows the scarcer one.
  const globinCapacityFactor = Math.min(alphaCapacity, betaCapacity);
  // HbH (β4) precipitates as inclusions: the spleen clears those cells early.
  const clearanceHazardFactor = alpha === 1 ? p("circulation.hbhClearanceFactor") : 1;
  return { bmpFloor, globinCapacityFactor, clearanceHazardFactor };
}
