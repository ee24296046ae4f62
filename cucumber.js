// Cucumber profiles. `book` is the main job (npm start): the book suite on the embedded simulator,
// writing every report to reports/. `test` is the same suite as npm test runs it, strict.
// No `paths`: cucumber's default is features/**/*.feature, and paths given on the command line then
// narrow the run (a profile's paths would be merged with them, running everything).
const common = {
  requireModule: ['ts-node/register'],
  require: ['support/**/!(*.test|*.prop).ts', 'steps/**/!(*.test|*.prop).ts'],
  strict: true,
  format: [
    'progress',
    'junit:reports/junit.xml',
    'html:reports/cucumber.html',
    'message:reports/cucumber.ndjson',
    './support/conformance/formatter.js:reports/conformance.json',
  ],
  formatOptions: { snippetInterface: 'synchronous' },
};

module.exports = {
  default: common,
  book: common,
  test: common,
};
