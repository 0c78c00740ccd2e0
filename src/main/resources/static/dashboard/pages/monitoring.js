// Monitoring: consumer lag per group, topic and partition with time lag and status (the last collection, refreshed
// every 15 s), the lag alerts (open and recently cleared), and the PnL reconciliation discrepancies, which an
// operator resolves with a note (the read model is rebuilt from the ledger). Live: alert events reload the alerts
// and the discrepancies.
import { get, post, session } from '../api.js';
import * as stream from '../stream.js';
import { h, table, errorBox, confirmAction, setChildren } from '../dom.js';
import { inr, time, count } from '../format.js';

const REFRESH_MS = 15000;
const seconds = (s) => (s === undefined || s === null ? '—' : `${Number(s).toFixed(1)} s`);
const status = (s, attrs = {}) => h('span', { class: `lag-${String(s).toLowerCase()}`, ...attrs }, s);

export default function monitoring(root) {
  const lag = h('div', { class: 'card', id: 'lag' }, h('h2', {}, 'Consumer lag'));
  const alerts = h('div', { class: 'card', id: 'alerts' }, h('h2', {}, 'Alerts'));
  const discrepancies = h('div', { class: 'card', id: 'discrepancies' }, h('h2', {}, 'PnL reconciliation discrepancies'));
  root.append(h('h1', {}, 'Monitoring'), lag, alerts, discrepancies);
  const onlyLagging = h('input', { type: 'checkbox', id: 'lag-only-lagging', checked: true });
  let report = null;

  async function loadLag() {
    try {
      report = await get('/api/v1/monitoring/lag');
      renderLag();
    } catch (e) {
      setChildren(lag, h('h2', {}, 'Consumer lag'), errorBox(e));
    }
  }

  function renderLag() {
    const groups = report.groups || [];
    const rows = groups.flatMap((g) => (g.partitions || []).map((p) => ({ ...p, group: g.group })))
      .filter((p) => !onlyLagging.checked || p.lag > 0);
    setChildren(lag, h('h2', {}, 'Consumer lag'),
      h('p', { class: 'hint' }, `Collected ${time(report.collectedAt)} in ${seconds(report.collectionSeconds)}`),
      report.error ? h('p', { class: 'error', role: 'alert' }, `Last collection failed: ${report.error}`) : null,
      table('Consumer lag per group', [
        ['Group', (g) => g.group], ['State', (g) => g.state || ''], ['Members', (g) => count(g.members), true],
        ['Status', (g) => status(g.status, { 'data-group-status': g.group })], ['Total lag', (g) => count(g.totalLag), true],
        ['Max lag', (g) => count(g.maxLag), true], ['Max time lag', (g) => seconds(g.maxTimeLagSeconds), true],
        ['Error', (g) => g.error || ''],
      ], groups, 'No consumer group monitored yet.'),
      h('h3', {}, 'Per topic'),
      table('Consumer lag per topic', [
        ['Group', (t) => t.group], ['Topic', (t) => t.topic], ['Partitions', (t) => count(t.partitions), true],
        ['Total lag', (t) => count(t.totalLag), true], ['Max lag', (t) => count(t.maxLag), true],
        ['Over threshold', (t) => count(t.partitionsOverThreshold), true],
        ['Max time lag', (t) => seconds(t.maxTimeLagSeconds), true],
      ], groups.flatMap((g) => (g.topics || []).map((t) => ({ ...t, group: g.group }))), 'No topics.'),
      h('h3', {}, 'Per partition'),
      h('p', {}, h('label', { for: 'lag-only-lagging' }, onlyLagging, ' only partitions with lag')),
      table('Consumer lag per partition', [
        ['Group', (p) => p.group], ['Topic', (p) => p.topic], ['Partition', (p) => p.partition, true],
        ['Committed', (p) => count(p.committedOffset), true], ['End', (p) => count(p.endOffset), true],
        ['Lag', (p) => count(p.lag), true], ['Time lag', (p) => seconds(p.timeLagSeconds), true],
        ['Status', (p) => status(p.status)],
      ], rows, onlyLagging.checked ? 'No partition lags.' : 'No partitions.'));
  }
  onlyLagging.addEventListener('change', () => report && renderLag());

  async function loadAlerts() {
    try {
      const a = await get('/api/v1/monitoring/alerts');
      const columns = [['Group', (x) => x.group || ''], ['Kind', (x) => x.kind || ''], ['Raised', (x) => time(x.raisedAt)],
        ['Detail', (x) => x.detail || '']];
      setChildren(alerts, h('h2', {}, 'Alerts'),
        h('h3', {}, `Open (${count((a.active || []).length)})`), table('Open alerts', columns, a.active || [], 'No open alerts.'),
        h('h3', {}, 'Recently cleared'), table('Alert history', [...columns, ['Cleared', (x) => time(x.clearedAt)]],
          a.recentlyCleared || [], 'No alert cleared yet.'));
    } catch (e) {
      setChildren(alerts, h('h2', {}, 'Alerts'), errorBox(e));
    }
  }

  const filter = h('select', { id: 'discrepancy-status', onchange: () => loadDiscrepancies() },
    ['open', 'resolved', ''].map((s) => h('option', { value: s }, s || 'any')));
  const message = h('p', { role: 'status', id: 'discrepancy-message' });

  async function loadDiscrepancies() {
    try {
      const params = new URLSearchParams({ size: '100' });
      if (filter.value) params.set('status', filter.value);
      const page = await get(`/api/v1/reconciliation/discrepancies?${params}`);
      setChildren(discrepancies, h('h2', {}, 'PnL reconciliation discrepancies'),
        h('p', { class: 'actions' }, h('label', { for: 'discrepancy-status' }, 'Status'), filter,
          h('span', { class: 'hint' }, `${count(page.total)} matching`)), message,
        table('Discrepancies', [
          ['Detected', (d) => time(d.detectedAt)], ['Portfolio', (d) => d.portfolioId], ['Kind', (d) => d.kind],
          ['Drift', (d) => inr(d.driftAbs), true], ['Status', (d) => h('span', { 'data-discrepancy': d.id }, d.status)],
          ['Resolved', (d) => time(d.resolvedAt)],
          ...(session.mayOperate() ? [['', resolveButton]] : []),
        ], page.items, 'No discrepancies.'));
    } catch (e) {
      setChildren(discrepancies, h('h2', {}, 'PnL reconciliation discrepancies'), errorBox(e));
    }
  }

  function resolveButton(d) {
    if (d.status !== 'open') return '';
    let resolution = null;
    return h('button', {
      type: 'button', 'data-resolve': d.id,
      onclick: () => confirmAction({
        title: `Resolve discrepancy of ${d.portfolioId}`, reasonLabel: 'Note (why it is resolved)', askReason: true,
        text: 'Rebuild the portfolio\'s read model from the fills ledger; the action and your note are recorded.',
        action: async (note) => {
          resolution = await post(`/api/v1/reconciliation/discrepancies/${encodeURIComponent(d.id)}/resolve`, { note });
        },
      }).then((done) => {
        if (!done) return;
        message.textContent = `Resolved ${d.id}: read model rebuilt from the ledger, now ${resolution.statusAfter}.`;
        loadDiscrepancies();
      }),
    }, 'Resolve');
  }

  loadLag();
  loadAlerts();
  loadDiscrepancies();
  const timer = setInterval(loadLag, REFRESH_MS);
  const off = stream.on('alert', () => { loadAlerts(); loadDiscrepancies(); });
  return () => { clearInterval(timer); off(); };
}
