import { ChartError, loadChartFiles } from './chart';
import { renderChart, RenderError } from './engine';
import { coalesceValues } from './values';
import { parseYaml } from './goyaml';
import type { GoMap } from './template/values';

// helm lint, the basic rules of pkg/lint/rules: Chart.yaml present and valid (chartfile.go:
// "icon is recommended" as INFO), values.yaml parses, templates render and are valid YAML.

export interface LintResult { readonly messages: readonly string[]; readonly failed: boolean }

export function lintChart(path: string, files: Map<string, string> | undefined, values: GoMap, kubeVersion: string): LintResult {
  if (files === undefined) return { messages: [`Error unable to check Chart.yaml file in chart: stat ${path}/Chart.yaml: no such file or directory`], failed: true };
  const messages: string[] = [];
  let failed = false;
  const err = (where: string, msg: string): void => { messages.push(`[ERROR] ${where}: ${msg}`); failed = true; };
  let chart;
  try {
    chart = loadChartFiles(files);
  } catch (e) {
    if (!(e instanceof ChartError)) throw e;
    err('Chart.yaml', e.message.replace(/^validation: /, ''));
    return { messages, failed };
  }
  if (chart.metadata.icon === undefined || chart.metadata.icon === '') messages.push('[INFO] Chart.yaml: icon is recommended');
  if (!files.has('values.yaml')) messages.push('[WARNING] values.yaml: file does not exist');
  try {
    const rendered = renderChart(chart, coalesceValues(chart, values), { name: 'test-release', namespace: 'test-namespace', revision: 1, isInstall: true, isUpgrade: false }, { kubeVersion, lintMode: true });
    for (const [name, text] of rendered) {
      if (name.endsWith('NOTES.txt') || !/\.(ya?ml|tpl)$/.test(name)) continue;
      for (const doc of text.split(/^---\s*$/m)) {
        try { parseYaml(doc); } catch (e) { err(`templates/${name.split('/templates/')[1]}`, `unable to parse YAML: ${(e as Error).message}`); }
      }
    }
  } catch (e) {
    if (!(e instanceof RenderError)) throw e;
    err('templates/', e.message);
  }
  return { messages, failed };
}
