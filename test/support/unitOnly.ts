// Loaded first by `npm run test:unit` (.mocharc.unit.json): the fast loop runs the pure tests only;
// suites that need LibreOffice or the built dist/ skip themselves (see requireLibreOffice).
process.env.IBN_UNIT_ONLY = "1";
