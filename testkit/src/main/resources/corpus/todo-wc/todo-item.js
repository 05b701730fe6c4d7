// <todo-item>: one todo in its own open shadow root. It tells its <todo-app> what the user did
// with composed events (todo-toggle, todo-remove, todo-save, todo-edit-start, todo-edit-cancel).
(function () {
  'use strict';
  var STYLE =
    ':host { display: block; position: relative; font-size: 24px; border-bottom: 1px solid #ededed; }' +
    '.toggle { width: 40px; height: 40px; position: absolute; top: 0; bottom: 0; margin: auto 0; }' +
    'label { word-break: break-all; padding: 15px 15px 15px 60px; display: block; line-height: 1.2; }' +
    'li { list-style: none; }' +
    'li.completed label { color: #949494; text-decoration: line-through; }' +
    '.destroy { display: none; position: absolute; top: 0; right: 10px; bottom: 0; width: 40px; height: 40px;' +
    ' margin: auto 0; font-size: 30px; color: #949494; border: 0; background: none; }' +
    '.destroy:after { content: "×"; }' +
    ':host(:hover) .destroy { display: block; }' +
    '.edit { display: none; width: calc(100% - 43px); margin: 0 0 0 43px; padding: 12px 16px; font-size: 24px; box-sizing: border-box; }' +
    'li.editing .edit { display: block; }' +
    'li.editing .view { display: none; }';

  class TodoItem extends HTMLElement {
    constructor() {
      super();
      this.attachShadow({ mode: 'open' });
      this.shadowRoot.innerHTML = '<style>' + STYLE + '</style><li><div class="view">' +
        '<input class="toggle" type="checkbox"><label></label><button class="destroy"></button>' +
        '</div><input class="edit"></li>';
      var root = this.shadowRoot, self = this;
      this.li = root.querySelector('li');
      this.toggle = root.querySelector('.toggle');
      this.label = root.querySelector('label');
      this.edit = root.querySelector('.edit');
      this.toggle.addEventListener('change', function () { self.tell('todo-toggle', { completed: self.toggle.checked }); });
      root.querySelector('.destroy').addEventListener('click', function () { self.tell('todo-remove', {}); });
      this.label.addEventListener('dblclick', function () { self.startEdit(); });
      this.edit.addEventListener('keydown', function (e) {
        if (e.key === 'Enter') self.finish(true);
        else if (e.key === 'Escape') self.finish(false);
      });
      this.edit.addEventListener('blur', function () { self.finish(true); });
    }
    set todo(todo) {
      this._todo = todo;
      this.setAttribute('data-id', todo.id);
      this.label.textContent = todo.title;
      this.toggle.checked = todo.completed;
      this.li.classList.toggle('completed', todo.completed);
      this.toggleAttribute('completed', todo.completed);
    }
    get todo() { return this._todo; }
    tell(type, detail) {
      detail.id = this._todo.id;
      this.dispatchEvent(new CustomEvent(type, { detail: detail, bubbles: true, composed: true }));
    }
    startEdit() {
      this.editing = true;
      this.li.classList.add('editing');
      this.setAttribute('editing', '');
      this.edit.value = this._todo.title;
      this.edit.focus();
      this.tell('todo-edit-start', {});
    }
    finish(keep) {
      if (!this.editing) return;
      this.editing = false;
      this.li.classList.remove('editing');
      this.removeAttribute('editing');
      if (keep) this.tell('todo-save', { title: this.edit.value.trim() });
      else this.tell('todo-edit-cancel', {});
    }
  }
  customElements.define('todo-item', TodoItem);
})();
