// Task-pane text in the user's language: example results read as an English or Dutch user expects.
import assert from "node:assert/strict";
import { toEnglishNumbers } from "../../src/taskpane/functionsView";
import { formatNumber, languageOf } from "../../src/taskpane/strings";

describe("task pane text", () => {
  it("English examples use English separators and TRUE", () => {
    assert.equal(toEnglishNumbers("2.903.670 (2023)"), "2,903,670 (2023)");
    assert.equal(toEnglishNumbers("56,8%"), "56.8%");
    assert.equal(toEnglishNumbers("WAAR"), "TRUE");
  });
  it("Dutch for nl-* display languages, English otherwise; amounts formatted per language", () => {
    assert.deepEqual(["nl-NL", "nl-BE", "en-US", "de-DE", undefined].map(languageOf), ["nl", "nl", "en", "en", "en"]);
    assert.match(formatNumber("nl", 2903670), /2\.903\.670/);
    assert.match(formatNumber("en", 2903670), /2,903,670/);
    assert.equal(formatNumber("en", 0.879, "pct"), "87.9%");
  });
});
