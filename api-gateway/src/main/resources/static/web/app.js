// The web view's shell: sign-in, the hash router (#/runs, #/new, #/run/<id>) and the nav.
import {apiKey, keyWorks, onSignedOut, signIn, signOut} from './api.js';
import {h, replace} from './dom.js';
import {renderStart} from './start.js';
import {renderRuns} from './runs.js';
import {renderRun} from './run.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
let leave = null; // cleanup of the current view (closes streams)

function signInView(message) {
  const input = h('input', {
    id: 'api-key', name: 'api_key', type: 'password', autocomplete: 'current-password',
    required: true, minlength: 16, 'aria-describedby': 'api-key-help api-key-error',
  });
  const error = h('p', {id: 'api-key-error', class: 'field-error', role: 'alert'}, message || '');
  const form = h('form', {class: 'card narrow', 'aria-labelledby': 'sign-in-title'},
    h('h1', {id: 'sign-in-title'}, 'Sign in to TestGen'),
    h('p', {id: 'api-key-help'},
      'Enter your API key. It stays in this browser tab only and is sent with each request; ',
      'closing the tab forgets it.'),
    h('label', {for: 'api-key'}, 'API key'),
    input,
    error,
    h('button', {type: 'submit', class: 'primary'}, 'Sign in'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const key = input.value.trim();
    error.textContent = '';
    if (key.length < 16) {
      error.textContent = 'An API key has at least 16 characters.';
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    try {
      if (await keyWorks(key)) {
        signIn(key);
        input.value = '';
        route();
      } else {
        error.textContent = 'That key was not accepted.';
        input.setAttribute('aria-invalid', 'true');
        input.focus();
      }
    } catch (e) {
      error.textContent = `The gateway did not answer: ${e.message}`;
    }
  });
  return form;
}

function route() {
  if (leave) {
    leave();
    leave = null;
  }
  if (!apiKey()) {
    nav.hidden = true;
    document.title = 'Sign in · TestGen';
    replace(main, signInView());
    document.getElementById('api-key').focus();
    return;
  }
  nav.hidden = false;
  const hash = location.hash || '#/runs';
  const runMatch = hash.match(/^#\/run\/([A-Za-z0-9._:-]+)$/);
  let view;
  if (hash === '#/new') {
    view = renderStart((id) => { location.hash = `#/run/${id}`; });
    setCurrent('new');
  } else if (runMatch) {
    view = renderRun(runMatch[1]);
    setCurrent('runs');
  } else {
    view = renderRuns();
    setCurrent('runs');
  }
  replace(main, view.element);
  document.title = `${view.title} · TestGen`;
  leave = view.leave || null;
  const heading = main.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus({preventScroll: true});
  }
}

function setCurrent(name) {
  for (const link of nav.querySelectorAll('[data-nav]')) {
    if (link.dataset.nav === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

document.getElementById('sign-out').addEventListener('click', () => signOut());
// The skip link moves focus without touching the hash (the hash is the router's).
document.querySelector('.skip').addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});
onSignedOut(() => route());
window.addEventListener('hashchange', route);
route();
