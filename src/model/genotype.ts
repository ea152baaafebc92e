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
    variants: ["normal", "beta-trait", "beta-intermedia"],
    description:
      "beta-globin: one defective allele (beta-thalassemia trait) or two mild ones (thalassemia intermedia: unpaired alpha chains kill erythroblasts)",
  },
  ALAS2: {
    variants: ["normal", "loss"],
    description:
      "erythroid ALA synthase, first step of heme synthesis (X-linked sideroblastic anemia): heme made slowly, iron piles up in mitochondria",
  },
  SLC40A1: {
    variants: ["normal", "loss-of-function", "hepcidin-resistant"],
    description:
      "ferroportin: loss of function traps iron in macrophages (ferroportin disease A); hepcidin resistance keeps the gates open (B)",
  },
  HFE: {
    variants: ["normal", "C282Y-homozygous"],
    description:
      "HFE: without it the liver under-reads iron and makes too little hepcidin (hereditary hemochromatosis)",
  },
} as const satisfies Record<string, GeneSpec>;

export type GeneName = keyof typeof GENES;

/** Effects of a genotype, as multipliers on the body's causes (1 = wild type). */
export interface GenotypeEffects {
  /** Floor of the BMP–SMAD signal in hepcidin reference units (TMPRSS6 loss > 0). */
  bmpFloor: number;
  /** Multiplier on the iron-sensing (BMP × holo-transferrin) arm of hepcidin (HFE loss < 1). */
  ironSensingFactor: number;
  globinCapacityFactor: number;
  /** Alpha and beta chain output relative to normal (for chain balance and HbA2). */
  alphaChainCapacity: number;
  betaChainCapacity: number;
  /** Heme synthesis capacity (ALAS2 loss < 1). */
  hemeCapacityFactor: number;
  /** Age-independent red-cell destruction, per day (inclusions: HbH, alpha-chain precipitates). */
  randomDestructionPerDay: number;
  /** Macrophage and hepatocyte ferroportin relative to normal (ferroportin disease A < 1). */
  ferroportinCapacity: number;
  /** Fraction of ferroportin hepcidin cannot remove (ferroportin disease B > 0). */
  ferroportinHepcidinResistance: number;
  /** Erythroblast death per cycle from unpaired alpha chains (beta-thalassemia). */
  unpairedChainDeathPerCycle: number;
  /** HbA2 (α2δ2) as a fraction of hemoglobin made. */
  hba2Fraction: number;
}

export const WILD_TYPE_EFFECTS: Readonly<GenotypeEffects> = {
  bmpFloor: 0,
  ironSensingFactor: 1,
  globinCapacityFactor: 1,
  alphaChainCapacity: 1,
  betaChainCapacity: 1,
  hemeCapacityFactor: 1,
  randomDestructionPerDay: 0,
  ferroportinCapacity: 1,
  ferroportinHepcidinResistance: 0,
  unpairedChainDeathPerCycle: 0,
  hba2Fraction: 0.025,
};

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
  const hbb = genotype.HBB ?? "normal";
  const betaCapacity =
    hbb === "beta-trait"
      ? p("erythropoiesis.betaTraitGlobinCapacity")
      : hbb === "beta-intermedia"
        ? p("erythropoiesis.betaIntermediaGlobinCapacity")
        : 1;
  // Gamma chains (HbF) stay on in thalassemia intermedia and pair with alpha like beta does.
  const gammaOutput = hbb === "beta-intermedia" ? p("erythropoiesis.gammaOutputBetaIntermedia") : 0;
  const nonAlpha = Math.min(1, betaCapacity + gammaOutput);
  // Hemoglobin needs both chains: synthesis follows the scarcer one.
  const globinCapacityFactor = Math.min(alphaCapacity, nonAlpha);
  // Unpaired alpha chains precipitate in erythroblasts and kill them (ineffective erythropoiesis);
  // the death rate climbs steeply with the excess, so trait is barely touched (Rund & Rachmilewitz 2005).
  const alphaExcess = Math.max(0, 1 - nonAlpha / alphaCapacity);
  const unpairedChainDeathPerCycle = Math.min(0.9, p("erythropoiesis.unpairedAlphaDeathPerCycle") * alphaExcess ** 3);
  // HbH (β4) precipitates as inclusions, and so do alpha chains in thalassemia intermedia:
  // the spleen removes such cells at any age (extravascular hemolysis).
  const randomDestructionPerDay =
    (alpha === 1 ? p("circulation.hbhDestructionPerDay") : 0) +
    (hbb === "beta-intermedia" ? p("circulation.betaIntermediaDestructionPerDay") : 0);
  // HbA2 (α2δ2): δ-chain output is small and fixed, and rises in cis when β is defective;
  // it competes with β (and HbF's γ) for α. Normal 2.5 %, β-trait 4–6 %, lower in α-thalassemia.
  const deltaOutput = 0.025 * (betaCapacity < 1 ? p("erythropoiesis.deltaUpregulationBetaThal") : 1);
  const hba2Fraction = (deltaOutput / (betaCapacity + deltaOutput + gammaOutput)) * Math.sqrt(alphaCapacity);
  const alas2 = genotype.ALAS2 ?? "normal";
  const hemeCapacityFactor = alas2 === "loss" ? p("erythropoiesis.alas2LossHemeCapacity") : 1;
  const slc40a1 = genotype.SLC40A1 ?? "normal";
  const ferroportinCapacity = slc40a1 === "loss-of-function" ? p("iron.ferroportinLossOfFunctionCapacity") : 1;
  const ferroportinHepcidinResistance =
    slc40a1 === "hepcidin-resistant" ? p("hepcidin.ferroportinResistantFraction") : 0;
  const ironSensingFactor = (genotype.HFE ?? "normal") === "C282Y-homozygous" ? p("hepcidin.hfeC282YSensing") : 1;
  return {
    bmpFloor,
    ironSensingFactor,
    globinCapacityFactor,
    alphaChainCapacity: alphaCapacity,
    betaChainCapacity: betaCapacity,
    hemeCapacityFactor,
    randomDestructionPerDay,
    ferroportinCapacity,
    ferroportinHepcidinResistance,
    unpairedChainDeathPerCycle,
    hba2Fraction,
  };
}
