// What a completed run found: figures, both suites to download, the crawl map with a state's
// details, scenarios by risk (sortable) and the tests with what verification made of them.
import {runs, saveBlob} from './api.js';
import {badge, formatDuration, h, percent, replace} from './dom.js';
import {renderCrawlMap} from './crawl-map.js';

const PRIORITY = {critical: 4, high: 3, medium: 2, low: 1};

export function renderFound(id, result) {
  const observation = result.observation_result || {states: [], transitions: []};
  const scenarios = (result.requirements_result || {}).scenarios || [];
  const analysis = result.analysis_result || {};
  const evolution = result.evolution_result || {};
  const tests = evolution.tests || [];
  const risk = new Map((analysis.assessments || []).map((a) => [a.scenario_id, a]));

  const shots = new Map(); // screenshot ref → Promise<object URL>
  const screenshot = (ref) => {
    if (!shots.has(ref)) shots.set(ref, runs.artifact(id, ref).then((b) => URL.createObjectURL(b)));
    return shots.get(ref);
  };

  const details = h('div', {id: 'state-details', class: 'state-details', 'aria-live': 'polite'},
    h('p', {class: 'muted'}, 'Choose a state on the map to see its screenshot, URL, headings, ',
      'forms and findings.'));
  const map = (observation.states || []).length
    ? renderCrawlMap(observation, screenshot, (state) => showState(details, state, observation,
      screenshot))
    : h('p', {}, 'The crawl found no states.');

  const download = (format, label) => h('button', {type: 'button', class: 'primary',
    dataset: {format}, onclick: async (event) => {
      const button = event.currentTarget;
      button.disabled = true;
      try {
        saveBlob(await runs.suite(id, format), `${id}-${format}.zip`);
      } catch (e) {
        button.after(h('p', {class: 'form-error', role: 'alert'}, e.message));
      } finally {
        button.disabled = false;
      }
    }}, label);

  return h('div', {class: 'found'},
    h('section', {class: 'card', 'aria-labelledby': 'summary-title'},
      h('h2', {id: 'summary-title'}, 'What was found'),
      h('dl', {class: 'figures'},
        figure('States', observation.states ? observation.states.length : 0),
        figure('Transitions', (observation.transitions || []).length),
        figure('Scenarios', scenarios.length),
        figure('Tests in the suite', result.test_count),
        figure('Pass rate', percent(evolution.pass_rate)),
        figure('Mutation score', evolution.mutation && evolution.mutation.score != null
          ? `${percent(evolution.mutation.score)} (${evolution.mutation.killed} of `
            + `${evolution.mutation.injected - evolution.mutation.discarded} faults caught)` : '–'),
        figure('Duration', formatDuration(result.total_duration_seconds))),
      h('div', {class: 'actions'},
        download('playwright-ts', 'Download Playwright TypeScript suite'),
        download('playwright-java', 'Download Playwright Java suite'))),
    h('section', {class: 'card', 'aria-labelledby': 'map-title'},
      h('h2', {id: 'map-title'}, 'Crawl map'),
      h('div', {class: 'map-layout'}, map, details),
      transitionsList(observation)),
    h('section', {class: 'card', 'aria-labelledby': 'scenarios-title'},
      h('h2', {id: 'scenarios-title'}, 'Scenarios by risk'),
      sortableTable('scenarios-table', 'Scenarios, highest risk first', [
        {label: 'Rank', value: (s) => risk.get(s.scenario_id)?.rank ?? 9999, num: true,
          show: (s) => risk.get(s.scenario_id)?.rank ?? '–'},
        {label: 'Scenario', value: (s) => s.title, show: (s) => s.title},
        {label: 'Type', value: (s) => s.scenario_type, show: (s) => (s.scenario_type || '').replace(/_/g, ' ')},
        {label: 'Priority', value: (s) => PRIORITY[s.priority] || 0, show: (s) => badge(s.priority)},
        {label: 'RPN', value: (s) => risk.get(s.scenario_id)?.rpn ?? -1, num: true,
          show: (s) => risk.get(s.scenario_id)?.rpn ?? '–'},
        {label: 'Risk', value: (s) => risk.get(s.scenario_id)?.rpn ?? -1,
          show: (s) => (risk.get(s.scenario_id) ? badge(risk.get(s.scenario_id).level) : '–')},
      ], scenarios, 0)),
    h('section', {class: 'card', 'aria-labelledby': 'tests-title'},
      h('h2', {id: 'tests-title'}, 'Tests'),
      sortableTable('tests-table', 'Generated tests and their verification', [
        {label: 'Test', value: (t) => t.title, show: (t) => t.title},
        {label: 'Status', value: (t) => t.status, show: (t) => badge(t.status)},
        {label: 'Priority', value: (t) => PRIORITY[t.priority] || 0, show: (t) => badge(t.priority)},
        {label: 'Runs passed', value: (t) => (t.runs ? t.passes / t.runs : -1), num: true,
          show: (t) => `${t.passes ?? 0} / ${t.runs ?? 0}`},
        {label: 'Why', value: (t) => reason(t), show: (t) => whyCell(t, screenshot)},
      ], tests, null)),
    killMatrix(evolution.mutation, tests));
}

/** Which injected fault each test caught, and the faults no test caught (oracle strength). */
function killMatrix(mutation, tests) {
  if (!mutation || !(mutation.faults || []).length) return [];
  const titles = new Map(tests.map((t) => [t.test_id, t.title]));
  return h('section', {class: 'card', 'aria-labelledby': 'faults-title'},
    h('h2', {id: 'faults-title'}, 'Injected faults (kill matrix)'),
    sortableTable('faults-table', 'Faults injected through the browser and the tests that caught them', [
      {label: 'Fault', value: (f) => f.description || f.fault_id, show: (f) => f.description || f.fault_id},
      {label: 'Operator', value: (f) => f.operator, show: (f) => (f.operator || '').replace(/_/g, ' ')},
      {label: 'Status', value: (f) => f.status, show: (f) => badge(f.status)},
      {label: 'Caught by', value: (f) => (f.killed_by || []).length,
        show: (f) => caughtBy(f, titles)},
    ], mutation.faults, null));
}

const DISCARDED = {
  unmutated_fails: 'discarded: the tests that reach it fail even without it',
  not_applied: 'discarded: it changed nothing on the page',
};

function caughtBy(fault, titles) {
  const killers = fault.killed_by || [];
  if (killers.length) return killers.map((id) => titles.get(id) || id).join('; ');
  if (fault.status === 'discarded') {
    return DISCARDED[fault.reason] || `discarded: ${String(fault.reason || 'unknown').replace(/_/g, ' ')}`;
  }
  return 'no test caught it';
}

function figure(label, value) {
  return h('div', {}, h('dt', {}, label), h('dd', {}, String(value ?? '–')));
}

/** Why a test is not simply passing: its skip reason, failure or repairs. */
function reason(t) {
  if (t.skip_reason || t.skipped_reason || t.reason) return t.skip_reason || t.skipped_reason || t.reason;
  if (t.failure && t.failure.step_index >= 0) {
    return `step ${t.failure.step_index + 1}: ${t.failure.error || t.failure.step || ''}`;
  }
  if (t.failure) return t.failure.error || t.failure.step || '';
  if (t.repairs && t.repairs.length) return `${t.repairs.length} step${t.repairs.length === 1 ? '' : 's'} repaired`;
  return '';
}

function whyCell(t, screenshot) {
  const text = reason(t);
  const ref = t.failure && t.failure.screenshot_ref;
  if (!ref) return text || '–';
  const img = h('img', {alt: `Screenshot of the failing step of ${t.title}`, class: 'shot'});
  const box = h('details', {}, h('summary', {}, 'Failing step screenshot'), img);
  box.addEventListener('toggle', () => {
    if (box.open && !img.src) screenshot(ref).then((url) => { img.src = url; });
  });
  return [text, box];
}

function showState(details, state, observation, screenshot) {
  const forms = (observation.forms || []).filter((f) => f.state_id === state.state_id);
  const urls = new Set([state.url, ...(state.instance_urls || [])]);
  const findings = (observation.findings || []).filter((f) => urls.has(f.url));
  const img = state.screenshot_ref
    ? h('img', {class: 'shot', id: 'state-screenshot', alt: `Screenshot of ${state.title || state.url}`})
    : h('p', {class: 'muted'}, 'No screenshot was taken of this state.');
  if (state.screenshot_ref) screenshot(state.screenshot_ref).then((url) => { img.src = url; });
  replace(details,
    h('h3', {id: 'state-title', tabindex: -1}, state.title || state.state_id),
    img,
    h('dl', {class: 'facts'},
      h('dt', {}, 'URL'), h('dd', {}, h('a', {href: state.url, rel: 'noopener noreferrer',
        target: '_blank', class: 'state-url'}, state.url)),
      h('dt', {}, 'Depth'), h('dd', {}, String(state.depth)),
      state.http_status ? [h('dt', {}, 'HTTP status'), h('dd', {}, String(state.http_status))] : null),
    h('h4', {}, 'Headings'),
    (state.headings || []).length
      ? h('ul', {class: 'headings'}, state.headings.map((x) => h('li', {}, `h${x.level} · ${x.text}`)))
      : h('p', {class: 'muted'}, 'None'),
    h('h4', {}, 'Forms'),
    forms.length
      ? h('ul', {}, forms.map((f) => h('li', {},
        `${f.purpose || 'form'} · ${(f.method || 'get').toUpperCase()} ${f.action || ''} · fields: `,
        (f.fields || []).map((x) => x.label || x.name || x.element_id).join(', ') || 'none')))
      : h('p', {class: 'muted'}, 'None'),
    h('h4', {}, 'Findings'),
    findings.length
      ? h('ul', {}, findings.map((f) => h('li', {}, `${f.kind.replace(/_/g, ' ')}: ${f.detail || f.url}`)))
      : h('p', {class: 'muted'}, 'None'));
  details.querySelector('#state-title').focus();
}

function transitionsList(observation) {
  const titles = new Map((observation.states || []).map((s) => [s.state_id, s.title || s.state_id]));
  const list = (observation.transitions || []).filter((t) => t.from_state_id !== t.to_state_id);
  return h('details', {class: 'transitions'},
    h('summary', {}, `All ${list.length} transitions as a list`),
    h('ul', {}, list.map((t) => h('li', {},
      `${titles.get(t.from_state_id) || t.from_state_id} → ${titles.get(t.to_state_id) || t.to_state_id}: `,
      t.label || t.action))));
}

/** A table whose column headers are sort buttons (aria-sort tells the current order). */
function sortableTable(id, caption, columns, rows, initial) {
  const body = h('tbody');
  const headers = [];
  let sortBy = initial;
  let ascending = true;
  function render() {
    const sorted = [...rows];
    if (sortBy !== null) {
      const col = columns[sortBy];
      sorted.sort((a, b) => {
        const x = col.value(a);
        const y = col.value(b);
        const order = typeof x === 'number' && typeof y === 'number' ? x - y
          : String(x ?? '').localeCompare(String(y ?? ''));
        return ascending ? order : -order;
      });
    }
    replace(body, sorted.map((row) => h('tr', {},
      columns.map((col) => h('td', {class: col.num ? 'num' : undefined}, col.show(row))))));
    headers.forEach((th, i) => th.setAttribute('aria-sort',
      i === sortBy ? (ascending ? 'ascending' : 'descending') : 'none'));
  }
  columns.forEach((col, i) => {
    const th = h('th', {scope: 'col'}, h('button', {type: 'button', class: 'sort', onclick: () => {
      if (sortBy === i) ascending = !ascending;
      else {
        sortBy = i;
        ascending = !col.num;
        if (col.label === 'Priority') ascending = false;
      }
      render();
    }}, col.label));
    headers.push(th);
  });
  render();
  return h('div', {class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': caption},
    h('table', {id},
      h('caption', {class: 'visually-hidden'}, caption),
      h('thead', {}, h('tr', {}, headers)),
      body),
    rows.length ? null : h('p', {class: 'muted'}, 'None.'));
}
