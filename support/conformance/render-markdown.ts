// conformance.md: for a CI job's summary page. Errors and failures first, then uncovered claims,
// then the per-chapter table; the last line is a plain "N passed, N failed" that CI can read.
import type { ConformanceReport } from './model';

const MAX_ERROR_LINES = 12;

export function renderMarkdown(r: ConformanceReport): string {
  const out: string[] = [];
  const c = r.summary.claims;
  const s = r.summary.scenarios;
  out.push(`# kubespec conformance: ${c.passed}/${c.total} claims pass`, '');
  out.push(`${r.success ? '✅' : '❌'} claims: **${c.passed} passed, ${c.failed} failed, ${c.uncovered} uncovered** · ` +
    `scenarios: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped · ` +
    `Kubernetes ${r.kubernetesVersion} · seed ${r.seed} · ${(r.durationMs / 1000).toFixed(1)} s · ` +
    `${r.tool.name} ${r.tool.version} · started ${r.startedAt}`, '');

  if (r.errors.length > 0) {
    out.push(`## Errors (${r.errors.length})`, '');
    for (const e of r.errors) out.push(`- ${inline(e.message)}`);
    out.push('');
  }

  const failedClaims = r.claims.filter((x) => x.status === 'failed');
  if (failedClaims.length > 0) {
    out.push(`## Failed claims (${failedClaims.length})`, '', '| claim | ch | book says | failing scenarios |', '|---|---|---|---|');
    for (const x of failedClaims) {
      const failing = x.scenarios.filter((sc) => sc.status === 'failed').map((sc) => `${cell(sc.name)} (\`${sc.uri}:${sc.line}\`)`);
      out.push(`| \`${x.id}\` | ${cell(x.ch)} | ${cell(x.says)} | ${failing.join('<br>')} |`);
    }
    out.push('');
  }

  if (r.failures.length > 0) {
    out.push(`## Failed scenarios (${r.failures.length})`, '');
    for (const f of r.failures) {
      const claims = f.claimIds.length > 0 ? ` · claims ${f.claimIds.map((id) => `\`${id}\``).join(', ')}` : '';
      out.push(`### ${inline(f.name)}`, '', `\`${f.uri}:${f.line}\` · ${f.cucumberStatus}${claims}` +
        (f.failedStep !== undefined ? ` · at step: ${inline(f.failedStep)}` : ''), '');
      if (f.error !== undefined) out.push(fence(clip(f.error)), '');
      out.push(`replay: \`npx cucumber-js ${f.uri}:${f.line}\``, '');
    }
  }

  const uncovered = r.claims.filter((x) => x.status === 'uncovered');
  if (uncovered.length > 0) {
    out.push(`## Uncovered claims (${uncovered.length})`, '', '<details><summary>claims no passing or failing scenario checks yet</summary>', '',
      '| claim | ch | book | book says |', '|---|---|---|---|');
    for (const x of uncovered) out.push(`| \`${x.id}\` | ${cell(x.ch)} | ${x.bookStatus} | ${cell(x.says)} |`);
    out.push('', '</details>', '');
  }

  out.push('## By chapter', '', '| chapter | claims | passed | failed | uncovered |', '|---|---:|---:|---:|---:|');
  for (const ch of r.chapters) out.push(`| ${ch.chapter} | ${ch.total} | ${ch.passed} | ${ch.failed} | ${ch.uncovered} |`);
  out.push(`| **all** | **${c.total}** | **${c.passed}** | **${c.failed}** | **${c.uncovered}** |`);

  if (r.properties.length > 0) {
    const props = r.properties.map((p) => (p ?? {}) as Record<string, unknown>);
    const failedFirst = [...props.filter((o) => o.status !== 'passed'), ...props.filter((o) => o.status === 'passed')];
    const failedCount = props.length - props.filter((o) => o.status === 'passed').length;
    out.push('', `## Properties (${props.length}${failedCount > 0 ? `, ${failedCount} failed` : ''})`, '', '| property | status | runs | seed | claims |', '|---|---|---:|---|---|');
    for (const o of failedFirst) {
      const claims = Array.isArray(o.claims) ? o.claims.map((c) => `\`${String(c)}\``).join(' ') : '';
      out.push(`| ${cell(String(o.name ?? '?'))} | ${cell(String(o.status ?? '?'))} | ${cell(String(o.runs ?? ''))} | ${cell(String(o.seed ?? ''))} | ${cell(claims)} |`);
    }
  }

  const rollouts = r.rollouts ?? [];
  if (rollouts.length > 0) {
    const deployments = rollouts.reduce((n, x) => n + x.deployments.length, 0);
    out.push('', `${rollouts.length} scenario${rollouts.length === 1 ? '' : 's'} rolled out ${deployments} Deployment${deployments === 1 ? '' : 's'}; conformance.html draws each rollout.`);
  }

  out.push('', `${s.passed} passed, ${s.failed} failed`, '');
  return out.join('\n');
}

function cell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>').replace(/</g, '&lt;');
}

function inline(s: string): string {
  return s.replace(/\r?\n/g, ' ').replace(/</g, '&lt;');
}

function clip(s: string): string {
  const lines = s.split('\n');
  return lines.length <= MAX_ERROR_LINES ? s : [...lines.slice(0, MAX_ERROR_LINES), `... (${lines.length - MAX_ERROR_LINES} more lines)`].join('\n');
}

function fence(s: string): string {
  const longest = Math.max(2, ...[...s.matchAll(/`+/g)].map((m) => m[0].length));
  const f = '`'.repeat(longest + 1);
  return `${f}\n${s}\n${f}`;
}
