import { After, Status, supportCodeLibraryBuilder } from '@cucumber/cucumber';
import type { ITestCaseHookParameter } from '@cucumber/cucumber';
import { closestSteps, describeSuggestions } from './snippets-closest';

// Undefined steps: cucumber prints a snippet to implement; this hook adds, as an attachment on the
// scenario (shown in the summary, cucumber.html and the conformance report), the three existing
// step expressions closest to each undefined step's text. Runs only for UNDEFINED scenarios.

interface StepDefinitionConfig { readonly pattern: string | RegExp }
interface Matcher { match(text: string): unknown }

// The support-code registry cucumber loaded the step files into (lib/support_code_library_builder):
// its step definition configs and parameter types. Internal fields, read defensively.
function definedPatterns(): { patterns: (string | RegExp)[]; registry: unknown } {
  const builder = supportCodeLibraryBuilder as unknown as { stepDefinitionConfigs?: StepDefinitionConfig[]; parameterTypeRegistry?: unknown };
  return { patterns: (builder.stepDefinitionConfigs ?? []).map((c) => c.pattern), registry: builder.parameterTypeRegistry };
}

let matchers: { source: string; matcher: Matcher | undefined }[] | undefined;

function allMatchers(): { source: string; matcher: Matcher | undefined }[] {
  if (matchers !== undefined) return matchers;
  const { patterns, registry } = definedPatterns();
  const { ExpressionFactory } = require(require.resolve('@cucumber/cucumber-expressions', {
    paths: [require.resolve('@cucumber/cucumber/package.json')],
  })) as typeof import('@cucumber/cucumber-expressions');
  const factory = new ExpressionFactory(registry as never);
  matchers = patterns.map((p) => {
    let matcher: Matcher | undefined;
    try { matcher = factory.createExpression(p); } catch { matcher = undefined; }
    return { source: typeof p === 'string' ? p : `/${p.source}/`, matcher };
  });
  return matchers;
}

/** The texts of the pickle's steps that no step definition matches. */
export function undefinedStepTexts(texts: readonly string[]): string[] {
  const all = allMatchers();
  return texts.filter((t) => !all.some(({ matcher }) => {
    try { return matcher !== undefined && matcher.match(t) !== null; } catch { return false; }
  }));
}

After(function (this: { attach(data: string, mediaType: string): void }, { result, pickle }: ITestCaseHookParameter) {
  if (result?.status !== Status.UNDEFINED) return;
  const sources = allMatchers().map((m) => m.source);
  const missing = undefinedStepTexts(pickle.steps.map((s) => s.text));
  if (missing.length === 0) return;
  this.attach(missing.map((t) => describeSuggestions(t, closestSteps(t, sources))).join('\n\n'), 'text/plain');
});
