import { Then, type DataTable } from '@cucumber/cucumber';
import type { SimWorld } from '../support/world';
import { assertCommandFailed, assertCommandSucceeded, assertExitCode } from '../support/outcomes';
import { expectErrorOutput, expectNoErrorOutput, expectOutput, expectTable } from '../support/output';

// What the last command printed: text, lines, kubectl tables, errors.

Then('the command succeeds', function (this: SimWorld) {
  assertCommandSucceeded(this);
});

// example: Then the command exits with code 1
Then('the command exits with code {int}', function (this: SimWorld, code: number) {
  assertExitCode(this, code);
});

Then('the command fails with:', function (this: SimWorld, text: string) {
  assertCommandFailed(this, text);
});

// example: Then the command fails with "No such file or directory"
Then('the command fails with {string}', function (this: SimWorld, text: string) {
  assertCommandFailed(this, text);
});

Then('the output contains:', function (this: SimWorld, text: string) {
  expectOutput(this, 'contains', text);
});

Then('the output contains {string}', function (this: SimWorld, text: string) {
  expectOutput(this, 'contains', text);
});

Then('the output does not contain {string}', function (this: SimWorld, text: string) {
  expectOutput(this, 'lacks', text);
});

Then('the output is:', function (this: SimWorld, text: string) {
  expectOutput(this, 'is', text);
});

Then('the output has a line matching {string}', function (this: SimWorld, pattern: string) {
  expectOutput(this, 'line', pattern);
});

Then('the output has no line matching {string}', function (this: SimWorld, pattern: string) {
  expectOutput(this, 'no-line', pattern);
});

Then('the output table has columns:', function (this: SimWorld, table: DataTable) {
  expectTable(this, { columns: table.raw()[0] });
});

Then('the output table has {int} row(s)', function (this: SimWorld, rows: number) {
  expectTable(this, { rowCount: rows });
});

Then('the output table matches:', function (this: SimWorld, table: DataTable) {
  expectTable(this, { rows: table.hashes(), exact: true });
});

Then('the output table contains rows:', function (this: SimWorld, table: DataTable) {
  expectTable(this, { rows: table.hashes(), exact: false });
});

Then('the error output contains {string}', function (this: SimWorld, text: string) {
  expectErrorOutput(this, text);
});

Then('the error output is empty', function (this: SimWorld) {
  expectNoErrorOutput(this);
});
