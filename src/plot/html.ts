/** One self-contained HTML page of figures: inline SVG, nothing loaded from a network. */

export interface NamedFigure {
  /** File stem, e.g. "cbc". */
  name: string;
  title: string;
  svg: string;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * Ids inside one SVG (clip paths) are unique only within it: on a page of
 * several figures, `url(#id)` would find the first figure's. Prefix them.
 */
function scopeIds(svg: string, scope: string): string {
  const prefix = `${scope.replace(/[^A-Za-z0-9_-]/g, "-")}--`;
  return svg.replace(/\bid="([^"]+)"/g, `id="${prefix}$1"`).replace(/url\(#([^)]+)\)/g, `url(#${prefix}$1)`);
}

/** One self-contained page holding every figure inline. */
export function figuresHtml(title: string, figures: readonly NamedFigure[]): string {
  const body = figures
    .map(
      (f) =>
        `<section id="${escapeHtml(f.name)}">\n<h2>${escapeHtml(f.title)}</h2>\n${scopeIds(f.svg, f.name)}</section>`,
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
