import './kinds';

// sim/metrics: resource metrics (metrics-server, the metrics.k8s.io API kubectl top reads), the
// container usage model behind them, and kube-state-metrics' exposition of object state.

export * from './usage';
export * from './metrics-server';
export { renderKubeStateMetrics, scrapeKubeStateMetrics, formatValue } from './kube-state-metrics';
export { ADDON_KINDS } from './kinds';
