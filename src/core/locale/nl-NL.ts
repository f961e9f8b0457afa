// The Dutch (nl-NL) locale pack: what an Excel that shows Dutch calls the add-in's functions (their
// texts are in nl-NL.functions.json, which the webpack build also turns into functions.nl-NL.json),
// the built-in functions and constants the add-in writes, Excel's error values, and the separators.
import functions from "./nl-NL.functions.json";
import type { FunctionText, LocalePack } from "./pack";

export const NL_NL_PACK: LocalePack = {
  tag: "nl-NL",
  language: "nl",
  separators: { decimal: ",", list: ";" },
  functions: functions as Readonly<Record<string, FunctionText>>,
  builtins: {
    ABS: "ABS",
    AND: "EN",
    AVERAGE: "GEMIDDELDE",
    IF: "ALS",
    IFERROR: "ALS.FOUT",
    INT: "INTEGER",
    ISNUMBER: "ISGETAL",
    MAX: "MAX",
    MIN: "MIN",
    N: "N",
    NOT: "NIET",
    OR: "OF",
    ROUND: "AFRONDEN",
    ROW: "RIJ",
    SUM: "SOM",
    SUMPRODUCT: "SOMPRODUCT",
  },
  constants: { TRUE: "WAAR", FALSE: "ONWAAR" },
  errors: {
    "#DIV/0!": "#DEEL/0!",
    "#N/A": "#N/B",
    "#NAME?": "#NAAM?",
    "#VALUE!": "#WAARDE!",
    "#REF!": "#VERW!",
    "#NUM!": "#GETAL!",
    "#NULL!": "#LEEG!",
    "#SPILL!": "#OVERLOOP!",
  },
};

/** The add-in's functions in Dutch: id → name, description, result, parameters. */
export const FUNCTIONS_NL = NL_NL_PACK.functions;
