// Task pane: speaks the user's Office display language and lists the functions with published examples.
import nl from "../functions/translations.nl-NL.json";
import css from "./taskpane.css";
import { examples } from "./examples";
import { languageOf, strings, type Language } from "./strings";

interface FunctionText {
  name: string;
  description: string;
}

/** English names and descriptions come from the generated functions.json at run time; Dutch from the table. */
async function functionTexts(lang: Language): Promise<Record<string, FunctionText>> {
  if (lang === "nl") return nl as Record<string, FunctionText>;
  const res = await fetch("functions.json");
  const meta = (await res.json()) as { functions: { id: string; name: string; description: string }[] };
  return Object.fromEntries(meta.functions.map((f) => [f.id, f]));
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

export async function render(displayLanguage: string | undefined): Promise<void> {
  const lang = languageOf(displayLanguage);
  const t = strings[lang];
  document.documentElement.lang = lang;
  document.title = t.title;
  const texts = await functionTexts(lang);
  const app = document.getElementById("app")!;
  document.getElementById("title")!.textContent = t.title;
  document.getElementById("loading")?.remove();
  const list = el("ul", { className: "functions" });
  list.setAttribute("aria-label", t.functionsHeading);
  for (const ex of examples) {
    const f = texts[ex.id];
    if (!f) continue;
    const formula = lang === "nl" ? ex.formula.replace(`IBN.${ex.id}(`, `IBN.${f.name}(`) : ex.formula.replace(/;/g, ",").replace(/(\d),(\d)/g, "$1.$2");
    list.append(
      el(
        "li",
        {},
        el("div", { className: "name" }, `IBN.${f.name}`),
        el("div", { className: "desc" }, f.description),
        el("div", { title: t.example }, el("code", {}, formula), ` → ${lang === "nl" ? ex.result : ex.result.replace(/\./g, ",")}`),
      ),
    );
  }
  app.append(el("p", {}, t.intro), el("h2", {}, t.functionsHeading), list, el("p", { className: "note" }, t.fractionsNote));
}

const style = document.createElement("style");
style.textContent = css;
document.head.append(style);

Office.onReady(() => render(Office.context?.displayLanguage)).catch((e) => console.error(e));
