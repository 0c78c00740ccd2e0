// Operator actions (cancel an order; flatten a position, a strategy or a broker): a button that asks for the reason
// in the confirmation dialog, posts it to the operator route and reports what was sent. The results (cancellations,
// closing fills) arrive later over Kafka and reach the page through the live stream.
import { post, session } from './api.js';
import { h, confirmAction } from './dom.js';

/** What an operator route answered (202): how many cancel commands and closing orders it sent. */
export function outcomeText(o) {
  const cancels = (o.cancels || []).length;
  const closes = (o.closes || []).length;
  return `Sent ${cancels} cancel${cancels === 1 ? '' : 's'} and ${closes} closing order${closes === 1 ? '' : 's'}`
    + ` (${o.action}, by ${o.requestedBy}). Results follow live.`;
}

/**
 * An operator's button, or nothing for a role that may not act. attrs are extra attributes (data-* for tests),
 * report(text) receives the outcome.
 */
export function operatorButton({ text, title, explanation, path, attrs = {}, report }) {
  if (!session.mayOperate()) return null;
  return h('button', {
    type: 'button', class: 'danger', ...attrs,
    onclick: () => {
      let outcome = null;
      confirmAction({
        title, text: explanation, askReason: true,
        action: async (reason) => { outcome = await post(path, { reason }); },
      }).then((done) => { if (done && report) report(outcomeText(outcome)); });
    },
  }, text);
}

export const enc = encodeURIComponent;
