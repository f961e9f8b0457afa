// Task-pane text in the user's language: example results read as an English or Dutch user expects;
// errors and progress in words from the string tables; the theme's colours readable.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { AddinError, valueError } from "../../src/core/errors";
import { argumentLabel } from "../../src/core/proposal/argumentLabel";
import { localNumbers, toEnglishNumbers } from "../../src/taskpane/functionsView";
import {
  describeError,
  describeProblem,
  formatNumber,
  languageOf,
  numberLocale,
  progressText,
  strings,
  type Strings,
} from "../../src/taskpane/strings";
import { contrast, parseColor, themeTokens } from "../../src/taskpane/theme";

describe("task pane text", () => {
  it("English examples use English separators and TRUE", () => {
    assert.equal(toEnglishNumbers("2.903.670 (2023)"), "2,903,670 (2023)");
    assert.equal(toEnglishNumbers("56,8%"), "56.8%");
    assert.equal(toEnglishNumbers("WAAR"), "TRUE");
    // The examples' results in Office's content language; a year stays a year.
    assert.equal(localNumbers("2.903.670 (2023)", "nl-NL"), "2.903.670 (2023)");
    assert.equal(localNumbers("192.293 … 1.234.599", "en-GB"), "192,293 … 1,234,599");
    assert.equal(localNumbers("87,9%", "de-CH"), "87.9%");
    assert.equal(localNumbers("3 × 5", "en-US"), "3 × 5");
  });
  it("Dutch for nl-* display languages, English otherwise; amounts formatted per language", () => {
    assert.deepEqual(["nl-NL", "nl-BE", "en-US", "de-DE", undefined].map(languageOf), ["nl", "nl", "en", "en", "en"]);
    assert.match(formatNumber("nl", 2903670), /2\.903\.670/);
    assert.match(formatNumber("en", 2903670), /2,903,670/);
    assert.equal(formatNumber("en", 0.879, "pct"), "87.9%");
  });
});

// ---------------------------------------------------------------------------------------------
// One language: every key in both tables, typed errors and progress in words, never English in Dutch

const shape = (v: unknown): unknown =>
  v && typeof v === "object"
    ? Object.fromEntries(
        Object.entries(v)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, x]) => [k, shape(x)]),
      )
    : typeof v === "function"
      ? "function"
      : typeof v;

describe("task pane in one language", () => {
  it("the Dutch and English tables have the same keys, the same shape", () => {
    // `note` is a function in Dutch and absent (the command's English default) in English.
    const withoutNote = (t: Strings) => ({ ...t, shareSafe: { ...t.shareSafe, note: undefined } });
    assert.deepEqual(shape(withoutNote(strings.en)), shape(withoutNote(strings.nl)));
  });

  it("typed errors in the user's words, with their parameters", () => {
    const e = new AddinError("write.occupied", { cell: "Blad1!B3" });
    assert.equal(
      describeError(strings.nl, e),
      "Niets geschreven: Blad1!B3 is niet leeg. Kies een leeg gebied of kies voor overschrijven.",
    );
    assert.match(describeError(strings.en, e), /^Not written: Blad1!B3 is not empty/);
    // Office.js errors carry a code too.
    const office = Object.assign(new Error("The cell is being edited."), { code: "InvalidOperationInCellEditMode" });
    assert.match(describeError(strings.nl, office), /Excel is bezig met het bewerken van een cel/);
  });

  it("an unknown code or an untyped error: the generic sentence with the code, never the English message in Dutch", () => {
    // A code from outside (a newer Office.js, say) that no table knows.
    const unknown = Object.assign(new Error("An English sentence nobody translated."), { code: "some.newCode" });
    assert.equal(
      describeError(strings.nl, unknown),
      "Er ging iets mis (some.newCode). Probeer het opnieuw; gebeurt het weer, meld dan deze code aan uw beheerder.",
    );
    assert.match(describeError(strings.en, unknown), /^Something went wrong \(some\.newCode\)/);
    const plain = new Error("Undo would remove every sheet of the workbook; add a sheet of your own first.");
    assert.doesNotMatch(describeError(strings.nl, plain), /Undo|sheet/);
    assert.match(describeError(strings.nl, plain), /\(unknown\)/);
    assert.match(describeError(strings.nl, new TypeError("x is undefined")), /\(TypeError\)/);
    assert.match(describeError(strings.nl, "a string"), /\(unknown\)/);
  });

  it("an InputError names the input as the user reads it, in the sentence of its code", () => {
    const e = valueError("addedValue.demandDrivenShare", "input.tooLarge", { index: 1, value: 15, max: 1 });
    assert.equal(describeError(strings.nl, e), "Aandeel vraaggestuurd: waarde 1 is 15; dat mag hoogstens 1 zijn.");
    assert.equal(e.message, "addedValue.demandDrivenShare: value 1 is 15; expected at most 1.");
    // With the input's label, in the pane's language.
    const typed = valueError("addedValue.uplift", "input.notFraction", {
      value: 15,
      percent: 15,
      fraction: 0.15,
    });
    assert.equal(
      describeError(strings.nl, typed),
      "Effect hogere toegevoegde waarde (TW): 15 is geen fractie: bedoelde u 15 %? Vul 15% of 0,15 in.",
    );
    assert.equal(argumentLabel("nl", "P-budget of Ede"), "P-budget Ede");
    assert.equal(argumentLabel("nl", "occupancy.wsw"), "Bezetting doelgroep (fte's)");
    assert.equal(argumentLabel("en", "unknownField"), "unknownField");
  });

  it("input-reader problems: typed ones in words, untyped English ones never in the Dutch pane", () => {
    assert.equal(
      describeProblem(strings.nl, { code: "read.noNumber", params: { label: "Basisjaar" } }),
      'Naast "Basisjaar" staat geen getal.',
    );
    assert.equal(
      describeProblem(strings.nl, 'no row labelled "Basisjaar" (or "Base year")'),
      strings.nl.errors.problem,
    );
    assert.equal(describeProblem(strings.en, 'no row labelled "Basisjaar"'), 'no row labelled "Basisjaar"');
  });

  it("every phase the Office.js writer reports has words in both languages", () => {
    const source = fs.readFileSync(path.join(__dirname, "../../src/excel/officeWriter.ts"), "utf8");
    const phases = [...source.matchAll(/progress\([^,()]+,\s*"([^"]+)"\)/g)].map((m) => m[1]);
    assert.ok(phases.includes("inspect") && phases.includes("done"), `phases found: ${phases.join(", ")}`);
    for (const lang of ["nl", "en"] as const)
      assert.deepEqual(
        phases.filter((ph) => !strings[lang].proposal.phases[ph]),
        [],
        `phases without ${lang} words`,
      );
  });

  it("progress: the writer's phases and sheet names in words; anything else is just 'writing'", () => {
    const sheets = ["Invoer", "Lumpsum"];
    assert.equal(progressText(strings.nl, "inspect", sheets), "Werkmap bekijken");
    assert.equal(progressText(strings.nl, "names", sheets), "Namen toevoegen");
    assert.equal(progressText(strings.en, "charts", sheets), "Adding the chart");
    assert.equal(progressText(strings.nl, "sync", sheets), "Opslaan in Excel");
    assert.equal(progressText(strings.nl, "done", sheets), "Klaar");
    assert.equal(progressText(strings.nl, "Lumpsum", sheets), 'Blad "Lumpsum" schrijven');
    assert.equal(progressText(strings.nl, "Lumpsum (2)", sheets), 'Blad "Lumpsum (2)" schrijven');
    assert.equal(progressText(strings.nl, "verify", sheets), "Bezig met schrijven");
    assert.equal(progressText(strings.en, "", sheets), "Writing");
  });
});

// ---------------------------------------------------------------------------------------------
// Theme: Office's colours, every text at 4.5:1 or more

describe("task pane theme from Office.context.officeTheme", () => {
  const THEMES = {
    white: {
      bodyBackgroundColor: "#FFFFFF",
      bodyForegroundColor: "#262626",
      controlBackgroundColor: "#FFFFFF",
      controlForegroundColor: "#262626",
    },
    black: {
      bodyBackgroundColor: "#262626",
      bodyForegroundColor: "#FFFFFF",
      controlBackgroundColor: "#363636",
      controlForegroundColor: "#FFFFFF",
    },
    darkGray: {
      bodyBackgroundColor: "#666666",
      bodyForegroundColor: "#FFFFFF",
      controlBackgroundColor: "#444444",
      controlForegroundColor: "#FFFFFF",
    },
    colorful: {
      bodyBackgroundColor: "#F3F3F3",
      bodyForegroundColor: "#000000",
      controlBackgroundColor: "#FFFFFF",
      controlForegroundColor: "#000000",
    },
    // A host that gives unreadable colours: the pane still reads.
    poor: {
      bodyBackgroundColor: "#777777",
      bodyForegroundColor: "#888888",
      controlBackgroundColor: "#777777",
      controlForegroundColor: "#7A7A7A",
    },
  };
  const c = (t: Record<string, string>, a: string, b: string) => contrast(parseColor(t[a])!, parseColor(t[b])!);

  for (const [name, theme] of Object.entries(THEMES)) {
    it(`${name}: body and control colours from Office, every text colour at 4.5:1 or more`, () => {
      const t = themeTokens(theme)!;
      assert.equal(t["--bg"], theme.bodyBackgroundColor.toLowerCase());
      if (name !== "poor") assert.equal(t["--text"], theme.bodyForegroundColor.toLowerCase());
      assert.ok(c(t, "--text", "--bg") >= 4.5);
      assert.ok(c(t, "--control-fg", "--control-bg") >= 4.5);
      assert.ok(c(t, "--muted", "--bg") >= 4.5, `muted ${t["--muted"]}`);
      assert.ok(c(t, "--code-text", "--subtle") >= 4.5);
      for (const k of ["link", "accent", "ok", "err", "warn", "info"]) {
        assert.ok(c(t, `--${k}`, "--bg") >= 4.5, `${k} ${t[`--${k}`]} on the body`);
        assert.ok(c(t, `--${k}`, `--${k}-bg`) >= 4.5, `${k} ${t[`--${k}`]} on its message background`);
      }
    });
  }

  it("no theme, or an unreadable one: the stylesheet's own light and dark colours", () => {
    assert.equal(themeTokens(undefined), undefined);
    assert.equal(themeTokens({ bodyBackgroundColor: "white" }), undefined);
    assert.deepEqual(parseColor("#abc"), [170, 187, 204]);
  });
});

// ---------------------------------------------------------------------------------------------
// Counts with the language's plural rules; numbers in Office's content language (issue 13)

describe("task pane counts and numbers", () => {
  it("one is singular, every other count plural, by Intl.PluralRules", () => {
    assert.equal(strings.nl.check.findings(1, 1), "1 bevinding, 1 waarschuwing");
    assert.equal(strings.nl.check.findings(14, 7), "14 bevindingen, 7 waarschuwingen");
    assert.equal(strings.nl.check.tables(1), "1 tabel gevonden");
    assert.equal(strings.en.check.tables(0), "0 tables found");
    assert.equal(strings.nl.shareSafe.native(1), "1 cel omgezet naar gewone formules");
    assert.equal(strings.en.shareSafe.frozen(1), "1 cell replaced by its value (with a note)");
    assert.equal(strings.nl.proposal.undone(1, 2), "1 blad en 2 namen verwijderd.");
    assert.equal(strings.en.proposal.undone(6, 1), "Removed 6 sheets and 1 name.");
    assert.equal(strings.nl.proposal.readMunicipalities(["Oss"]), "1 gemeente (Oss)");
    assert.equal(strings.en.shareSafe.undone(1), "Conversion undone: 1 cell has its IBN formula back.");
  });

  it("no pane sentence says '1 cellen', 'bevinding(en)' or 'probleem/problemen'", () => {
    const plurals = {
      nl: /\b1 (gedefinieerde )?(cellen|bladen|namen|tabellen|bevindingen|waarschuwingen|notities|kostenregels|gemeenten)\b/,
      en: /\b1 (defined )?(cells|sheets|names|tables|findings|warnings|notes|cost lines|municipalities)\b/,
    };
    for (const lang of ["nl", "en"] as const) {
      const texts: string[] = [];
      const walk = (v: unknown): void => {
        if (typeof v === "string") texts.push(v);
        else if (typeof v === "function")
          try {
            const r = (v as (...a: unknown[]) => unknown)(...Array<number>(Math.max(v.length, 1)).fill(1));
            if (typeof r === "string") texts.push(r);
          } catch {
            /* takes no numbers */
          }
        else if (v && typeof v === "object") Object.values(v).forEach(walk);
      };
      walk({ ...strings[lang], errors: undefined }); // the error sentences are the core's
      assert.ok(texts.length > 100);
      assert.deepEqual(
        texts.filter((x) => plurals[lang].test(x) || /\w\((en|s)\)|\w\/\w+en\b/.test(x)),
        [],
      );
    }
  });

  it("amounts and percentages in Office's content language, words in the display language", () => {
    assert.equal(numberLocale("de-DE", "en"), "de-DE");
    assert.equal(numberLocale("en-GB", "nl"), "en-GB");
    assert.equal(numberLocale(undefined, "nl"), "nl-NL");
    assert.equal(numberLocale("", "en"), "en-US");
    assert.equal(numberLocale("not a language!", "nl"), "nl-NL");
    assert.match(formatNumber(numberLocale("de-DE", "en"), 2903670), /^2\.903\.670\s€$/);
    assert.equal(formatNumber(numberLocale("en-GB", "nl"), 0.879, "pct"), "87.9%");
    assert.match(formatNumber(numberLocale("nl-NL", "en"), 0.568, "pct"), /^56,8\s?%$/);
  });
});
