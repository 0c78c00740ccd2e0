// One portfolio: summary, equity curve (net PnL: the PnL snapshots, then each live portfolio event), positions,
// working and recent orders, fills and risk rejections with their reasons. Operators cancel a working order and
// flatten a position or the whole strategy (confirmation with a reason). Live: portfolio, fill, order and rejection
// events of this portfolio refresh it without reloading the page.
import { get } from '../api.js';
import * as stream from '../stream.js';
import { h, table, errorBox, setChildren } from '../dom.js';
import { inr, time, count } from '../format.js';
import { lineChart } from '../chart.js';
import { operatorButton, enc } from '../operator.js';

const SNAPSHOT_PAGE = 500;
const MAX_POINTS = 2000;

/** Under the curve: its time span, its low and high and the latest value (exact amounts). */
function curveLegend(points) {
  const at = (p) => time(new Date(p.t).toISOString());
  const low = points.reduce((a, b) => (b.v < a.v ? b : a));
  const high = points.reduce((a, b) => (b.v > a.v ? b : a));
  const last = points[points.length - 1];
  return h('p', { class: 'hint', id: 'equity-legend' }, `${at(points[0])} → ${at(last)} · latest ${inr(last.s)} · `
    + `low ${inr(low.s)} · high ${inr(high.s)} · ${count(points.length)} points (snapshots, then live)`);
}

export default function detail(root, broker, strategyId) {
  const id = `${broker}/${strategyId}`;
  const base = `/api/v1/portfolios/${enc(broker)}/${enc(strategyId)}`;
  const query = `broker=${enc(broker)}&strategy=${enc(strategyId)}&size=50`;
  const card = (cardId) => h('div', { class: 'card', id: cardId });
  const [summary, curve, positions, working, orders, fills, rejections] =
    ['portfolio-summary', 'equity', 'positions', 'working-orders', 'orders', 'fills', 'rejections'].map(card);
  const message = h('p', { role: 'status', id: 'portfolio-message' });
  const report = (text) => { message.textContent = text; refresh(); };
  const heading = h('div', { class: 'heading' }, h('h1', {}, `Portfolio ${id}`), operatorButton({
    text: 'Flatten strategy', title: `Flatten ${id}`, attrs: { 'data-flatten-strategy': strategyId },
    explanation: 'Cancel every working order of this strategy and close every position with market orders.',
    path: `${base}/flatten`, report,
  }));
  root.append(h('p', {}, h('a', { href: '#/portfolios' }, '← All portfolios')), heading, message,
    summary, curve, positions, working, orders, fills, rejections);

  const equity = new Map(); // time (ms) -> net PnL (the exact string)
  const addPoint = (at, net) => {
    const t = Date.parse(at);
    if (Number.isNaN(t) || net === undefined) return;
    equity.set(t, String(net));
    if (equity.size > MAX_POINTS) equity.delete(Math.min(...equity.keys())); // bounded: the oldest goes
  };
  const drawCurve = () => {
    const points = [...equity.entries()].sort((a, b) => a[0] - b[0]).map(([t, s]) => ({ t, v: Number(s), s }));
    setChildren(curve, h('h2', {}, 'Equity curve (net PnL)'), points.length
      ? lineChart(points, { label: `Net PnL of ${id} over time`, id: 'equity-chart' })
      : h('p', { class: 'hint' }, 'No snapshot yet.'),
    points.length ? curveLegend(points) : null);
  };

  async function loadSnapshots() {
    try {
      let page = await get(`${base}/snapshots?size=${SNAPSHOT_PAGE}`);
      const last = Math.floor((page.total - 1) / SNAPSHOT_PAGE);
      if (last > 0) page = await get(`${base}/snapshots?size=${SNAPSHOT_PAGE}&page=${last}`);
      page.items.forEach((s) => addPoint(s.snapshotTime, s.totalPnl));
      drawCurve();
    } catch (e) {
      setChildren(curve, h('h2', {}, 'Equity curve (net PnL)'), errorBox(e));
    }
  }

  async function loadPortfolio() {
    try {
      const p = await get(base);
      addPoint(p.updatedAt, p.netPnl);
      drawCurve();
      setChildren(summary, h('h2', {}, 'Summary'), h('div', { class: 'grid' },
        ...[['Cash', p.cash], ['Market value', p.marketValue], ['Total value', p.totalValue], ['Realized', p.realizedPnl],
          ['Unrealized', p.unrealizedPnl], ['Fees', p.fees], ['Net', p.netPnl]]
          .map(([t, v]) => h('div', {}, h('span', {}, t), inr(v))),
        h('div', {}, h('span', {}, 'Fills'), h('span', { id: 'fill-count' }, count(p.fillCount)))));
      setChildren(positions, h('h2', {}, 'Positions'), table('Positions', [
        ['Instrument', (x) => x.instrumentToken],
        ['Quantity', (x) => h('span', { 'data-position': x.instrumentToken }, count(x.quantity)), true],
        ['Average price', (x) => inr(x.averagePrice), true],
        ['Last price', (x) => inr(x.lastPrice), true],
        ['Market value', (x) => inr(x.marketValue), true],
        ['Unrealized', (x) => inr(x.unrealizedPnl), true],
        ['Realized', (x) => inr(x.realizedPnl), true],
        ['', (x) => (x.quantity ? operatorButton({
          text: 'Flatten', title: `Flatten ${x.instrumentToken}`, attrs: { 'data-flatten-position': x.instrumentToken },
          explanation: `Close the position of ${count(Math.abs(x.quantity))} with a market order (risk-validated).`,
          path: `${base}/positions/${enc(x.instrumentToken)}/flatten`, report,
        }) : '')],
      ], p.positions || [], 'No positions.'));
    } catch (e) {
      setChildren(summary, errorBox(e));
    }
  }

  const orderColumns = [
    ['Order', (x) => x.orderId], ['Instrument', (x) => x.instrumentToken], ['Side', (x) => x.side || ''],
    ['Type', (x) => x.orderType || ''], ['Quantity', (x) => count(x.quantity), true],
    ['Filled', (x) => count(x.filledQuantity), true], ['Price', (x) => inr(x.price), true],
    ['Status', (x) => h('span', { 'data-order-status': x.orderId }, x.status)], ['Reason', (x) => x.reason || ''],
    ['Submitted', (x) => time(x.submittedAt)],
  ];

  async function loadOrders() {
    try {
      const open = await get(`/api/v1/orders?${query}&working=true`);
      setChildren(working, h('h2', {}, `Working orders (${count(open.total)})`), table('Working orders', [
        ...orderColumns,
        ['', (x) => operatorButton({
          text: 'Cancel', title: `Cancel order ${x.orderId}`, attrs: { 'data-cancel-order': x.orderId },
          explanation: `Cancel the ${x.side || ''} order for ${count(x.quantity)} (${count(x.filledQuantity)} filled so far).`,
          path: `/api/v1/orders/${enc(broker)}/${enc(x.orderId)}/cancel`, report,
        })],
      ], open.items, 'No working orders.'));
      const recent = await get(`/api/v1/orders?${query}`);
      setChildren(orders, h('h2', {}, 'Recent orders'), table('Recent orders', orderColumns, recent.items, 'No orders.'));
      const f = await get(`/api/v1/fills?${query}`);
      setChildren(fills, h('h2', {}, 'Fills'), table('Fills', [
        ['Fill', (x) => x.fillId], ['Instrument', (x) => x.instrumentToken], ['Side', (x) => x.side],
        ['Quantity', (x) => count(x.quantity), true], ['Price', (x) => inr(x.price), true],
        ['Fees', (x) => inr(x.fees), true], ['Realized', (x) => inr(x.realizedPnl), true], ['Time', (x) => time(x.timestamp)],
      ], f.items, 'No fills.'));
    } catch (e) {
      setChildren(orders, errorBox(e));
    }
  }

  async function loadRejections() {
    try {
      const r = await get(`/api/v1/signals?${query}&outcome=rejected`);
      setChildren(rejections, h('h2', {}, 'Rejected signals'), table('Rejected signals', [
        ['Signal time', (x) => time(x.signalTime)], ['Instrument', (x) => x.instrumentToken], ['Side', (x) => x.side],
        ['Quantity', (x) => count(x.quantity), true], ['Price', (x) => inr(x.price), true],
        ['Reason', (x) => h('span', { 'data-rejection': x.decisionId }, x.rejectionReason || '')],
        ['Codes', (x) => (x.reasonCodes || []).join(', ')],
      ], r.items, 'No rejected signals.'));
    } catch (e) {
      setChildren(rejections, errorBox(e));
    }
  }

  const load = () => Promise.all([loadPortfolio(), loadOrders()]);
  let pending = null;
  function refresh() { clearTimeout(pending); pending = setTimeout(load, 200); }
  loadSnapshots();
  load();
  loadRejections();
  const mine = (e) => e && (`${e.broker}/${e.strategyId}` === id
    || (String(e.broker).toLowerCase() === broker && e.payload && (e.payload.strategyId === strategyId
      || (e.payload.originalSignal && e.payload.originalSignal.strategyId === strategyId))));
  const offs = [
    stream.on('portfolio', (e) => { if (mine(e)) { addPoint(e.updatedAt, e.netPnl); drawCurve(); refresh(); } }),
    ...['fill', 'order'].map((name) => stream.on(name, (e) => { if (mine(e)) refresh(); })),
    stream.on('rejection', (e) => { if (mine(e)) loadRejections(); }),
  ];
  return () => { clearTimeout(pending); offs.forEach((off) => off()); };
}
