/**
 * Erythropoiesis-stimulating agent (epoetin): a subcutaneous depot absorbed
 * first order (apparent SC half-life ~19 h, bioavailability ~30 %) into plasma,
 * from which it is eliminated with the IV half-life (~4–9 h), over a volume of
 * distribution near the plasma volume (ref §4.1). It adds to the kidney's EPO
 * at the marrow: the kidney keeps regulating its own production.
 * Amounts in IU; 1 IU/L = 1 mU/mL.
 */
import { defineParameters, type ParameterValues, type PathsOf, param } from "../parameters/spec.js";
import type { PhysiologyModule } from "./module.js";

/** The parameters this module reads. */
type Reads = EsaParameter;

export class Epoetin implements PhysiologyModule {
  depotIu = 0;
  plasmaIu = 0;
  private ka = 0; // per h
  private ke = 0; // per h
  private bioavailability = 0;
  private volumeL = 1;

  constructor(
    params: ParameterValues<Reads>,
    private readonly weightKg: number,
  ) {
    this.bind(params);
  }

  bind(params: ParameterValues<Reads>): void {
    const p = (k: Reads) => param(params, k);
    this.ka = Math.LN2 / p("esa.subcutaneousAbsorptionHalfLife");
    this.ke = Math.LN2 / p("esa.intravenousHalfLife");
    this.bioavailability = p("esa.subcutaneousBioavailability");
    this.volumeL = (p("esa.distributionVolumePerKg") * this.weightKg) / 1000;
  }

  dose(iu: number, route: "subcutaneous" | "intravenous"): void {
    if (route === "intravenous") this.plasmaIu += iu;
    else this.depotIu += iu * this.bioavailability;
  }

  /** Exogenous EPO in plasma, mU/mL. */
  plasmaMuPerMl(): number {
    return this.plasmaIu / this.volumeL;
  }

  /** Exact solution of the linear depot → plasma → elimination chain over dt hours. */
  step(dtH: number): void {
    if (this.depotIu === 0 && this.plasmaIu === 0) return;
    const ea = Math.exp(-this.ka * dtH);
    const ee = Math.exp(-this.ke * dtH);
    const d0 = this.depotIu;
    const fromDepot =
      Math.abs(this.ka - this.ke) > 1e-12
        ? ((d0 * this.ka) / (this.ke - this.ka)) * (ea - ee)
        : d0 * this.ka * dtH * ee;
    this.plasmaIu = this.plasmaIu * ee + fromDepot;
    this.depotIu = d0 * ea;
    if (this.depotIu < 1e-9) this.depotIu = 0;
    if (this.plasmaIu < 1e-9) this.plasmaIu = 0;
  }
}

// ── Parameters (gathered by src/engine/parameters.ts) ─────────────────────────
export const ESA_PARAMETERS = defineParameters({
  "esa.intravenousHalfLife": {
    unit: "h",
    default: 6,
    description: "plasma half-life of epoetin given intravenously",
    source: "~4 h healthy, 6.5–12.7 h renal failure (ref §4.1)",
    min: 0.5,
    max: 200,
    provenance: { kind: "measured" },
  },
  "esa.subcutaneousBioavailability": {
    unit: "",
    default: 0.3,
    description: "fraction of a subcutaneous epoetin dose reaching plasma",
    source: "SC bioavailability ~20–40 % (epoetin label, R)",
    min: 0,
    max: 1,
    provenance: { kind: "measured" },
  },
  "esa.subcutaneousAbsorptionHalfLife": {
    unit: "h",
    default: 19,
    description: "half-life of absorption from the subcutaneous depot (sets the apparent SC half-life)",
    source: "SC apparent half-life 19.4 ± 8.1 h (ref §4.1)",
    min: 0.5,
    max: 500,
    provenance: { kind: "measured" },
  },
  "esa.distributionVolumePerKg": {
    unit: "mL/kg",
    default: 45,
    description: "volume of distribution of epoetin per kg (about the plasma volume)",
    source: "Vd ≈ plasma volume (ref §4.1)",
    min: 1,
    max: 1000,
    provenance: { kind: "measured" },
  },
});

export type EsaParameter = PathsOf<typeof ESA_PARAMETERS>;
