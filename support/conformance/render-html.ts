// conformance.html: one self-contained page for people (no scripts, no external assets): totals,
// errors, failed claims, failures with their attached timelines, then a claims matrix per book
// chapter, the rollouts drawn as SVG (render-svg.ts) and the property tests.
import type { ClaimEntry, ConformanceReport, RolloutEntry } from './model';
import type { RolloutSeries } from './rollout-series';
import { rolloutChart } from './render-svg';

export function renderHtml(r: ConformanceReport): string {
  const c = r.summary.claims;
  const s = r.summary.scenarios;
  const parts: string[] = [];
  parts.push(`<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>kubespec conformance: ${c.passed}/${c.total} claims pass</title>
<style>${CSS}</style></head><body>
<header><h1>kubespec conformance</h1>
<p class="totals"><span class="badge ${r.success ? 'passed' : 'failed'}">${r.success ? 'PASS' : 'FAIL'}</span>
claims: <b>${c.passed}</b> passed · <b>${c.failed}</b> failed · <b>${c.uncovered}</b> uncovered of ${c.total}
&nbsp;|&nbsp; scenarios: ${s.passed} passed · ${s.failed} failed · ${s.skipped} skipped</p>
<p class="meta">Kubernetes ${esc(r.kubernetesVersion)} · seed ${esc(r.seed)} · ${esc(r.tool.name)} ${esc(r.tool.version)} ·
started ${esc(r.startedAt)} · ${(r.durationMs / 1000).toFixed(1)} s</p>
<div class="bar" title="claims: passed / failed / uncovered">${bar(c.passed, c.failed, c.uncovered)}</div>
</header><main>`);

  if (r.errors.length > 0) {
    parts.push(`<section id="errors"><h2>Errors (${r.errors.length})</h2><ul>`);
    for (const e of r.errors) parts.push(`<li class="error">${esc(e.message)}</li>`);
    parts.push('</ul></section>');
  }

  const failedClaims = r.claims.filter((x) => x.status === 'failed');
  if (failedClaims.length > 0) {
    parts.push(`<section id="failed-claims"><h2>Failed claims (${failedClaims.length})</h2><ul>`);
    for (const x of failedClaims) {
      const failing = x.scenarios.filter((sc) => sc.status === 'failed').map((sc) => `${esc(sc.name)} <code>${esc(sc.uri)}:${sc.line}</code>`);
      parts.push(`<li class="failed-claim"><a href="#claim-${attr(x.id)}"><code>${esc(x.id)}</code></a> <small>§${esc(x.ch)}</small> ${esc(x.says)}<br><small>failing: ${failing.join('; ')}</small></li>`);
    }
    parts.push('</ul></section>');
  }

  const charts = new ChartIds();
  if (r.failures.length > 0) {
    parts.push(`<section id="failures"><h2>Failed scenarios (${r.failures.length})</h2>`);
    r.failures.forEach((f, i) => {
      parts.push(`<article class="failure" id="failure-${i + 1}"><h3>${esc(f.name)}</h3>
<p class="where"><code>${esc(f.uri)}:${f.line}</code> · ${esc(f.cucumberStatus)}` +
        (f.claimIds.length > 0 ? ` · claims ${f.claimIds.map((id) => `<a href="#claim-${attr(id)}">${esc(id)}</a>`).join(', ')}` : '') + '</p>' +
        (f.failedStep !== undefined ? `<p>failing step: <code>${esc(f.failedStep)}</code></p>` : '') +
        (f.error !== undefined ? `<pre class="message">${esc(f.error)}</pre>` : '') +
        (f.rollouts ?? []).map((d) => chartFigure(d, charts)).join('') +
        f.attachments.map((a, j) => `<details${j === f.attachments.length - 1 ? ' open' : ''}><summary>attachment ${j + 1} (timeline, seed)</summary><pre>${esc(a)}</pre></details>`).join('') +
        `<p class="replay">replay: <code>npx cucumber-js ${esc(f.uri)}:${f.line}</code></p></article>`);
    });
    parts.push('</section>');
  }

  parts.push('<section id="chapters"><h2>Claims by chapter</h2><table class="summary"><thead><tr><th>chapter</th><th>claims</th><th>passed</th><th>failed</th><th>uncovered</th><th></th></tr></thead><tbody>');
  for (const ch of r.chapters) {
    parts.push(`<tr><td><a href="#chapter-${attr(ch.chapter)}">${esc(ch.chapter)}</a></td><td>${ch.total}</td><td>${ch.passed}</td><td>${ch.failed}</td><td>${ch.uncovered}</td><td><div class="bar mini">${bar(ch.passed, ch.failed, ch.uncovered)}</div></td></tr>`);
  }
  parts.push('</tbody></table>');

  const byChapter = new Map<string, ClaimEntry[]>();
  for (const claim of r.claims) {
    const list = byChapter.get(claim.chapter);
    if (list === undefined) byChapter.set(claim.chapter, [claim]);
    else list.push(claim);
  }
  for (const ch of r.chapters) {
    parts.push(`<h3 id="chapter-${attr(ch.chapter)}">Chapter ${esc(ch.chapter)} <small>${ch.passed}/${ch.total} pass</small></h3>
<table class="claims"><thead><tr><th>claim</th><th>result</th><th>the book says</th><th>current Kubernetes</th><th>scenarios</th></tr></thead><tbody>`);
    for (const claim of byChapter.get(ch.chapter) ?? []) parts.push(claimRow(claim));
    parts.push('</tbody></table>');
  }
  parts.push('</section>');

  const rollouts = r.rollouts ?? [];
  if (rollouts.length > 0) {
    parts.push(`<section id="rollouts"><h2>Rollouts (${rollouts.length} scenario${rollouts.length === 1 ? '' : 's'})</h2>
<p class="meta">Replicas of the old and new ReplicaSets and available Pods after every change the simulator recorded, over virtual time.</p>`);
    for (const entry of rollouts) parts.push(rolloutArticle(entry, charts));
    parts.push('</section>');
  }

  if (r.properties.length > 0) {
    parts.push(`<section id="properties"><h2>Properties (${r.properties.length})</h2><table><thead><tr><th>property</th><th>status</th><th>runs</th><th>seed</th><th>claims</th></tr></thead><tbody>`);
    const props = r.properties.map((p) => (p ?? {}) as Record<string, unknown>);
    for (const o of [...props.filter((x) => x.status !== 'passed'), ...props.filter((x) => x.status === 'passed')]) {
      const status = String(o.status ?? '?');
      parts.push(`<tr><td>${esc(String(o.name ?? '?'))}</td><td><span class="badge ${attr(status)}">${esc(status)}</span></td><td>${esc(String(o.runs ?? ''))}</td><td><code>${esc(String(o.seed ?? ''))}</code></td><td>${esc(Array.isArray(o.claims) ? o.claims.join(', ') : '')}</td></tr>`);
    }
    parts.push('</tbody></table></section>');
  }

  parts.push('</main></body></html>\n');
  return parts.join('\n');
}

/** Unique ids for the charts' title/desc elements. */
class ChartIds {
  private n = 0;
  next(): string { return `chart-${++this.n}`; }
}

function chartFigure(series: RolloutSeries, ids: ChartIds): string {
  return `<figure class="rollout">${rolloutChart(series, ids.next())}<figcaption>deployment <code>${esc(series.deployment)}</code></figcaption></figure>`;
}

function rolloutArticle(entry: RolloutEntry, ids: ChartIds): string {
  return `<article class="rollout-scenario ${entry.status}"><h3><span class="dot ${entry.status}" title="${attr(entry.status)}"></span>${esc(entry.name)} <code>${esc(entry.uri)}:${entry.line}</code></h3>` +
    `<div class="charts">${entry.deployments.map((d) => chartFigure(d, ids)).join('')}</div></article>`;
}

function claimRow(claim: ClaimEntry): string {
  const scenarios = claim.scenarios.length === 0
    ? '<span class="none">no scenario yet</span>'
    : `<ul>${claim.scenarios.map((sc) => `<li><span class="dot ${sc.status}" title="${attr(sc.cucumberStatus)}"></span>${esc(sc.name)} <code>${esc(sc.uri)}:${sc.line}</code></li>`).join('')}</ul>`;
  const note = claim.truth !== undefined ? esc(claim.truth) : claim.bookStatus === 'holds' ? '<span class="none">holds as stated</span>' : '';
  return `<tr id="claim-${attr(claim.id)}" class="${claim.status}"><td><code>${esc(claim.id)}</code><br><small>§${esc(claim.ch)} · ${claim.bookStatus}</small></td>` +
    `<td><span class="badge ${claim.status}">${claim.status}</span></td><td>${esc(claim.says)}</td><td>${note}</td><td>${scenarios}</td></tr>`;
}

function bar(passed: number, failed: number, uncovered: number): string {
  const total = Math.max(1, passed + failed + uncovered);
  const pct = (n: number): string => `${((100 * n) / total).toFixed(2)}%`;
  return `<span class="passed" style="width:${pct(passed)}"></span><span class="failed" style="width:${pct(failed)}"></span><span class="uncovered" style="width:${pct(uncovered)}"></span>`;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function attr(s: string): string {
  return esc(s).replace(/[^A-Za-z0-9._:-]/g, '_');
}

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1b1f24;background:#fafbfc}
header{padding:16px 24px;background:#fff;border-bottom:1px solid #d0d7de}
main{padding:8px 24px 48px}
h1{margin:0 0 6px;font-size:22px} h2{margin-top:28px;font-size:18px} h3{margin:22px 0 8px;font-size:15px}
.meta{color:#57606a;margin:4px 0 10px}
.bar{display:flex;height:10px;width:100%;max-width:720px;background:#eaeef2;border-radius:5px;overflow:hidden}
td .bar.mini{width:160px;margin-top:5px}
.bar span{display:block;height:100%}
span.passed{background:#2da44e} span.failed{background:#cf222e} span.uncovered{background:#afb8c1}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600;color:#fff;background:#8c959f}
.badge.passed,.badge.PASS{background:#2da44e} .badge.failed{background:#cf222e} .badge.uncovered{background:#8c959f}
.dot{display:inline-block;width:9px;height:9px;border-radius:50%;margin-right:6px;background:#8c959f}
.dot.passed{background:#2da44e} .dot.failed{background:#cf222e} .dot.skipped{background:#d4a72c}
table{border-collapse:collapse;width:100%;background:#fff} th,td{border:1px solid #d0d7de;padding:6px 8px;vertical-align:top;text-align:left}
th{background:#f6f8fa;font-weight:600} table.summary{width:auto}
table.claims td:nth-child(3),table.claims td:nth-child(4){max-width:420px}
tr.failed td:first-child{border-left:4px solid #cf222e} tr.uncovered td:first-child{border-left:4px solid #afb8c1}
tr.passed td:first-child{border-left:4px solid #2da44e}
ul{margin:0;padding-left:18px} td ul{list-style:none;padding:0}
.none{color:#8c959f;font-style:italic}
.failure{background:#fff;border:1px solid #d0d7de;border-left:4px solid #cf222e;padding:8px 14px;margin:10px 0}
.error{color:#cf222e}
pre{background:#f6f8fa;padding:8px;overflow:auto;max-height:480px;white-space:pre-wrap}
pre.message{background:#fff5f5}
code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace}
.charts{display:flex;flex-wrap:wrap;gap:12px}
figure.rollout{margin:8px 0;background:#fff;border:1px solid #d0d7de;padding:6px 8px;display:inline-block}
figure.rollout figcaption{color:#57606a;font-size:12px}
svg.rollout-chart{max-width:100%;height:auto;font-family:system-ui,sans-serif}
article.rollout-scenario h3{font-weight:500}
li.failed-claim{margin:4px 0}
`;
