// Loaded first by `npm run test:unit` (.mocharc.unit.json): the fast loop runs the pure tests only;
// the LibreOffice suites live in test/recalc/, outside its spec, and suites that need the built dist/
// skip themselves (a LibreOffice suite put back here would too: see requireLibreOffice).
process.env.IBN_UNIT_ONLY = "1";
