/** Running totals of daily fluxes, for checking against the physiology reference. */
export interface FluxTotals {
  days: number;
  redCellsReleased: number;
  macrophageRecycledMg: number;
  marrowUptakeMg: number;
  absorbedToPlasmaMg: number;
  shedMg: number;
  basalLossMg: number;
  ineffectiveCells: number;
  /** Σ cells × divisions over released cells: mean divisions = this / redCellsReleased. */
  divisionsReleased: number;
  /** Iron moved between pools, mg (the iron-economy figure balances every pool from these). */
  macrophageExportMg: number;
  hepatocyteExportMg: number;
  plasmaToHepatocyteMg: number;
  plasmaToTissueMg: number;
  /** Iron of erythroblasts dying in the marrow and of extruded nuclei, to macrophages. */
  marrowToMacrophageMg: number;
  /** Plasma (transferrin) iron lost with whole blood. */
  plasmaBledMg: number;
  /** Transfused iron in storage-damaged cells cleared by macrophages at once. */
  transfusionToMacrophageMg: number;
  /** Hemolysis: iron of free plasma Hb taken up by hepatocytes, and lost in urine. */
  hemolysisToHepatocyteMg: number;
  urineLossMg: number;
}

export function newFluxTotals(): FluxTotals {
  return {
    days: 0,
    redCellsReleased: 0,
    macrophageRecycledMg: 0,
    marrowUptakeMg: 0,
    absorbedToPlasmaMg: 0,
    shedMg: 0,
    basalLossMg: 0,
    ineffectiveCells: 0,
    divisionsReleased: 0,
    macrophageExportMg: 0,
    hepatocyteExportMg: 0,
    plasmaToHepatocyteMg: 0,
    plasmaToTissueMg: 0,
    marrowToMacrophageMg: 0,
    plasmaBledMg: 0,
    transfusionToMacrophageMg: 0,
    hemolysisToHepatocyteMg: 0,
    urineLossMg: 0,
  };
}
