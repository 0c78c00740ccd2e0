// Dead letters: a filterable list (status, topic); operators replay one after confirming.
import { get, post, session } from '../api.js';
import { h, table, errorBox, confirmAction } from '../dom.js';
import { time } from '../format.js';

export default function deadLetters(root) {
  const status = h('select', { id: 'dlq-status' }, ['pending', 'replayed', 'purged', ''].map((s) =>
    h('option', { value: s }, s || 'any')));
  const topic = h('input', { id: 'dlq-topic', maxlength: 249, placeholder: 'e.g. paper.orders.filled' });
  const body = h('div', { class: 'card', id: 'dead-letters' });
  const message = h('p', { role: 'status', id: 'dlq-message' });
  const filters = h('form', { class: 'actions', onsubmit: (e) => { e.preventDefault(); load(); } },
    h('label', { for: 'dlq-status' }, 'Status'), status, h('label', { for: 'dlq-topic' }, 'Topic'), topic,
    h('button', { type: 'submit' }, 'Filter'));
  root.append(h('h1', {}, 'Dead letters'), filters, message, body);

  async function load() {
    const params = new URLSearchParams({ size: '100' });
    if (status.value) params.set('status', status.value);
    if (topic.value.trim()) params.set('topic', topic.value.trim());
    try {
      const page = await get(`/api/v1/dlq?${params}`);
      body.replaceChildren(h('p', { class: 'hint' }, `${page.total} matching`), table('Dead letters', [
        ['Dead-lettered', (d) => time(d.deadLetteredAt)], ['Topic', (d) => d.originalTopic], ['Key', (d) => d.key || ''],
        ['Reason', (d) => d.reason], ['Service', (d) => d.service || ''], ['Error', (d) => d.errorMessage || ''],
        ['Status', (d) => d.status], ['Replays', (d) => d.replayCount, true],
        ...(session.mayOperate() ? [['', replayButton]] : []),
      ], page.items, 'No dead letters match.'));
    } catch (e) {
      body.replaceChildren(errorBox(e));
    }
  }

  function replayButton(d) {
    return h('button', {
      type: 'button', 'data-replay': d.id,
      onclick: () => confirmAction({
        title: 'Replay dead letter', text: `Republish it to ${d.originalTopic}?`,
        action: () => post(`/api/v1/dlq/${encodeURIComponent(d.id)}/replay`),
      }).then((done) => { if (done) { message.textContent = `Replayed ${d.id}.`; load(); } }),
    }, 'Replay');
  }

  load();
  return null;
}
