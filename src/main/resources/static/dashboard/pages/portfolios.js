// Portfolios: the list (cash, realized, unrealized, fees, net) and one portfolio with its positions, orders and
// fills. Live: portfolio and fill events refresh what they change, without reloading the page.
import { get } from '../api.js';
import * as stream from '../stream.js';
import { h, table, errorBox } from '../dom.js';
import { inr, time, count } from '../format.js';

export default function portfolios(root, [broker, strategyId]) {
  return broker && strategyId ? detail(root, broker, strategyId) : list(root);
}

const key = (p) => `${p.broker}/${p.strategyId}`;

function list(root) {
  const body = h('div', { class: 'card', id: 'portfolio-list' });
  root.append(h('h1', {}, 'Portfolios'), body);
  let items = [];
  const render = () => body.replaceChildren(table('Portfolios', [
    ['Portfolio', (p) => h('a', { href: `#/portfolios/${encodeURIComponent(p.broker)}/${encodeURIComponent(p.strategyId)}` }, key(p))],
    ['Cash', (p) => inr(p.cash), true],
    ['Realized', (p) => inr(p.realizedPnl), true],
    ['Unrealized', (p) => inr(p.unrealizedPnl), true],
    ['Fees', (p) => inr(p.fees), true],
    ['Net', (p) => inr(p.netPnl), true],
    ['Positions', (p) => count(p.openPositions), true],
    ['Fills', (p) => count(p.fillCount), true],
  ], items, 'No portfolio yet: portfolios appear with their first fill.'));
  get('/api/v1/portfolios?size=500').then((page) => { items = page.items; render(); })
    .catch((e) => body.replaceChildren(errorBox(e)));
  return stream.on('portfolio', (p) => {
    const i = items.findIndex((x) => key(x) === key(p));
    if (i >= 0) items[i] = { ...items[i], ...p }; else items.push(p);
    render();
  });
}

function detail(root, broker, strategyId) {
  const id = `${broker}/${strategyId}`;
  const summary = h('div', { class: 'card', id: 'portfolio-summary' });
  const positions = h('div', { class: 'card', id: 'positions' });
  const orders = h('div', { class: 'card', id: 'orders' });
  const fills = h('div', { class: 'card', id: 'fills' });
  root.append(h('p', {}, h('a', { href: '#/portfolios' }, '← All portfolios')), h('h1', {}, `Portfolio ${id}`),
    summary, positions, orders, fills);
  const query = `broker=${encodeURIComponent(broker)}&strategy=${encodeURIComponent(strategyId)}&size=50`;

  async function load() {
    try {
      const p = await get(`/api/v1/portfolios/${encodeURIComponent(broker)}/${encodeURIComponent(strategyId)}`);
      summary.replaceChildren(h('h2', {}, 'Summary'), h('div', { class: 'grid' },
        ...[['Cash', p.cash], ['Market value', p.marketValue], ['Total value', p.totalValue], ['Realized', p.realizedPnl],
          ['Unrealized', p.unrealizedPnl], ['Fees', p.fees], ['Net', p.netPnl]]
          .map(([t, v]) => h('div', {}, h('span', {}, t), inr(v))),
        h('div', {}, h('span', {}, 'Fills'), h('span', { id: 'fill-count' }, count(p.fillCount)))));
      positions.replaceChildren(h('h2', {}, 'Positions'), table('Positions', [
        ['Instrument', (x) => x.instrumentToken],
        ['Quantity', (x) => h('span', { 'data-position': x.instrumentToken }, count(x.quantity)), true],
        ['Average price', (x) => inr(x.averagePrice), true],
        ['Last price', (x) => inr(x.lastPrice), true],
        ['Market value', (x) => inr(x.marketValue), true],
        ['Unrealized', (x) => inr(x.unrealizedPnl), true],
        ['Realized', (x) => inr(x.realizedPnl), true],
      ], p.positions || [], 'No positions.'));
    } catch (e) {
      summary.replaceChildren(errorBox(e));
    }
    try {
      const o = await get(`/api/v1/orders?${query}`);
      orders.replaceChildren(h('h2', {}, 'Orders'), table('Orders', [
        ['Order', (x) => x.orderId], ['Side', (x) => x.side || ''], ['Quantity', (x) => count(x.quantity), true],
        ['Filled', (x) => count(x.filledQuantity), true], ['Status', (x) => x.status],
        ['Reason', (x) => x.reason || ''], ['Submitted', (x) => time(x.submittedAt)],
      ], o.items, 'No orders.'));
      const f = await get(`/api/v1/fills?${query}`);
      fills.replaceChildren(h('h2', {}, 'Fills'), table('Fills', [
        ['Fill', (x) => x.fillId], ['Instrument', (x) => x.instrumentToken], ['Side', (x) => x.side],
        ['Quantity', (x) => count(x.quantity), true], ['Price', (x) => inr(x.price), true],
        ['Fees', (x) => inr(x.fees), true], ['Realized', (x) => inr(x.realizedPnl), true], ['Time', (x) => time(x.timestamp)],
      ], f.items, 'No fills.'));
    } catch (e) {
      orders.replaceChildren(errorBox(e));
    }
  }

  let pending = null;
  const refresh = () => { clearTimeout(pending); pending = setTimeout(load, 200); };
  load();
  const mine = (e) => e && (`${e.broker}/${e.strategyId}` === id
    || (e.broker === broker && e.payload && e.payload.strategyId === strategyId));
  const offs = ['portfolio', 'fill', 'order'].map((name) => stream.on(name, (e) => { if (mine(e)) refresh(); }));
  return () => { clearTimeout(pending); offs.forEach((off) => off()); };
}
