// TodoMVC in plain JavaScript. After every change of state it makes, it tells the server
// (POST /__events/<type>), so tests can prove from the request log which features ran.
(function () {
  'use strict';
  var STORAGE_KEY = 'todos-vanillajs';
  var ENTER = 'Enter', ESCAPE = 'Escape';
  var todos = load();
  var filter = route();
  var $ = function (selector) { return document.querySelector(selector); };
  var list = $('.todo-list');

  function load() {
    try { return JSON.parse(localStorage.getItem(STORAGE_KEY)) || []; } catch (e) { return []; }
  }
  function save() { localStorage.setItem(STORAGE_KEY, JSON.stringify(todos)); }
  function emit(type) {
    try { fetch('/__events/' + type, { method: 'POST', keepalive: true }); } catch (e) { /* telemetry only */ }
  }
  function route() {
    var hash = location.hash.replace(/^#\/?/, '');
    return hash === 'active' || hash === 'completed' ? hash : 'all';
  }
  function visible() {
    return todos.filter(function (t) {
      return filter === 'all' || (filter === 'active' ? !t.completed : t.completed);
    });
  }
  function change(type) { save(); render(); emit(type); }

  function render() {
    list.innerHTML = '';
    visible().forEach(function (todo) { list.appendChild(item(todo)); });
    var active = todos.filter(function (t) { return !t.completed; }).length;
    var completed = todos.length - active;
    $('.main').classList.toggle('hidden', todos.length === 0);
    $('.footer').classList.toggle('hidden', todos.length === 0);
    $('.toggle-all').checked = todos.length > 0 && active === 0;
    $('.todo-count').innerHTML = '<strong>' + active + '</strong> ' + (active === 1 ? 'item' : 'items') + ' left';
    $('.clear-completed').classList.toggle('hidden', completed === 0);
    document.querySelectorAll('.filters a').forEach(function (a) {
      a.classList.toggle('selected', a.getAttribute('href') === '#/' + (filter === 'all' ? '' : filter));
    });
  }

  function item(todo) {
    var li = document.createElement('li');
    li.dataset.id = todo.id;
    if (todo.completed) li.className = 'completed';
    li.innerHTML = '<div class="view"><input class="toggle" type="checkbox"><label></label>' +
      '<button class="destroy"></button></div><input class="edit">';
    li.querySelector('label').textContent = todo.title;
    var toggle = li.querySelector('.toggle');
    toggle.checked = todo.completed;
    toggle.addEventListener('change', function () { todo.completed = toggle.checked; change('toggle'); });
    li.querySelector('.destroy').addEventListener('click', function () { remove(todo); change('delete'); });
    li.querySelector('label').addEventListener('dblclick', function () { startEdit(li, todo); });
    return li;
  }

  function remove(todo) { todos = todos.filter(function (t) { return t !== todo; }); }

  function startEdit(li, todo) {
    var edit = li.querySelector('.edit');
    var done = false;
    li.classList.add('editing');
    edit.value = todo.title;
    edit.focus();
    emit('edit-start');
    function finish(keep) {
      if (done) return;
      done = true;
      li.classList.remove('editing');
      if (!keep) { render(); emit('edit-cancel'); return; }
      var title = edit.value.trim();
      if (!title) { remove(todo); change('delete'); return; }
      todo.title = title;
      change('edit');
    }
    edit.addEventListener('keydown', function (e) {
      if (e.key === ENTER) finish(true);
      else if (e.key === ESCAPE) finish(false);
    });
    edit.addEventListener('blur', function () { finish(true); });
  }

  $('.new-todo').addEventListener('keydown', function (e) {
    if (e.key !== ENTER) return;
    var title = e.target.value.trim();
    if (!title) return;
    todos.push({ id: Date.now() + '-' + todos.length, title: title, completed: false });
    e.target.value = '';
    change('add');
  });
  $('.toggle-all').addEventListener('change', function (e) {
    var checked = e.target.checked;
    todos.forEach(function (t) { t.completed = checked; });
    change('toggle-all');
  });
  $('.clear-completed').addEventListener('click', function () {
    todos = todos.filter(function (t) { return !t.completed; });
    change('clear-completed');
  });
  window.addEventListener('hashchange', function () {
    filter = route();
    render();
    emit('filter-' + filter);
  });
  render();
})();
