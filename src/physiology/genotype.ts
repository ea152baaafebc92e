/**
 * Genes a scenario may name, their variants, and what each variant changes.
 * A genotype enters the body only as causes (model.md §4): a floor under the BMP
 * arm of hepcidin, a globin-synthesis capacity, a red-cell survival factor.
 * The sizes of those effects are model parameters (so sweeps can vary them).
 */
import { defineParameters, type ParameterValues, type PathsOf, param } from "../parameters/spec.js";

/** The parameters this module reads. */
type Reads = GenotypeParameter;

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
  params: ParameterValues<Reads>,
): GenotypeEffects {
  const p = (k: Reads) => param(params, k);
  const tmprss6 = genotype.TMPRSS6 ?? "wild-type";
  const bmpFloor =
    tmprss6 === "homozygous-loss"
      ? p("hepcidin.tmprss6HomozygousLossFloor")
      : tmprss6 === "heterozygous-loss"
        ? p("hepcidin.tmprss6HeterozygousLossFloor")
        : 0;
  const alpha = Number(genotype.alphaGlobinGenes ?? 4);
  const alphaCapacity = alpha >= 4 ? 1 : p(`erythropoiesis.alphaGlobinCapacity${alpha as 3 | 2 | 1}Genes`);
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

// ── Parameters (gathered by src/engine/parameters.ts) ─────────────────────────
export const GENOTYPE_PARAMETERS = defineParameters({
  "hepcidin.tmprss6HomozygousLossFloor": {
    unit: "",
    default: 5,
    description:
      "BMP–SMAD signal (reference units) left when matriptase-2 is absent: uncleaved hemojuvelin keeps signalling however low iron falls",
    source:
      "calibrated: hepcidin not suppressed with TSAT < 10 % (Finberg 2008 Nat Genet 40:569; De Falco 2013 Haematologica 98:845); TSAT/hepcidin 0.13–1.0 %/nM in bi-allelic IRIDA (Donker 2016 Am J Hematol 91:E482); a lifelong steady state, absorption = losses, at the published stores (ferritin median 93 µg/L: van der Staaij 2022 Int J Mol Sci 23:1917, Table 1A): the floor is set so that the gut takes no more than the losses there (oral iron absorption test flat in bi-allelic IRIDA: Donker 2016)",
    min: 0,
    max: 100,
    provenance: {
      kind: "calibrated",
      targets: ["irida.tsat", "irida.hepcidin", "signature:test/signatures-causes.test.ts"],
    },
  },
  "hepcidin.tmprss6HeterozygousLossFloor": {
    unit: "",
    default: 0.8,
    description: "BMP–SMAD floor (reference units) with one TMPRSS6 allele lost",
    source: "mono-allelic patients milder and later (Donker 2016, ref §5b), calibrated",
    min: 0,
    max: 100,
    provenance: { kind: "calibrated", targets: ["signature:test/signatures-causes.test.ts"] },
  },
  "erythropoiesis.alphaGlobinCapacity3Genes": {
    unit: "",
    default: 0.92,
    description: "globin synthesis capacity with 3 working alpha genes (silent carrier), relative to 4",
    source: "silent carriers near-normal MCV (ref §5e, R), calibrated",
    min: 0,
    max: 1,
    provenance: { kind: "calibrated", targets: ["signature:test/signatures-genotypes.test.ts"] },
  },
  "erythropoiesis.alphaGlobinCapacity2Genes": {
    unit: "",
    default: 0.84,
    description: "globin synthesis capacity with 2 working alpha genes (alpha-thalassemia trait)",
    source: "calibrated: MCV ~70–80 fL, Hb normal or −1 to −1.5 g/dL (ref §5e)",
    min: 0,
    max: 1,
    provenance: { kind: "calibrated", targets: ["signature:test/signatures-genotypes.test.ts"] },
  },
  "erythropoiesis.alphaGlobinCapacity1Genes": {
    unit: "",
    default: 0.55,
    description: "globin synthesis capacity with 1 working alpha gene (HbH disease)",
    source: "HbH MCV ~55–65 fL (R), calibrated",
    min: 0,
    max: 1,
    provenance: { kind: "calibrated", targets: ["signature:test/signatures-genotypes.test.ts"] },
  },
  "erythropoiesis.betaTraitGlobinCapacity": {
    unit: "",
    default: 0.7,
    description: "globin synthesis capacity with one defective beta allele (beta-thalassemia trait)",
    source: "calibrated: MCV 60–72 fL, RBC > 5.5, Hb 10–14 (PMC10444720 Table 2; ref §5e)",
    min: 0,
    max: 1,
    provenance: { kind: "calibrated", targets: ["beta-trait.mentzer"] },
  },
  "erythropoiesis.betaIntermediaGlobinCapacity": {
    unit: "",
    default: 0.35,
    description: "beta-chain output in thalassemia intermedia (two mild beta+ alleles), relative to normal",
    source: "calibrated: untransfused Hb 7–10 g/dL, MCV 55–70 fL (Taher et al. Lancet 2018; Musallam 2012)",
    min: 0,
    max: 1,
    provenance: { kind: "calibrated", targets: ["signature:test/signatures-genotypes.test.ts"] },
  },
  "erythropoiesis.unpairedAlphaDeathPerCycle": {
    unit: "",
    default: 0.8,
    description:
      "erythroblast death per cycle per (alpha excess)³: unpaired alpha chains precipitate (ineffective erythropoiesis)",
    source:
      "calibrated: most erythroblasts die in the marrow in severe beta-thalassemia (Finch 1970; Rund & Rachmilewitz NEJM 2005), few in trait",
    min: 0,
    max: 10,
    provenance: { kind: "calibrated", targets: ["signature:test/signatures-genotypes.test.ts"] },
  },
  "circulation.betaIntermediaDestructionPerDay": {
    unit: "1/day",
    default: 0.008,
    description: "age-independent red-cell destruction in thalassemia intermedia (alpha-chain inclusions)",
    source: "red-cell survival shortened in thalassemia intermedia (R; Rund & Rachmilewitz 2005), calibrated",
    min: 0,
    max: 1,
    provenance: { kind: "calibrated", targets: ["signature:test/signatures-genotypes.test.ts"] },
  },
  "erythropoiesis.deltaUpregulationBetaThal": {
    unit: "",
    default: 1.3,
    description: "delta-chain output relative to normal when a beta allele is defective (cis upregulation)",
    source: "calibrated: HbA2 4–6 % in beta-thalassemia trait vs 2.5 % normal (ref §5e; Steinberg 2001)",
    min: 0,
    max: 10,
    provenance: { kind: "calibrated", targets: ["beta-trait.hba2"] },
  },
  "erythropoiesis.gammaOutputBetaIntermedia": {
    unit: "",
    default: 0.2,
    description: "gamma-chain (HbF) output relative to normal beta in thalassemia intermedia",
    source: "HbF 10–50 % of hemoglobin in thalassemia intermedia (Taher 2018), calibrated",
    min: 0,
    max: 2,
    provenance: { kind: "calibrated", targets: ["signature:test/signatures-genotypes.test.ts"] },
  },
  "erythropoiesis.alas2LossHemeCapacity": {
    unit: "",
    default: 0.5,
    description:
      "erythroid heme synthesis capacity with an ALAS2 loss-of-function variant (X-linked sideroblastic anemia)",
    source:
      "calibrated: Hb 7–12 g/dL, MCV 60–75 fL, ring sideroblasts > 15 %, iron loading (Bottomley & Fleming 2014; Ducamp & Fleming 2019)",
    min: 0,
    max: 1,
    provenance: { kind: "calibrated", targets: ["signature:test/signatures-genotypes.test.ts"] },
  },
  "iron.ferroportinLossOfFunctionCapacity": {
    unit: "",
    default: 0.4,
    description:
      "macrophage and hepatocyte ferroportin export with a loss-of-function SLC40A1 variant (ferroportin disease A)",
    source:
      "dominant-negative/haploinsufficient ferroportin: macrophage iron retention, high ferritin with low-normal TSAT (Pietrangelo NEJM 2004; Mayr 2010), calibrated",
    min: 0,
    max: 1,
    provenance: { kind: "calibrated", targets: ["signature:test/signatures-genotypes.test.ts"] },
  },
  "hepcidin.ferroportinResistantFraction": {
    unit: "",
    default: 0.85,
    description:
      "fraction of ferroportin that hepcidin cannot remove with a gain-of-function SLC40A1 variant (ferroportin disease B)",
    source:
      "C326S-type ferroportin binds hepcidin poorly: high TSAT and parenchymal iron loading despite high hepcidin (Fernandes 2009; Pietrangelo 2017), calibrated",
    min: 0,
    max: 1,
    provenance: { kind: "calibrated", targets: ["signature:test/signatures-genotypes.test.ts"] },
  },
  "hepcidin.hfeC282YSensing": {
    unit: "",
    default: 0.2,
    description:
      "iron-sensing (BMP × holo-transferrin) arm of hepcidin with HFE C282Y homozygosity, relative to normal",
    source:
      "hepcidin inappropriately low for iron stores in HFE hemochromatosis (hepcidin/ferritin ratio ~3-fold down: Piperno 2007; van Dijk 2008), calibrated",
    min: 0,
    max: 1,
    provenance: { kind: "calibrated", targets: ["hfe.tsat"] },
  },
  "circulation.hbhDestructionPerDay": {
    unit: "1/day",
    default: 0.015,
    description: "age-independent red-cell destruction in HbH disease (beta-4 inclusions removed by the spleen)",
    source:
      "HbH: chronic hemolysis, Hb 7–10 g/dL, reticulocytes 3–6 %, red-cell survival about half normal (Chui et al. Blood 2003; Fucharoen & Viprakasit 2009), calibrated",
    min: 0,
    max: 1,
    provenance: { kind: "calibrated", targets: ["signature:test/signatures-genotypes.test.ts"] },
  },
});

export type GenotypeParameter = PathsOf<typeof GENOTYPE_PARAMETERS>;
