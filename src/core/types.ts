/**
 * Types shared by every layer: who is simulated (sex, body size, age, stores)
 * and their genes. The scenario parser produces them; the body consumes them.
 */
export type Sex = "male" | "female";

export interface Subject {
  sex: Sex;
  weightKg: number;
  /** Optional; with it, blood volume follows Nadler's formula, otherwise mL/kg by sex. */
  heightCm?: number;
  /** Storage iron (macrophage + hepatocyte) at the start; default typical for sex. */
  storageIronMg?: number;
  /** Age, years (optional; default adult). Children absorb more of ingested lead. */
  ageYears?: number;
}

/** Genotype after parsing; omitted genes are wild type. */
export interface Genotype {
  TMPRSS6?: "wild-type" | "heterozygous-loss" | "homozygous-loss";
  alphaGlobinGenes?: 4 | 3 | 2 | 1;
  HBB?: "normal" | "beta-trait";
}
