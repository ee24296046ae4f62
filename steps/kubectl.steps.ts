import { When } from '@cucumber/cucumber';
import type { SimWorld } from '../support/world';
import type { ObjectName } from '../support/queries';

// Act through kubectl, as the book does. `$NAME` in a command line stands for a name picked earlier.

When('I run {string}', function (this: SimWorld, line: string) {
  this.run(line);
});

When('I run {string} and type:', function (this: SimWorld, line: string, typed: string) {
  this.runAndType(line, typed);
});

When('I pick a {kind} of {kind} {name} as {string}', function (this: SimWorld, kind: string, ownerKind: string, owner: ObjectName, variable: string) {
  this.pick(kind, ownerKind, owner, variable);
});
