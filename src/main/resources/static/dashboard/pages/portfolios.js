// Portfolios: the list (cash, realized, unrealized, fees, net), live from portfolio events; one portfolio is in
// portfolio.js.
import { get } from '../api.js';
import detail from './portfolio.js';
import * as stream from '../stream.js';
import { h, table, errorBox, setChildren } from '../dom.js';
import { inr, time, count } from '../format.js';

export default function portfolios(root, [broker, strategyId]) {
  return broker && strategyId ? detail(root, broker, strategyId) : list(root);
}

const key = (p) => `${p.broker}/${p.strategyId}`;

function list(root) {
  const body = h('div', { class: 'card', id: 'portfolio-list' });
  root.append(h('h1', {}, 'Portfolios'), body);
  let items = [];
  const render = () => setChildren(body, table('Portfolios', [
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
    .catch((e) => setChildren(body, errorBox(e)));
  return stream.on('portfolio', (p) => {
    const i = items.findIndex((x) => key(x) === key(p));
    if (i >= 0) items[i] = { ...items[i], ...p }; else items.push(p);
    render();
  });
}
