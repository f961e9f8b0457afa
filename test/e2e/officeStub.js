/* global window, location, URLSearchParams */
// Served by test/e2e/dist.test.ts in place of Office.js from Microsoft's CDN. Stands in what the
// built page uses of Office: Office.onReady, the display language, and the CustomFunctions runtime
// (the same shape as test/support/customFunctionsStub.ts), recording what the bundle associates.
// Also stands in Excel's side of a call: window.__invoke(id, args) calls an associated function and
// returns its result as plain data, Excel errors as { code, message } (thrown or in a spilled cell).
//
// The test configures it before any page script runs (page.addInitScript):
//   window.__officeStubConfig = { displayLanguage: "nl-NL", errorCodes: { invalidValue: "#VALUE!", ... },
//                                 officeTheme: { bodyBackgroundColor: "#262626", ... } }
// Without a configured language, ?lang=... in the page URL is used, then "en-US".
(function () {
  "use strict";
  var config = window.__officeStubConfig || {};
  var displayLanguage = config.displayLanguage || new URLSearchParams(location.search).get("lang") || "en-US";

  class ExcelError extends Error {
    constructor(code, message) {
      super(message === undefined ? code : message);
      this.name = "CustomFunctions.Error";
      this.code = code;
    }
  }

  window.__associated = {};
  window.__associateCalls = [];

  window.Office = {
    context: {
      displayLanguage: displayLanguage,
      contentLanguage: config.contentLanguage,
      officeTheme: config.officeTheme,
      requirements: {
        isSetSupported: function () {
          return true;
        },
      },
    },
    onReady: function (callback) {
      var info = { host: "Excel", platform: "OfficeOnline" };
      return Promise.resolve().then(function () {
        if (callback) callback(info);
        return info;
      });
    },
  };

  window.CustomFunctions = {
    associate: function (id, fn) {
      window.__associateCalls.push(id);
      window.__associated[id] = fn;
    },
    Error: ExcelError,
    ErrorCode: config.errorCodes || {},
  };

  function plain(value) {
    if (value instanceof ExcelError) return { code: value.code, message: value.message };
    return Array.isArray(value) ? value.map(plain) : value;
  }

  window.__invoke = function (id, args) {
    var fn = window.__associated[id];
    if (typeof fn !== "function") return { unexpected: "no function associated with id " + id };
    try {
      return { value: plain(fn.apply(null, args)) };
    } catch (e) {
      if (e instanceof ExcelError) return { thrown: { code: e.code, message: e.message } };
      return { unexpected: String(e && e.stack ? e.stack : e) };
    }
  };
})();
