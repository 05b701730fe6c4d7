// "Start a run": the form for POST /generate-tests. A problem's detail is shown next to its field;
// login credentials are sent once and the password box is emptied right after.
import {ApiProblem, runs} from './api.js';
import {h} from './dom.js';

function field(id, label, input, help) {
  input.id = id;
  const describedBy = [help ? `${id}-help` : null, `${id}-error`].filter(Boolean).join(' ');
  input.setAttribute('aria-describedby', describedBy);
  return h('div', {class: 'field', dataset: {field: input.name}},
    h('label', {for: id}, label),
    input,
    help ? h('p', {id: `${id}-help`, class: 'help'}, help) : null,
    h('p', {id: `${id}-error`, class: 'field-error'}));
}

export function renderStart(onStarted) {
  const baseline = h('select', {name: 'baseline_workflow_id'},
    h('option', {value: ''}, 'None: a new suite'));
  runs.list({status: 'completed', pageSize: 50}).then((page) => {
    for (const run of page.runs || []) {
      baseline.append(h('option', {value: run.workflow_id},
        `${run.target_url || run.workflow_id} (${run.workflow_id})`));
    }
  }).catch(() => {});

  const formError = h('div', {class: 'form-error', role: 'alert'});
  const submit = h('button', {type: 'submit', class: 'primary'}, 'Start run');
  const form = h('form', {class: 'card', novalidate: true, 'aria-labelledby': 'start-title'},
    h('h1', {id: 'start-title'}, 'Start a run'),
    formError,
    field('url', 'App URL', h('input', {name: 'url', type: 'url', required: true,
      placeholder: 'https://app.example.com/', autocomplete: 'url'}),
    'Where the crawl starts. Only http and https.'),
    h('div', {class: 'row'},
      field('max-depth', 'Depth', h('input', {name: 'max_depth', type: 'number', min: 1, max: 5,
        value: 2, inputmode: 'numeric'}), '1 to 5 clicks from the start page'),
      field('max-pages', 'Pages', h('input', {name: 'max_pages', type: 'number', min: 1, max: 500,
        value: 20, inputmode: 'numeric'}), '1 to 500 pages')),
    field('instruction', 'Instruction', h('textarea', {name: 'user_instruction', rows: 3,
      maxlength: 2000}), 'Optional: what matters most, e.g. "the checkout must work".'),
    h('fieldset', {dataset: {field: 'login_credentials'}},
      h('legend', {}, 'Login (optional, sent once, never shown again)'),
      h('p', {id: 'login-error', class: 'field-error'}),
      h('div', {class: 'row'},
        field('login-username', 'Username', h('input', {name: 'login_credentials.username',
          autocomplete: 'off'})),
        field('login-password', 'Password', h('input', {name: 'login_credentials.password',
          type: 'password', autocomplete: 'new-password'}))),
      field('login-url', 'Login page URL', h('input', {name: 'login_credentials.login_url',
        type: 'url'}), 'Optional; found by the crawler when empty.')),
    h('div', {class: 'field check', dataset: {field: 'review_requirements'}},
      h('input', {id: 'review', name: 'review_requirements', type: 'checkbox',
        'aria-describedby': 'review-help'}),
      h('label', {for: 'review'}, 'Review the scenarios before tests are made'),
      h('p', {id: 'review-help', class: 'help'},
        'The run waits for your approve or reject after the requirements stage.'),
      h('p', {id: 'review-error', class: 'field-error'})),
    field('baseline', 'Baseline run', baseline,
      'Evolve the suite of an earlier completed run instead of starting fresh.'),
    field('mutation-budget', 'Time to measure the suite\'s strength (seconds)', h('input', {
      name: 'mutation_budget_seconds', type: 'number', min: 0, max: 3600, inputmode: 'numeric'}),
    'Faults are injected through the browser to see which tests catch them. Empty: as long as '
      + 'verification took; 0: skip this step.'),
    submit);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form, formError);
    const body = read(form);
    if (!body.url) {
      showError(form, formError, 'url', 'Enter the URL of the app to test.');
      return;
    }
    submit.disabled = true;
    try {
      const accepted = await runs.start(body);
      form.elements['login_credentials.password'].value = '';
      onStarted(accepted.workflow_id);
    } catch (e) {
      if (!(e instanceof ApiProblem)) throw e;
      const errors = e.errors.length ? e.errors : [{field: e.field, message: e.message}];
      for (const err of errors) showError(form, formError, err.field, err.message || e.message);
    } finally {
      submit.disabled = false;
    }
  });
  return {element: form, title: 'Start a run'};
}

function read(form) {
  const value = (name) => form.elements[name].value.trim();
  const body = {url: value('url')};
  const depth = value('max_depth');
  const pages = value('max_pages');
  if (depth) body.max_depth = Number(depth);
  if (pages) body.max_pages = Number(pages);
  if (value('user_instruction')) body.user_instruction = value('user_instruction');
  const username = value('login_credentials.username');
  const password = form.elements['login_credentials.password'].value;
  if (username || password) {
    body.login_credentials = {username, password};
    if (value('login_credentials.login_url')) {
      body.login_credentials.login_url = value('login_credentials.login_url');
    }
  }
  if (form.elements.review_requirements.checked) body.review_requirements = true;
  if (value('baseline_workflow_id')) body.baseline_workflow_id = value('baseline_workflow_id');
  const budget = value('mutation_budget_seconds');
  if (budget) body.mutation_budget_seconds = Number(budget);
  return body;
}

function clearErrors(form, formError) {
  formError.replaceChildren();
  for (const p of form.querySelectorAll('.field-error')) p.textContent = '';
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
}

/** The detail next to its field (matched by name, or by the field's first part), else on top. */
function showError(form, formError, fieldName, message) {
  const candidates = fieldName ? [fieldName, fieldName.split(/[.[]/)[0]] : [];
  for (const name of candidates) {
    const box = form.querySelector(`[data-field="${CSS.escape(name)}"]`);
    if (box) {
      const input = box.querySelector('input, select, textarea');
      box.querySelector('.field-error').textContent = message;
      input.setAttribute('aria-invalid', 'true');
      if (!form.querySelector('[aria-invalid="true"]:focus')) input.focus();
      return;
    }
  }
  formError.append(h('p', {}, message));
}
