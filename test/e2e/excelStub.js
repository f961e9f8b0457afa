/* global window */
// Stands in Excel.run for the built task pane: a workbook of value grids (window.__sheets, set by
// the test), read through the same calls the add-in makes; selections are recorded.
(function () {
  "use strict";
  function grid(name) {
    var rows = window.__sheets[name];
    var width = rows.reduce(function (w, r) {
      return Math.max(w, r.length);
    }, 1);
    return rows.map(function (r) {
      return Array.from({ length: width }, function (_, k) {
        return r[k] === undefined || r[k] === null ? "" : r[k];
      });
    });
  }
  function column(n) {
    var s = "";
    n += 1;
    while (n > 0) {
      var m = (n - 1) % 26;
      s = String.fromCharCode(65 + m) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  }
  function range(sheet, address) {
    return {
      address: sheet + "!" + address,
      worksheet: { activate: function () {} },
      format: {
        fill: {
          color: "#FFFFFF",
          load: function () {
            return this;
          },
          clear: function () {},
        },
      },
      select: function () {
        window.__selected = sheet + "!" + address;
      },
      load: function () {
        return this;
      },
    };
  }
  function worksheet(name) {
    return {
      name: name,
      activate: function () {},
      getRange: function (address) {
        return range(name, address);
      },
      getUsedRangeOrNullObject: function () {
        var values = grid(name);
        return {
          isNullObject: false,
          address: name + "!A1:" + column(values[0].length - 1) + values.length,
          values: values,
          load: function () {
            return this;
          },
        };
      },
    };
  }
  var settings = {};
  window.Excel = {
    run: function (body) {
      var context = {
        workbook: {
          worksheets: {
            items: [],
            load: function () {
              this.items = Object.keys(window.__sheets).map(worksheet);
              return this;
            },
            getItem: worksheet,
          },
          settings: {
            add: function (k, v) {
              settings[k] = v;
            },
            getItemOrNullObject: function (k) {
              return {
                isNullObject: !(k in settings),
                value: settings[k],
                load: function () {
                  return this;
                },
                delete: function () {
                  delete settings[k];
                },
              };
            },
          },
        },
        sync: function () {
          window.__syncs = (window.__syncs || 0) + 1;
          return Promise.resolve();
        },
      };
      return body(context);
    },
  };
})();
