// Overview: each broker's trading state (operator: halt / reduce only / resume with a reason, flatten the broker),
// PnL per broker (summed exactly from the portfolio summaries), dead letters pending and open alerts, the pipeline
// stages, whether the market is open, consumer-lag status per group. Live: trading-state, portfolio, alert, pipeline.
import { get, post, session } from '../api.js';
import * as stream from '../stream.js';
import { h, table, errorBox, confirmAction, setChildren } from '../dom.js';
import { time, count, inr, addAmounts } from '../format.js';
import { operatorButton, enc } from '../operator.js';

const ACTIONS = [
  ['halted', 'Halt', 'Halt trading: no new orders are sent.'],
  ['reducing', 'Reduce only', 'Reduce only: only orders that reduce a position are sent.'],
  ['active', 'Resume', 'Resume trading: orders flow normally.'],
];

export default function overview(root) {
  const states = h('div', { class: 'card', id: 'trading-states' }, h('h2', {}, 'Trading state'));
  const attention = h('div', { class: 'card', id: 'attention' }, h('h2', {}, 'Needs attention'));
  const pipeline = h('div', { class: 'card', id: 'pipeline' }, h('h2', {}, 'Pipeline'));
  const lag = h('div', { class: 'card', id: 'lag-status' }, h('h2', {}, 'Consumer lag'));
  const pnl = h('div', { class: 'card', id: 'pnl' }, h('h2', {}, 'PnL per broker'));
  const message = h('p', { role: 'status', id: 'overview-message' });
  root.append(h('h1', {}, 'Overview'), message, states, pnl, attention, pipeline, lag);

  // every portfolio's summary (broker/strategy -> summary), kept current by portfolio events
  const portfolios = new Map();
  const MAX_PAGES = 20;
  let total = 0; // portfolios the API has
  async function loadPnl() {
    try {
      portfolios.clear();
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const p = await get(`/api/v1/portfolios?size=500&page=${page}`);
        p.items.forEach((x) => portfolios.set(`${x.broker}/${x.strategyId}`, x));
        total = p.total;
        if ((page + 1) * 500 >= p.total) break;
      }
      renderPnl();
    } catch (e) {
      setChildren(pnl, h('h2', {}, 'PnL per broker'), errorBox(e));
    }
  }

  function renderPnl() {
    const byBroker = new Map();
    for (const p of portfolios.values()) {
      if (!byBroker.has(p.broker)) byBroker.set(p.broker, []);
      byBroker.get(p.broker).push(p);
    }
    const rows = [...byBroker.entries()].sort().map(([broker, list]) => ({
      broker, count: list.length, ...Object.fromEntries(['realizedPnl', 'unrealizedPnl', 'fees', 'netPnl']
        .map((k) => [k, addAmounts(list.map((p) => p[k]))])),
    }));
    setChildren(pnl, h('h2', {}, 'PnL per broker'),
      h('p', { class: 'hint' }, 'Since each portfolio started (the API keeps cumulative PnL; not per day).'),
      total > portfolios.size ? h('p', { class: 'error' }, `Only the first ${count(portfolios.size)} of ${count(total)} portfolios are counted.`) : null,
      table('PnL per broker', [
        ['Broker', (r) => r.broker], ['Portfolios', (r) => count(r.count), true],
        ['Realized', (r) => inr(r.realizedPnl), true], ['Unrealized', (r) => inr(r.unrealizedPnl), true],
        ['Fees', (r) => inr(r.fees), true],
        ['Net', (r) => h('span', { 'data-broker-net': r.broker }, inr(r.netPnl)), true],
      ], rows, 'No portfolio yet: portfolios appear with their first fill.'));
  }

  async function loadLag() {
    try {
      const report = await get('/api/v1/monitoring/lag');
      setChildren(lag, h('h2', {}, 'Consumer lag'), h('p', { class: 'hint' }, `Collected ${time(report.collectedAt)} · `,
        h('a', { href: '#/monitoring' }, 'per partition')), table('Consumer lag status per group', [
        ['Group', (g) => g.group], ['Status', (g) => h('span', { class: `lag-${String(g.status).toLowerCase()}` }, g.status)],
        ['Total lag', (g) => count(g.totalLag), true],
        ['Max time lag', (g) => (g.maxTimeLagSeconds === undefined ? '—' : `${Number(g.maxTimeLagSeconds).toFixed(1)} s`), true],
      ], report.groups || [], 'No consumer group monitored yet.'));
    } catch (e) {
      setChildren(lag, h('h2', {}, 'Consumer lag'), errorBox(e));
    }
  }

  async function loadAttention() {
    try {
      const [dlq, alerts] = await Promise.all([get('/api/v1/dlq?status=pending&size=1'), get('/api/v1/monitoring/alerts')]);
      const active = alerts.active || [];
      setChildren(attention, h('h2', {}, 'Needs attention'), h('div', { class: 'grid' },
        h('div', {}, h('span', {}, 'Dead letters pending'), h('a', { href: '#/dead-letters', id: 'dlq-pending' }, count(dlq.total))),
        h('div', {}, h('span', {}, 'Open alerts'), h('strong', { id: 'open-alerts' }, count(active.length)))),
      table('Open alerts', [['Group', (a) => a.group || ''], ['Kind', (a) => a.kind || ''],
        ['Since', (a) => time(a.raisedAt)], ['Detail', (a) => a.detail || '']], active, 'No open alerts.'));
    } catch (e) {
      setChildren(attention, h('h2', {}, 'Needs attention'), errorBox(e));
    }
  }

  async function loadStates() {
    try {
      const page = await get('/api/v1/trading-state');
      setChildren(states, h('h2', {}, 'Trading state'), table('Trading state per broker', [
        ['Broker', (s) => s.broker],
        ['State', (s) => h('span', { class: `state-${String(s.state).toLowerCase()}`, 'data-broker-state': s.broker }, label(s.state))],
        ['Applied here', (s) => label(s.appliedState)],
        ['Reason', (s) => s.reason || ''],
        ['By', (s) => s.changedBy || ''],
        ['Since', (s) => time(s.changedAt)],
        ...(session.mayOperate() ? [['Actions', actions]] : []),
      ], page.items, 'No broker is enabled.'));
    } catch (e) {
      setChildren(states, h('h2', {}, 'Trading state'), errorBox(e));
    }
  }

  function actions(s) {
    return h('span', { class: 'actions' }, ...ACTIONS
      .filter(([state]) => state !== String(s.state).toLowerCase())
      .map(([state, text, explanation]) => h('button', {
        type: 'button', 'data-action': state, 'data-broker': s.broker,
        onclick: () => confirmAction({
          title: `${text}: ${s.broker}`, text: explanation, askReason: true,
          action: (reason) => post(`/api/v1/trading-state/${encodeURIComponent(s.broker)}`, { state, reason }),
        }).then((done) => done && loadStates()),
      }, text)), operatorButton({
      text: 'Flatten broker', title: `Flatten every strategy on ${s.broker}`, attrs: { 'data-flatten-broker': s.broker },
      explanation: 'Cancel every working order and close every position of every strategy on this broker.',
      path: `/api/v1/portfolios/${enc(s.broker)}/flatten`, report: (text) => { message.textContent = text; },
    }));
  }

  async function loadPipeline(report) {
    try {
      renderPipeline(report || await get('/api/v1/monitoring/pipeline'));
    } catch (e) {
      setChildren(pipeline, h('h2', {}, 'Pipeline'), errorBox(e));
    }
  }

  function renderPipeline(report) {
    const market = report.marketOpen
      ? h('p', { id: 'market', class: 'open' }, 'Market open (NSE session)')
      : h('p', { id: 'market', class: 'closed' }, 'Market closed: no live ticks expected now (NSE calendar). A replay feed can drive the pipeline meanwhile.');
    setChildren(pipeline, h('h2', {}, 'Pipeline'), market,
      h('p', { class: 'hint' }, `Evaluated ${time(report.evaluatedAt)}`),
      ...(report.brokers || []).map((b) => h('div', {},
        h('h3', {}, `${b.broker}: `, h('span', { class: `health-${b.health}` }, b.health)),
        table(`Pipeline stages of ${b.broker}`, [
          ['Stage', (st) => st.stage],
          ['Health', (st) => h('span', { class: `health-${st.health}` }, st.health)],
          ['Events', (st) => count(st.events), true],
          ['Rate /s', (st) => Number(st.ratePerSecond || 0).toFixed(2), true],
          ['Last activity', (st) => time(st.lastActivity)],
        ], b.stages || []))));
  }

  loadStates();
  loadPnl();
  loadAttention();
  loadLag();
  loadPipeline();
  const offs = [stream.on('trading-state', () => loadStates()), stream.on('pipeline', (r) => renderPipeline(r)),
    stream.on('alert', () => { loadAttention(); loadLag(); }),
    stream.on('portfolio', (p) => { portfolios.set(`${p.broker}/${p.strategyId}`, p); renderPnl(); })];
  return () => offs.forEach((off) => off());
}

function label(state) {
  const s = String(state || '').toLowerCase();
  return { active: 'Active', halted: 'Halted', reducing: 'Reduce only' }[s] || state || '—';
}
