// The function reference: names and descriptions in the user's language, with a published example each.
import { FUNCTIONS_NL as nl } from "../core/locale";
import { el } from "./dom";
import { examples } from "./examples";
import type { Language, Strings } from "./strings";

interface FunctionText {
  name: string;
  description: string;
}

/** English names and descriptions come from the generated functions.json; Dutch from the table. */
async function functionTexts(lang: Language): Promise<Record<string, FunctionText>> {
  if (lang === "nl") return nl as Record<string, FunctionText>;
  const res = await fetch("functions.json");
  const meta = (await res.json()) as { functions: { id: string; name: string; description: string }[] };
  return Object.fromEntries(meta.functions.map((f) => [f.id, f]));
}

/** The numbers of a Dutch text ("2.903.670", "56,8%") with the separators of `locale`. */
export function localNumbers(text: string, locale: string): string {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  const group = parts.find((p) => p.type === "group")?.value ?? "";
  const decimal = parts.find((p) => p.type === "decimal")?.value ?? ".";
  return text.replace(/\d[\d.,]*\d/g, (n) => n.replace(/[.,]/g, (c) => (c === "." ? group : decimal)));
}

/** Dutch logical values in English: WAAR → TRUE (Excel's function language is the display language). */
const englishLogicals = (text: string) => text.replace(/\bWAAR\b/g, "TRUE").replace(/\bONWAAR\b/g, "FALSE");

/** Dutch number text to English: swap the thousands and decimal separators, WAAR → TRUE. */
export function toEnglishNumbers(text: string): string {
  return englishLogicals(localNumbers(text, "en-US"));
}

/** `numbers` is the locale of the results' numbers (Office's content language). */
export async function functionsView(lang: Language, t: Strings, numbers: string): Promise<HTMLElement> {
  const texts = await functionTexts(lang);
  const list = el("ul", { className: "functions", attrs: { "aria-label": t.functionsHeading } });
  for (const ex of examples) {
    const f = texts[ex.id];
    if (!f) continue;
    const formula =
      lang === "nl"
        ? ex.formula.replace(`IBN.${ex.id}(`, `IBN.${f.name}(`)
        : ex.formula.replace(/;/g, ",").replace(/(\d),(\d)/g, "$1.$2");
    const local = localNumbers(ex.result, numbers);
    const result = lang === "nl" ? local : englishLogicals(local);
    list.append(
      el(
        "li",
        {},
        el("div", { className: "name", textContent: `IBN.${f.name}` }),
        el("div", { className: "desc", textContent: f.description }),
        el("div", { title: t.example }, el("code", { textContent: formula }), ` → ${result}`),
      ),
    );
  }
  return el(
    "section",
    { attrs: { "aria-labelledby": "functions-heading" } },
    el("h2", { id: "functions-heading", textContent: t.functionsHeading }),
    el("p", { textContent: t.intro }),
    list,
    el("p", { className: "note", textContent: t.fractionsNote }),
  );
}
