package io.testgen.testkit.sites.corpus.todo;

import io.testgen.testkit.sites.corpus.HandFault;
import java.util.List;

/**
 * The todo apps' hand-written fault catalogues: each fault is a one-line bug in the served script
 * (an unassigned {@code filter}, a swapped condition), the kind a developer ships when a test does
 * not look. The same six bugs for both builds, written against each build's own source.
 */
final class TodoFaults {
  /**
   * A fault made by replacing {@code from} (found exactly once) with {@code to} in {@code file}.
   */
  record ScriptFault(HandFault fault, String file, String from, String to) {
    String apply(String source) {
      int at = source.indexOf(from);
      if (at < 0 || source.indexOf(from, at + 1) >= 0)
        throw new IllegalStateException(
            fault.id() + ": the line to break is not in " + file + " exactly once");
      return source.substring(0, at) + to + source.substring(at + from.length());
    }
  }

  static final String ADD = "enter-adds-nothing";
  static final String COUNT = "count-counts-completed";
  static final String ACTIVE_FILTER = "filters-swapped";
  static final String CLEAR = "clear-completed-keeps-all";
  static final String EDIT = "edit-not-saved";
  static final String DELETE = "delete-removes-last";

  private static final HandFault[] FAULTS = {
    new HandFault(
        ADD,
        "Enter clears the input but no todo is added (concat instead of push: the new list is"
            + " dropped)"),
    new HandFault(COUNT, "the \"items left\" count counts completed todos too"),
    new HandFault(
        ACTIVE_FILTER, "\"Active\" shows the completed todos and \"Completed\" the active ones"),
    new HandFault(
        CLEAR,
        "\"Clear completed\" removes nothing (the filtered list is computed, never assigned)"),
    new HandFault(EDIT, "editing a todo by double-click and Enter keeps the old title"),
    new HandFault(DELETE, "a todo's delete button removes the last todo instead of that one"),
  };

  static final List<ScriptFault> PLAIN =
      List.of(
          new ScriptFault(
              FAULTS[0],
              "app.js",
              "todos.push({ id: Date.now() + '-' + todos.length, title: title, completed: false });",
              "todos.concat([{ id: Date.now() + '-' + todos.length, title: title, completed: false }]);"),
          new ScriptFault(
              FAULTS[1],
              "app.js",
              "'<strong>' + active + '</strong> '",
              "'<strong>' + todos.length + '</strong> '"),
          new ScriptFault(
              FAULTS[2],
              "app.js",
              "(filter === 'active' ? !t.completed : t.completed)",
              "(filter === 'active' ? t.completed : !t.completed)"),
          new ScriptFault(
              FAULTS[3],
              "app.js",
              "todos = todos.filter(function (t) { return !t.completed; });",
              "todos.filter(function (t) { return !t.completed; });"),
          new ScriptFault(FAULTS[4], "app.js", "todo.title = title;", "title = todo.title;"),
          new ScriptFault(
              FAULTS[5],
              "app.js",
              "function () { remove(todo); change('delete'); }",
              "function () { todos.pop(); change('delete'); }"));

  static final List<ScriptFault> WEB_COMPONENTS =
      List.of(
          new ScriptFault(
              FAULTS[0],
              "todo-app.js",
              "self.todos.push({ id: Date.now() + '-' + self.todos.length, title: title, completed: false });",
              "self.todos.concat([{ id: Date.now() + '-' + self.todos.length, title: title, completed: false }]);"),
          new ScriptFault(
              FAULTS[1],
              "todo-app.js",
              "'<strong>' + active + '</strong> '",
              "'<strong>' + this.todos.length + '</strong> '"),
          new ScriptFault(
              FAULTS[2],
              "todo-app.js",
              "(self.filter === 'active' ? !t.completed : t.completed)",
              "(self.filter === 'active' ? t.completed : !t.completed)"),
          new ScriptFault(
              FAULTS[3],
              "todo-app.js",
              "self.todos = self.todos.filter(function (t) { return !t.completed; });",
              "self.todos.filter(function (t) { return !t.completed; });"),
          new ScriptFault(
              FAULTS[4],
              "todo-app.js",
              "self.find(e).title = e.detail.title;",
              "self.find(e).title = self.find(e).title;"),
          new ScriptFault(
              FAULTS[5],
              "todo-app.js",
              "function (e) { self.remove(e); self.change('delete'); }",
              "function (e) { self.todos.pop(); self.change('delete'); }"));

  private TodoFaults() {}
}
