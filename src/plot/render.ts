/**
 * PNG rendering through resvg with the committed DejaVu Sans (no system
 * fonts, so the same SVG gives byte-identical PNGs on every machine). Node
 * only (a native module): the library's index leaves it out so pages can
 * import erythron in a browser. The native module is loaded on the first
 * render, not on import: `erythron run --no-plots` writes its files through
 * plot/write.ts without paying for it at start-up.
 */
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { Resvg } from "@resvg/resvg-js";
import { FONT_FAMILY } from "./theme.js";

let ResvgClass: typeof Resvg | undefined;

const FONT_DIR = fileURLToPath(new URL("../../assets/fonts/", import.meta.url));
export const FONT_FILES = [`${FONT_DIR}DejaVuSans.ttf`, `${FONT_DIR}DejaVuSans-Bold.ttf`];

function renderer(svg: string, scale: number): Resvg {
  ResvgClass ??= (createRequire(import.meta.url)("@resvg/resvg-js") as typeof import("@resvg/resvg-js")).Resvg;
  return new ResvgClass(svg, {
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
    fitTo: scale === 1 ? { mode: "original" } : { mode: "zoom", value: scale },
    background: "#ffffff",
  });
}

/** PNG bytes of an SVG figure at its own pixel size (`scale` 2 for print). */
export function svgToPng(svg: string, scale = 1): Uint8Array {
  return renderer(svg, scale).render().asPng();
}

/** Raw RGBA pixels of an SVG figure (for tests that look at the image). */
export function svgToRgba(svg: string): { width: number; height: number; pixels: Uint8Array } {
  const image = renderer(svg, 1).render();
  return { width: image.width, height: image.height, pixels: new Uint8Array(image.pixels) };
}
