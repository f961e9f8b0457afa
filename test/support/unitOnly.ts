// Loaded first by `npm run test:unit` (.mocharc.unit.json): the fast loop runs the pure tests only;
// suites that need LibreOffice or the built dist/ skip themselves (see requireLibreOffice). Whole
// LibreOffice suites live in test/recalc/, outside the fast loop's spec.
process.env.IBN_UNIT_ONLY = "1";
