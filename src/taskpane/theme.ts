// The pane's colours from Office's theme (Office.context.officeTheme): body and control colours as
// Office gives them, the accents (links, status colours) chosen per light or dark so that every text
// keeps a contrast of at least 4.5:1. Without a theme, taskpane.css follows prefers-color-scheme;
// Windows contrast themes (forced-colors) are handled in taskpane.css alone.

/** What the pane reads of Office.context.officeTheme (all optional: not every host gives it). */
export interface OfficeThemeColors {
  bodyBackgroundColor?: string;
  bodyForegroundColor?: string;
  controlBackgroundColor?: string;
  controlForegroundColor?: string;
}

type Rgb = [number, number, number];

export function parseColor(text: string | undefined): Rgb | undefined {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec((text ?? "").trim());
  if (!m) return undefined;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join("") : m[1];
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
}

const hex = (c: Rgb) => `#${c.map((v) => Math.round(v).toString(16).padStart(2, "0")).join("")}`;

/** WCAG relative luminance. */
function luminance(c: Rgb): number {
  const [r, g, b] = c.map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio, 1 to 21. */
export function contrast(a: Rgb, b: Rgb): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

/** `weight` of a, the rest of b. */
const mix = (a: Rgb, b: Rgb, weight: number): Rgb => a.map((v, i) => v * weight + b[i] * (1 - weight)) as Rgb;

const BLACK: Rgb = [0, 0, 0];
const WHITE: Rgb = [255, 255, 255];
const MIN_TEXT = 4.5;

/** The first colour with enough contrast on `bg`, else black or white, whichever reads better. */
function readable(bg: Rgb, ...candidates: (Rgb | undefined)[]): Rgb {
  for (const c of candidates) if (c && contrast(c, bg) >= MIN_TEXT) return c;
  return contrast(BLACK, bg) >= contrast(WHITE, bg) ? BLACK : WHITE;
}

/** The colour mixed from fg towards bg as far as contrast allows (for secondary text). */
function softened(fg: Rgb, bg: Rgb, weight: number): Rgb {
  for (let w = weight; w < 1; w += 0.04) {
    const c = mix(fg, bg, w);
    if (contrast(c, bg) >= MIN_TEXT) return c;
  }
  return fg;
}

/** Fluent 2 accents for text on light and on dark backgrounds. */
const ACCENTS = {
  light: { link: "#115ea3", accent: "#00666d", ok: "#0e700e", err: "#b10e1c", warn: "#9c4208", info: "#115ea3" },
  dark: { link: "#62abf5", accent: "#4fbfb4", ok: "#54b054", err: "#ee7b86", warn: "#faa06b", info: "#62abf5" },
} as const;

/**
 * CSS custom properties for an Office theme, or undefined when the theme is missing or unreadable
 * (then the stylesheet's own light/dark defaults apply).
 */
export function themeTokens(theme: OfficeThemeColors | undefined): Record<string, string> | undefined {
  const bg = parseColor(theme?.bodyBackgroundColor);
  if (!bg) return undefined;
  const fg = readable(bg, parseColor(theme?.bodyForegroundColor));
  const controlBg = parseColor(theme?.controlBackgroundColor) ?? bg;
  const controlFg = readable(controlBg, parseColor(theme?.controlForegroundColor), fg);
  const dark = luminance(bg) < luminance(fg);
  const subtle = mix(fg, bg, 0.08);
  const tokens: Record<string, string> = {
    "--bg": hex(bg),
    "--text": hex(fg),
    "--control-bg": hex(controlBg),
    "--control-fg": hex(controlFg),
    "--muted": hex(softened(fg, bg, 0.6)),
    "--stroke": hex(mix(fg, bg, 0.45)),
    "--divider": hex(mix(fg, bg, 0.15)),
    "--subtle": hex(subtle),
    "--track": hex(mix(fg, bg, 0.2)),
  };
  const own = ACCENTS[dark ? "dark" : "light"];
  const other = ACCENTS[dark ? "light" : "dark"];
  for (const key of Object.keys(own) as (keyof typeof own)[]) {
    // The accent is text both on the body and on its own tinted message background; where neither
    // accent reads on both, the text colour on an untinted background (fg always reads on bg).
    let tint = mix(parseColor(own[key])!, bg, 0.1);
    let color = [parseColor(own[key])!, parseColor(other[key])!].find(
      (c) => contrast(c, tint) >= MIN_TEXT && contrast(c, bg) >= MIN_TEXT,
    );
    if (!color) [color, tint] = [fg, bg];
    tokens[`--${key}`] = hex(color);
    tokens[`--${key}-bg`] = hex(tint);
    tokens[`--${key}-border`] = hex(mix(color, bg, 0.5));
  }
  tokens["--code-text"] = hex(readable(subtle, fg));
  return tokens;
}

/** Applies the Office theme to the page (the root element's custom properties), if there is one. */
export function applyTheme(root: HTMLElement, theme: OfficeThemeColors | undefined): void {
  const tokens = themeTokens(theme);
  if (!tokens) {
    root.removeAttribute("data-office-theme");
    return;
  }
  for (const [k, v] of Object.entries(tokens)) root.style.setProperty(k, v);
  const bg = parseColor(tokens["--bg"])!;
  const fg = parseColor(tokens["--text"])!;
  root.setAttribute("data-office-theme", luminance(bg) < luminance(fg) ? "dark" : "light");
}
