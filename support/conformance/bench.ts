// The conformance formatter's own overhead: fold n scenarios' messages, build the report and render
// conformance.json, .md and .html (as strings; disk writes are excluded). DESIGN: under 1 s for 1,000.
import { performance } from 'node:perf_hooks';
import { loadClaims, type ClaimCatalog } from '../claims/catalog';
import { RunCollector } from './collector';
import { finishReport } from './formatter-impl';
import { renderHtml } from './render-html';
import { renderMarkdown } from './render-markdown';
import { syntheticEnvelopes, syntheticScenarios } from './synthetic-run';

export interface ReportBenchResult {
  readonly scenarios: number;
  readonly ms: number;
  readonly bytes: { readonly json: number; readonly markdown: number; readonly html: number };
}

/** Milliseconds to turn n scenarios' messages into the three conformance reports. */
export function benchReportGeneration(n: number, catalog: ClaimCatalog = loadClaims()): number {
  return runReportBench(n, catalog).ms;
}

export function runReportBench(n: number, catalog: ClaimCatalog = loadClaims()): ReportBenchResult {
  const envelopes = syntheticEnvelopes(syntheticScenarios(n, catalog.claims.map((c) => c.id)));
  const t0 = performance.now();
  const collector = new RunCollector();
  for (const e of envelopes) collector.update(e);
  const report = finishReport(collector, { catalog, fallbackStartMs: 0, nowMs: 0 });
  const json = JSON.stringify(report, null, 2);
  const markdown = renderMarkdown(report);
  const html = renderHtml(report);
  const ms = performance.now() - t0;
  return { scenarios: n, ms, bytes: { json: json.length, markdown: markdown.length, html: html.length } };
}

if (require.main === module) {
  const n = Number(process.argv[2] ?? 1000);
  runReportBench(n); // warm-up: first-call JIT and module loading are not the formatter's per-run cost
  const r = runReportBench(n);
  process.stdout.write(`conformance report generation: ${r.scenarios} scenarios in ${r.ms.toFixed(1)} ms ` +
    `(json ${r.bytes.json} B, md ${r.bytes.markdown} B, html ${r.bytes.html} B)\n`);
}
