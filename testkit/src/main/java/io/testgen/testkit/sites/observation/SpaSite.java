package io.testgen.testkit.sites.observation;

import io.testgen.testkit.sites.FixtureResponse;
import io.testgen.testkit.sites.FixtureServer;

/**
 * A single-page app: one document, hash routes ({@code #/}, {@code #/todos}, {@code #/settings})
 * rendered by script, and controls that change the page without any navigation: a todo input that
 * adds on Enter, an "Add" button, tabs, a "Show advanced" toggle and a help dialog. The settings
 * view logs a console error.
 */
public final class SpaSite {
  private SpaSite() {}

  public static FixtureServer install(FixtureServer server) {
    server.get("/", r -> FixtureResponse.html(HTML));
    return server;
  }

  private static final String HTML =
      """
      <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tiny SPA</title>
      <style>[hidden]{display:none!important} .item{cursor:pointer}</style></head>
      <body>
      <nav><a href="#/">Home</a> <a href="#/todos">Todos</a> <a href="#/settings">Settings</a></nav>
      <main id="view"></main>
      <div id="help" role="dialog" aria-modal="true" aria-labelledby="help-title" hidden>
        <h2 id="help-title">Help</h2><p>Press Enter to add a todo.</p><button id="close-help">Close</button>
      </div>
      <script>
        const todos = [];
        const view = document.getElementById('view');
        function render() {
          const route = location.hash.replace(/^#/, '') || '/';
          if (route === '/todos') {
            view.innerHTML = '<h1>Todos</h1>'
              + '<input id="new-todo" placeholder="What needs to be done?" aria-label="New todo">'
              + ' <button id="add">Add todo</button>'
              + (todos.length ? '<ul id="list"></ul><p class="count"></p>' : '<p class="empty">Nothing to do yet</p>');
            const list = document.getElementById('list');
            todos.forEach((t, i) => {
              const li = document.createElement('li');
              li.innerHTML = '<input type="checkbox" aria-label="Done"> <span></span>';
              li.querySelector('span').textContent = t;
              list && list.appendChild(li);
            });
            const c = view.querySelector('.count'); if (c) c.textContent = todos.length + ' items';
            const input = document.getElementById('new-todo');
            const add = () => { if (input.value.trim()) { todos.push(input.value.trim()); render(); } };
            input.addEventListener('keydown', (e) => { if (e.key === 'Enter') add(); });
            document.getElementById('add').addEventListener('click', add);
          } else if (route === '/settings') {
            console.error('settings: no API endpoint configured');
            view.innerHTML = '<h1>Settings</h1>'
              + '<div role="tablist"><button role="tab" id="tab-profile" aria-selected="true">Profile</button>'
              + '<button role="tab" id="tab-notify" aria-selected="false">Notifications</button></div>'
              + '<section id="panel-profile" role="tabpanel"><label for="nick">Nickname</label><input id="nick"></section>'
              + '<section id="panel-notify" role="tabpanel" hidden><label><input type="checkbox" id="mail"> Mail me</label>'
              + '<label><input type="checkbox" id="sms"> Text me</label><select id="freq"><option>daily</option><option>weekly</option></select></section>'
              + '<button id="advanced-toggle" aria-expanded="false">Show advanced</button>'
              + '<section id="advanced" hidden><h2>Advanced</h2><label for="api">API endpoint</label><input id="api"></section>'
              + '<button id="open-help">Open help</button>';
            const tabs = { 'tab-profile': 'panel-profile', 'tab-notify': 'panel-notify' };
            for (const [tab, panel] of Object.entries(tabs)) {
              document.getElementById(tab).addEventListener('click', () => {
                for (const [t, p] of Object.entries(tabs)) {
                  document.getElementById(p).hidden = p !== panel;
                  document.getElementById(t).setAttribute('aria-selected', String(t === tab));
                }
              });
            }
            document.getElementById('advanced-toggle').addEventListener('click', (e) => {
              const adv = document.getElementById('advanced');
              adv.hidden = !adv.hidden;
              e.target.setAttribute('aria-expanded', String(!adv.hidden));
            });
            document.getElementById('open-help').addEventListener('click', () => { document.getElementById('help').hidden = false; });
          } else {
            view.innerHTML = '<h1>Welcome</h1><p>A tiny single-page app.</p><p><a href="#/todos">Go to your todos</a></p>';
          }
        }
        document.getElementById('close-help').addEventListener('click', () => { document.getElementById('help').hidden = true; });
        window.addEventListener('hashchange', render);
        render();
      </script>
      </body></html>
      """;
}
