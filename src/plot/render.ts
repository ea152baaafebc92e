/**
 * Rendering figures: PNG through resvg with the committed DejaVu Sans (no
 * system fonts, so the same SVG gives byte-identical PNGs on every machine),
 * and one self-contained HTML page (inline SVG, nothing loaded from a network).
 */
import { fileURLToPath } from "node:url";
import { Resvg } from "@resvg/resvg-js";
import { FONT_FAMILY } from "./theme.js";

const FONT_DIR = fileURLToPath(new URL("../../assets/fonts/", import.meta.url));
export const FONT_FILES = [`${FONT_DIR}DejaVuSans.ttf`, `${FONT_DIR}DejaVuSans-Bold.ttf`];

function renderer(svg: string, scale: number): Resvg {
  return new Resvg(svg, {
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

export interface NamedFigure {
  /** File stem, e.g. "cbc". */
  name: string;
  title: string;
  svg: string;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** One self-contained page holding every figure inline. */
export function figuresHtml(title: string, figures: readonly NamedFigure[]): string {
  const body = figures
    .map(
      (f) =>
        `<section id="${escapeHtml(f.name)}">\n<h2>${escapeHtml(f.title)}</h2>\n${f.svg.replace(/^<\?xml[^>]*>\s*/, "")}</section>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: "DejaVu Sans", Verdana, sans-serif; margin: 2rem auto; max-width: 940px; color: #222; background: #fff; }
h1 { font-size: 1.5rem; }
h2 { font-size: 1.1rem; margin-top: 2.5rem; }
svg { max-width: 100%; height: auto; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${body}
</body>
</html>
`;
}
