// "My runs": GET /workflows paged and filtered by status; tests, pass rate and mutation score of completed runs
// come from their results (fetched once per run and kept for the tab's life: they never change).
import {runs} from './api.js';
import {badge, formatDate, formatDuration, h, percent, replace} from './dom.js';

const STATUSES = ['pending', 'running', 'awaiting_review', 'completed', 'failed', 'cancelled'];
const PAGE_SIZE = 10;
const resultFigures = new Map(); // workflow id → {tests, passRate, mutation}

export function renderRuns() {
  const filter = h('select', {id: 'status-filter', name: 'status'},
    h('option', {value: ''}, 'All'),
    STATUSES.map((s) => h('option', {value: s}, s.replace(/_/g, ' '))));
  const body = h('tbody');
  const note = h('p', {class: 'muted', role: 'status'});
  const prev = h('button', {type: 'button', disabled: true}, 'Previous page');
  const next = h('button', {type: 'button', disabled: true}, 'Next page');
  const tokens = [null]; // page tokens visited; the last is the current page
  let nextToken = null;

  async function load() {
    note.textContent = 'Loading…';
    prev.disabled = true;
    next.disabled = true;
    try {
      const page = await runs.list({status: filter.value, pageSize: PAGE_SIZE,
        token: tokens[tokens.length - 1]});
      nextToken = page.next_page_token || null;
      const list = page.runs || [];
      replace(body, list.map(row));
      note.textContent = list.length ? `${list.length} run${list.length === 1 ? '' : 's'} on this page`
        : 'No runs here yet.';
      prev.disabled = tokens.length <= 1;
      next.disabled = !nextToken;
      list.filter((r) => r.status === 'completed').forEach(fillFigures);
    } catch (e) {
      note.textContent = `Could not load runs: ${e.message}`;
    }
  }

  filter.addEventListener('change', () => {
    tokens.length = 1;
    load();
  });
  prev.addEventListener('click', () => {
    tokens.pop();
    load();
  });
  next.addEventListener('click', () => {
    tokens.push(nextToken);
    load();
  });
  load();

  const element = h('section', {'aria-labelledby': 'runs-title'},
    h('div', {class: 'title-row'},
      h('h1', {id: 'runs-title'}, 'My runs'),
      h('a', {href: '#/new', class: 'button primary'}, 'Start a run')),
    h('div', {class: 'toolbar'}, h('label', {for: 'status-filter'}, 'Status'), filter),
    h('div', {class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': 'Runs table'},
      h('table', {id: 'runs-table'},
        h('caption', {class: 'visually-hidden'}, 'Your runs, newest first'),
        h('thead', {}, h('tr', {},
          ['Status', 'Target', 'Started', 'Duration', 'Tests', 'Pass rate', 'Mutation score']
            .map((t, i) => h('th', {scope: 'col', class: i >= 4 ? 'num' : undefined}, t)))),
        body)),
    note,
    h('nav', {class: 'pager', 'aria-label': 'Pages of runs'}, prev, next));
  return {element, title: 'My runs'};
}

function row(run) {
  const end = run.closed_at ? new Date(run.closed_at) : new Date();
  const seconds = run.started_at ? (end - new Date(run.started_at)) / 1000 : null;
  return h('tr', {dataset: {workflowId: run.workflow_id}},
    h('td', {}, badge(run.status)),
    h('td', {}, h('a', {href: `#/run/${run.workflow_id}`}, run.target_url || run.workflow_id),
      h('div', {class: 'muted small'}, run.workflow_id)),
    h('td', {}, formatDate(run.started_at)),
    h('td', {}, formatDuration(seconds)),
    h('td', {class: 'num', dataset: {col: 'tests'}}, '–'),
    h('td', {class: 'num', dataset: {col: 'pass-rate'}}, '–'),
    h('td', {class: 'num', dataset: {col: 'mutation-score'}}, '–'));
}

async function fillFigures(run) {
  let figures = resultFigures.get(run.workflow_id);
  if (!figures) {
    try {
      const result = await runs.results(run.workflow_id);
      const evolution = result.evolution_result || {};
      figures = {tests: result.test_count, passRate: evolution.pass_rate,
        mutation: evolution.mutation ? evolution.mutation.score : null};
      resultFigures.set(run.workflow_id, figures);
    } catch {
      return;
    }
  }
  const tr = document.querySelector(`tr[data-workflow-id="${CSS.escape(run.workflow_id)}"]`);
  if (!tr) return;
  tr.querySelector('[data-col="tests"]').textContent = String(figures.tests ?? '–');
  tr.querySelector('[data-col="pass-rate"]').textContent = percent(figures.passRate);
  tr.querySelector('[data-col="mutation-score"]').textContent =
    figures.mutation == null ? '–' : percent(figures.mutation);
}
