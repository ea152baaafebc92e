/**
 * The body's iron outside the red-cell lineage, as compartments (mg), and the ledger of what
 * entered and left the body since the start: the balance check compares the two (model.md §2).
 */

export interface IronPools {
  /** Transferrin-bound plasma iron, mg. */
  plasma: number;
  /** Labile iron in transit through enterocytes (apical DMT1 to basolateral ferroportin), mg. */
  enterocyte: number;
  /** Iron the enterocytes put into ferritin ("mucosal block"): lost when they are shed, mg. */
  mucosalFerritin: number;
  /** Macrophage labile (recycling) iron, mg. */
  macrophageLabile: number;
  /** Macrophage ferritin/hemosiderin store, mg. */
  macrophageStore: number;
  /** Hepatocyte store, mg. */
  hepatocyte: number;
  /** Myoglobin, enzymes and other tissue iron, mg. */
  tissue: number;
  /** IV iron–carbohydrate complex inside macrophages, not yet freed, mg. */
  ivComplex: number;
}

/** What entered and left the body since the start, mg. */
export interface IronLedger {
  startMg: number;
  absorbedMg: number; // taken up into enterocytes from the gut lumen
  ivMg: number;
  transfusedMg: number;
  shedMg: number; // lost with shed enterocytes
  bloodLossMg: number;
  basalLossMg: number;
  /** Lost in urine (hemoglobinuria, hemosiderinuria from intravascular hemolysis). */
  urineLossMg: number;
  /** Iron carried across the placenta to fetus and placenta (a loss to the mother). */
  fetalMg: number;
}

export function newLedger(startMg: number): IronLedger {
  return {
    startMg,
    absorbedMg: 0,
    ivMg: 0,
    transfusedMg: 0,
    shedMg: 0,
    bloodLossMg: 0,
    basalLossMg: 0,
    urineLossMg: 0,
    fetalMg: 0,
  };
}

export function ledgerExpectedMg(l: IronLedger): number {
  // Fetal transfer last: 0 outside pregnancy, so other runs' sums are unchanged to the bit.
  return (
    l.startMg +
    l.absorbedMg +
    l.ivMg +
    l.transfusedMg -
    l.shedMg -
    l.bloodLossMg -
    l.basalLossMg -
    l.urineLossMg -
    l.fetalMg
  );
}

export function poolsTotalMg(p: IronPools): number {
  return (
    p.plasma +
    p.enterocyte +
    p.mucosalFerritin +
    p.macrophageLabile +
    p.macrophageStore +
    p.hepatocyte +
    p.tissue +
    p.ivComplex
  );
}
