// Cucumber profiles. `book` is the main job (npm start): the book suite on the embedded simulator,
// writing every report to reports/. `test` is the same suite as npm test runs it, strict.
const common = {
  paths: ['features/**/*.feature'],
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
