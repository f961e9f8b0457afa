/* global window, location, URLSearchParams */
// Stands in Office.js for the built page: Office.onReady, the display language, and the
// CustomFunctions runtime that records what the bundle associates.
(function () {
  var lang = new URLSearchParams(location.search).get("lang") || "en-US";
  window.__associated = {};
  window.Office = {
    context: { displayLanguage: lang, requirements: { isSetSupported: function () { return true; } } },
    onReady: function (cb) {
      var info = { host: "Excel", platform: "OfficeOnline" };
      return Promise.resolve().then(function () { if (cb) cb(info); return info; });
    },
  };
  function ExcelError(code, message) { this.code = code; this.message = message || code; }
  window.CustomFunctions = {
    associate: function (id, fn) { window.__associated[id] = fn; },
    Error: ExcelError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!", nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!" },
  };
})();
