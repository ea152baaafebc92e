/**
 * Iron-loaded macrophages make more ferroportin. Erythrophagocytosis and iron loading
 * raise ferroportin mRNA and protein in macrophages (heme frees SLC40A1 transcription from
 * Bach1 via Nrf2; the macrophage-specific FPN1A transcript is also IRE-controlled), so a
 * macrophage that has been retaining iron for weeks exports more of what it recycles at the
 * same hepcidin (Knutson et al. Blood 2003;102:4191; Delaby et al. Blood 2005;106:3979;
 * Marro et al. J Immunol 2010;184:5252). Below the reference store nothing changes (the
 * IRP-controlled ferritin synthesis of iron.ts already handles scarce iron).
 *
 *   macrophage ferroportin made × max(1, store / store_ref)^β
 */
import { defineParameters, type ParameterValues, type PathsOf, param } from "../parameters/spec.js";
import type { Bound } from "./module.js";

/** The parameters this module reads. */
type Reads = MacrophageParameter;

export class MacrophageFerroportin implements Bound {
  private storeRef = 1;
  private exponent = 0;

  constructor(params: ParameterValues<Reads>) {
    this.bind(params);
  }

  bind(params: ParameterValues<Reads>): void {
    this.storeRef = param(params, "macrophage.ferroportinStoreReference");
    this.exponent = param(params, "macrophage.ferroportinStoreExponent");
  }

  /**
   * Ferroportin macrophages make relative to health, from their ferritin store (mg). With a
   * loss-of-function SLC40A1 allele (capacity < 1) the extra protein is made from both alleles and
   * the mutant holds the wild type back in the cell (dominant negative: De Domenico et al. PNAS
   * 2005;102:8955), so only the capacity's share of the extra reaches the membrane (assumed).
   */
  factor(storeMg: number, capacity = 1): number {
    if (this.exponent === 0 || !(storeMg > this.storeRef)) return 1;
    return 1 + ((storeMg / this.storeRef) ** this.exponent - 1) * capacity;
  }
}

// ── Parameters (gathered by src/engine/parameters.ts) ─────────────────────────
export const MACROPHAGE_PARAMETERS = defineParameters({
  "macrophage.ferroportinStoreReference": {
    unit: "mg",
    default: 400,
    description: "macrophage ferritin iron above which iron loading raises macrophage ferroportin",
    source:
      "above the macrophage store of a healthy man (~35 % of ~0.8 g storage iron, ref §2.1; ~300 mg where deposit meets mobilisation in iron.ts), so health and iron deficiency are untouched",
    min: 1,
    max: 100000,
    provenance: { kind: "assumed" },
  },
  "macrophage.ferroportinStoreExponent": {
    unit: "",
    default: 0.7,
    description: "log–log slope of macrophage ferroportin made against the macrophage iron store above the reference",
    source:
      "iron loading and erythrophagocytosis raise macrophage ferroportin (Knutson 2003 Blood 102:4191; Delaby 2005 Blood 106:3979); calibrated: ACD TSAT 10–20 % over months (Weiss & Goodnough 2005)",
    min: 0,
    max: 3,
    provenance: { kind: "calibrated", targets: ["acd-2005-tsat-chronic", "chronic-inflammation.tsat"] },
  },
});

export type MacrophageParameter = PathsOf<typeof MACROPHAGE_PARAMETERS>;
