// One run: the four agents as a pipeline fed by the SSE stream, the review gate, cancel, and (once
// completed) what was found. The stream opens with a stream token; EventSource resumes a dropped
// connection itself with Last-Event-ID; if the gateway refuses the reconnect (the token expired),
// a new token opens the stream again from the start and events already seen are skipped by id.
import {ApiProblem, runs} from './api.js';
import {badge, formatDate, h, replace} from './dom.js';
import {renderFound} from './found.js';

const AGENTS = [
  {name: 'observation', label: 'Observation', band: [0.05, 0.25], does: 'explores the app'},
  {name: 'requirements', label: 'Requirements', band: [0.30, 0.50], does: 'derives scenarios'},
  {name: 'analysis', label: 'Analysis', band: [0.55, 0.75], does: 'ranks them by risk'},
  {name: 'evolution', label: 'Evolution', band: [0.80, 0.95], does: 'writes and verifies tests'},
];
const EVENT_TYPES = ['workflow_started', 'agent_started', 'agent_progress', 'agent_completed',
  'agent_failed', 'awaiting_review', 'workflow_completed', 'workflow_failed',
  'workflow_cancelled'];
const TERMINAL = new Set(['workflow_completed', 'workflow_failed', 'workflow_cancelled']);

/** Stream entry ids ("ms-seq") in order. */
function compareIds(a, b) {
  const [am, as] = a.split('-').map(Number);
  const [bm, bs] = b.split('-').map(Number);
  return am - bm || as - bs;
}

export function renderRun(id) {
  const cards = new Map();
  const pipeline = h('ol', {class: 'pipeline', 'aria-label': 'Pipeline'},
    AGENTS.map((agent) => {
      const bar = h('progress', {max: 1, value: 0, 'aria-label': `${agent.label} progress`});
      const state = h('span', {}, badge('pending'));
      const message = h('p', {class: 'message'}, agent.does);
      const card = h('li', {class: 'agent', dataset: {agent: agent.name, state: 'pending'}},
        h('h2', {}, agent.label), state, bar, message);
      cards.set(agent.name, {card, bar, state, message, agent});
      return card;
    }));
  const statusBadge = h('span', {id: 'run-status'}, badge('pending'));
  const total = h('progress', {id: 'total-progress', max: 1, value: 0,
    'aria-label': 'Whole run progress'});
  const connection = h('span', {id: 'connection', class: 'muted small', role: 'status'});
  const target = h('p', {class: 'target'});
  const started = h('p', {class: 'muted small'});
  const error = h('p', {class: 'form-error', role: 'alert'});
  const cancel = h('button', {type: 'button', class: 'danger', hidden: true}, 'Cancel run');
  const reviewReason = h('textarea', {id: 'reject-reason', rows: 2, maxlength: 2000});
  const approve = h('button', {type: 'button', class: 'primary'}, 'Approve scenarios');
  const reject = h('button', {type: 'button', class: 'danger'}, 'Reject');
  const review = h('section', {id: 'review', class: 'card review', hidden: true,
    'aria-labelledby': 'review-title'},
    h('h2', {id: 'review-title'}, 'Waiting for your review'),
    h('p', {}, 'The requirements agent has derived this run\'s scenarios. Approve to turn them ',
      'into tests, or reject to end the run.'),
    h('label', {for: 'reject-reason'}, 'Reason for rejecting (optional)'), reviewReason,
    h('div', {class: 'actions'}, approve, reject));
  const log = h('ol', {class: 'event-log', role: 'log', 'aria-label': 'Run events',
    'aria-live': 'off'});
  const found = h('div', {id: 'found'});
  const live = h('section', {id: 'live', class: 'card', 'aria-labelledby': 'run-title',
    dataset: {events: '0', connections: '0', opens: '0'}},
  h('div', {class: 'title-row'}, h('h1', {id: 'run-title'}, 'Run'), statusBadge, cancel),
  target, started, h('div', {class: 'total'}, h('label', {for: 'total-progress'}, 'Progress'),
    total, connection),
  error, pipeline, review,
  h('details', {}, h('summary', {}, 'Event log'), log));

  let es = null;
  let closed = false;
  let lastId = null;
  let retry = 1000;
  let foundLoaded = false;

  function setStatus(status) {
    replace(statusBadge, badge(status));
    live.dataset.status = status;
    const open = !['completed', 'failed', 'cancelled'].includes(status);
    cancel.hidden = !open;
    showReview(status === 'awaiting_review');
  }

  function showReview(on) {
    review.hidden = !on;
  }

  function setAgent(name, state, own, message) {
    const c = cards.get(name);
    if (!c) return;
    if (state) {
      c.card.dataset.state = state;
      replace(c.state, badge(state));
    }
    if (own !== null && own !== undefined) c.bar.value = Math.max(0, Math.min(1, own));
    if (message) c.message.textContent = message;
  }

  function applyStatus(s) {
    setStatus(s.status);
    target.textContent = s.target_url || '';
    started.textContent = `Started ${formatDate(s.started_at)}`;
    total.value = s.total_progress || 0;
    for (const agent of AGENTS) {
      const p = (s.progress || {})[agent.name];
      if (p) setAgent(agent.name, p.status, p.progress, p.message);
    }
    if (s.error) error.textContent = s.error;
  }

  function apply(type, event, eventId) {
    live.dataset.events = String(Number(live.dataset.events) + 1);
    log.append(h('li', {dataset: {eventId: eventId || undefined, type}},
      `${new Date(event.timestamp || Date.now()).toLocaleTimeString()} `,
      `${type.replace(/_/g, ' ')}${event.agent ? ` · ${event.agent}` : ''}`,
      event.message ? ` — ${event.message}` : ''));
    if (typeof event.progress === 'number' && event.progress > total.value) {
      total.value = event.progress;
    }
    const agent = AGENTS.find((a) => a.name === event.agent);
    const own = agent && typeof event.progress === 'number'
      ? (event.progress - agent.band[0]) / (agent.band[1] - agent.band[0]) : null;
    switch (type) {
      case 'workflow_started': setStatus('running'); break;
      case 'agent_started':
        setStatus('running');
        AGENTS.slice(0, AGENTS.indexOf(agent)).forEach((a) => {
          if (cards.get(a.name).card.dataset.state === 'running') setAgent(a.name, 'completed', 1);
        });
        setAgent(event.agent, 'running', Math.max(0, own ?? 0), event.message);
        break;
      case 'agent_progress': setAgent(event.agent, 'running', own, event.message); break;
      case 'agent_completed': setAgent(event.agent, 'completed', 1, event.message); break;
      case 'agent_failed': setAgent(event.agent, 'failed', null, event.message); break;
      case 'awaiting_review': setStatus('awaiting_review'); break;
      case 'workflow_completed':
        total.value = 1;
        setStatus('completed');
        break;
      case 'workflow_failed':
        setStatus('failed');
        error.textContent = event.message || 'the run failed';
        break;
      case 'workflow_cancelled': setStatus('cancelled'); break;
      default: break;
    }
    if (TERMINAL.has(type)) finish();
  }

  function onEvent(e) {
    const terminal = TERMINAL.has(e.type);
    if (!terminal && e.lastEventId && lastId && compareIds(e.lastEventId, lastId) <= 0) return;
    if (e.lastEventId) lastId = e.lastEventId;
    let data = {};
    try {
      data = JSON.parse(e.data);
    } catch {
      data = {};
    }
    apply(e.type, data, e.lastEventId);
  }

  async function connect() {
    if (closed) return;
    let token;
    try {
      token = await runs.streamToken(id);
    } catch (e) {
      connection.textContent = `Not connected: ${e.message}`;
      if (!(e instanceof ApiProblem && e.status < 500)) schedule();
      return;
    }
    if (closed) return;
    es = new EventSource(token.stream_url);
    live.dataset.connections = String(Number(live.dataset.connections) + 1);
    EVENT_TYPES.forEach((type) => es.addEventListener(type, onEvent));
    es.onopen = () => {
      live.dataset.opens = String(Number(live.dataset.opens) + 1); // reconnects included
      retry = 1000;
      connection.textContent = 'Live';
    };
    es.onerror = () => {
      if (closed) return;
      if (es.readyState === EventSource.CONNECTING) {
        connection.textContent = 'Reconnecting…'; // the browser resumes with Last-Event-ID
        return;
      }
      es.close();
      schedule();
    };
  }

  function schedule() {
    connection.textContent = 'Reconnecting…';
    setTimeout(connect, retry);
    retry = Math.min(retry * 2, 10000);
  }

  async function finish() {
    closed = true;
    if (es) es.close();
    connection.textContent = '';
    try {
      applyStatus(await runs.status(id));
    } catch {
      // the stream already said how it ended
    }
    if (live.dataset.status === 'completed') loadFound();
  }

  async function loadFound() {
    if (foundLoaded) return;
    foundLoaded = true;
    replace(found, h('p', {class: 'muted', role: 'status'}, 'Loading what was found…'));
    for (let attempt = 0; attempt < 20; attempt++) {
      try {
        const result = await runs.results(id);
        replace(found, renderFound(id, result));
        return;
      } catch (e) {
        if (!(e instanceof ApiProblem) || e.code !== 'NOT_READY') {
          replace(found, h('p', {class: 'form-error'}, `Could not load the results: ${e.message}`));
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
    replace(found, h('p', {class: 'form-error'}, 'The results are not ready yet.'));
  }

  cancel.addEventListener('click', async () => {
    cancel.disabled = true;
    try {
      await runs.cancel(id);
      connection.textContent = 'Cancelling…';
    } catch (e) {
      error.textContent = e.message;
    } finally {
      cancel.disabled = false;
    }
  });
  approve.addEventListener('click', async () => {
    approve.disabled = true;
    try {
      await runs.approve(id);
      showReview(false);
      setStatus('running');
    } catch (e) {
      error.textContent = e.message;
    } finally {
      approve.disabled = false;
    }
  });
  reject.addEventListener('click', async () => {
    reject.disabled = true;
    try {
      await runs.reject(id, reviewReason.value.trim());
      showReview(false);
    } catch (e) {
      error.textContent = e.message;
    } finally {
      reject.disabled = false;
    }
  });

  (async () => {
    try {
      const status = await runs.status(id);
      applyStatus(status);
      if (['completed', 'failed', 'cancelled'].includes(status.status)) {
        closed = true;
        if (status.status === 'completed') {
          AGENTS.forEach((a) => setAgent(a.name, null, 1));
          loadFound();
        }
      } else {
        connect();
      }
    } catch (e) {
      closed = true;
      const notFound = e instanceof ApiProblem && e.status === 404;
      replace(live, h('h1', {id: 'run-title'}, notFound ? 'Run not found' : 'Could not load run'),
        h('p', {role: 'alert', class: 'form-error'}, notFound
          ? 'There is no run with this id among your runs.' : e.message),
        h('p', {}, h('a', {href: '#/runs'}, 'Back to my runs')));
    }
  })();

  const element = h('div', {class: 'run-page'}, live, found);
  return {
    element,
    title: `Run ${id}`,
    leave: () => {
      closed = true;
      if (es) es.close();
    },
  };
}
