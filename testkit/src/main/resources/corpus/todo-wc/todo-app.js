// <todo-app>: TodoMVC as a custom element with an open shadow root holding <todo-item>s. After
// every change of state it makes, it tells the server (POST /__events/<type>), like the plain build.
(function () {
  'use strict';
  var STORAGE_KEY = 'todos-web-components';
  var STYLE =
    ':host { display: block; background: #fff; margin: 130px 0 40px 0; position: relative; box-shadow: 0 2px 4px rgba(0,0,0,.2); }' +
    '.hidden { display: none; }' +
    'h1 { position: absolute; top: -140px; width: 100%; font-size: 80px; font-weight: 200; text-align: center; color: #b83f45; }' +
    '.new-todo { width: 100%; font-size: 24px; padding: 16px 16px 16px 60px; border: none; box-sizing: border-box; }' +
    '.main { position: relative; border-top: 1px solid #e6e6e6; }' +
    '.toggle-all { width: 1px; height: 1px; border: none; opacity: 0; position: absolute; right: 100%; bottom: 100%; }' +
    '.toggle-all + label { display: flex; width: 45px; height: 65px; font-size: 0; position: absolute; top: -65px; left: 0; }' +
    '.toggle-all + label:before { content: "❯"; font-size: 22px; color: #949494; padding: 10px 27px; transform: rotate(90deg); }' +
    '.todo-list { margin: 0; padding: 0; }' +
    '.footer { padding: 10px 15px; height: 20px; text-align: center; font-size: 15px; border-top: 1px solid #e6e6e6; }' +
    '.todo-count { float: left; } .filters { margin: 0; padding: 0; list-style: none; position: absolute; right: 0; left: 0; }' +
    '.filters li { display: inline; } .filters a { color: inherit; margin: 3px; padding: 3px 7px; text-decoration: none; }' +
    '.filters a.selected { border: 1px solid #ce4646; border-radius: 3px; }' +
    '.clear-completed { float: right; position: relative; border: 0; background: none; cursor: pointer; }';

  function emit(type) {
    try { fetch('/__events/' + type, { method: 'POST', keepalive: true }); } catch (e) { /* telemetry only */ }
  }

  class TodoApp extends HTMLElement {
    constructor() {
      super();
      this.attachShadow({ mode: 'open' });
      this.shadowRoot.innerHTML = '<style>' + STYLE + '</style>' +
        '<header class="header"><h1>todos</h1><input class="new-todo" placeholder="What needs to be done?" autofocus></header>' +
        '<section class="main"><input id="toggle-all" class="toggle-all" type="checkbox">' +
        '<label for="toggle-all">Mark all as complete</label><div class="todo-list" role="list"></div></section>' +
        '<footer class="footer"><span class="todo-count"></span><ul class="filters">' +
        '<li><a href="#/">All</a></li><li><a href="#/active">Active</a></li><li><a href="#/completed">Completed</a></li></ul>' +
        '<button class="clear-completed">Clear completed</button></footer>';
      try { this.todos = JSON.parse(localStorage.getItem(STORAGE_KEY)) || []; } catch (e) { this.todos = []; }
      this.filter = this.route();
      var root = this.shadowRoot, self = this;
      this.$ = function (selector) { return root.querySelector(selector); };
      this.$('.new-todo').addEventListener('keydown', function (e) {
        if (e.key !== 'Enter') return;
        var title = e.target.value.trim();
        if (!title) return;
        self.todos.push({ id: Date.now() + '-' + self.todos.length, title: title, completed: false });
        e.target.value = '';
        self.change('add');
      });
      this.$('.toggle-all').addEventListener('change', function (e) {
        self.todos.forEach(function (t) { t.completed = e.target.checked; });
        self.change('toggle-all');
      });
      this.$('.clear-completed').addEventListener('click', function () {
        self.todos = self.todos.filter(function (t) { return !t.completed; });
        self.change('clear-completed');
      });
      var list = this.$('.todo-list');
      list.addEventListener('todo-toggle', function (e) { self.find(e).completed = e.detail.completed; self.change('toggle'); });
      list.addEventListener('todo-remove', function (e) { self.remove(e); self.change('delete'); });
      list.addEventListener('todo-edit-start', function () { emit('edit-start'); });
      list.addEventListener('todo-edit-cancel', function () { self.render(); emit('edit-cancel'); });
      list.addEventListener('todo-save', function (e) {
        if (!e.detail.title) { self.remove(e); self.change('delete'); return; }
        self.find(e).title = e.detail.title;
        self.change('edit');
      });
      window.addEventListener('hashchange', function () {
        self.filter = self.route();
        self.render();
        emit('filter-' + self.filter);
      });
    }
    connectedCallback() { this.render(); }
    route() {
      var hash = location.hash.replace(/^#\/?/, '');
      return hash === 'active' || hash === 'completed' ? hash : 'all';
    }
    find(e) { return this.todos.find(function (t) { return t.id === e.detail.id; }); }
    remove(e) { this.todos = this.todos.filter(function (t) { return t.id !== e.detail.id; }); }
    change(type) {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(this.todos));
      this.render();
      emit(type);
    }
    render() {
      var self = this, list = this.$('.todo-list');
      list.innerHTML = '';
      this.todos
        .filter(function (t) { return self.filter === 'all' || (self.filter === 'active' ? !t.completed : t.completed); })
        .forEach(function (todo) {
          var item = document.createElement('todo-item');
          item.setAttribute('role', 'listitem');
          item.todo = todo;
          list.appendChild(item);
        });
      var active = this.todos.filter(function (t) { return !t.completed; }).length;
      var completed = this.todos.length - active;
      this.$('.main').classList.toggle('hidden', this.todos.length === 0);
      this.$('.footer').classList.toggle('hidden', this.todos.length === 0);
      this.$('.toggle-all').checked = this.todos.length > 0 && active === 0;
      this.$('.todo-count').innerHTML = '<strong>' + active + '</strong> ' + (active === 1 ? 'item' : 'items') + ' left';
      this.$('.clear-completed').classList.toggle('hidden', completed === 0);
      this.shadowRoot.querySelectorAll('.filters a').forEach(function (a) {
        a.classList.toggle('selected', a.getAttribute('href') === '#/' + (self.filter === 'all' ? '' : self.filter));
      });
    }
  }
  customElements.define('todo-app', TodoApp);
})();
