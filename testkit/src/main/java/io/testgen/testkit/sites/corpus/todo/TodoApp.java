package io.testgen.testkit.sites.corpus.todo;

import io.testgen.testkit.sites.FixtureResponse;
import io.testgen.testkit.sites.FixtureServer;
import io.testgen.testkit.sites.corpus.CorpusApp;
import io.testgen.testkit.sites.corpus.FaultSwitch;
import io.testgen.testkit.sites.corpus.HandFault;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A TodoMVC-shaped single-page app served from {@code corpus/<name>/} on the classpath: one
 * document, hash routes, state in the browser's localStorage, and telemetry ({@code POST
 * /__events/<type>}, answered 204) sent by the app's script after each change it makes. Two builds:
 * {@link #plain()} ({@code todo-spa}, plain DOM) and {@link #webComponents()} ({@code todo-wc},
 * custom elements with open shadow roots). The server keeps no state, so {@link #reset()} has
 * nothing to do: each browser context starts empty. Its hand-written faults ({@link TodoFaults})
 * are bugs in the served script, one line each, served only while injected.
 */
public final class TodoApp implements CorpusApp {
  private final String name;
  private final List<String> assets;
  private final List<TodoFaults.ScriptFault> catalogue;
  private final FaultSwitch faults;

  private TodoApp(String name, List<String> assets, List<TodoFaults.ScriptFault> catalogue) {
    this.name = name;
    this.assets = assets;
    this.catalogue = catalogue;
    this.faults =
        new FaultSwitch(
            catalogue.stream().map(TodoFaults.ScriptFault::fault).toArray(HandFault[]::new));
  }

  /** {@code todo-spa}: TodoMVC in plain JavaScript. */
  public static TodoApp plain() {
    return new TodoApp("todo-spa", List.of("app.js", "app.css"), TodoFaults.PLAIN);
  }

  /** {@code todo-wc}: the same app as {@code <todo-app>} holding {@code <todo-item>}s. */
  public static TodoApp webComponents() {
    return new TodoApp(
        "todo-wc", List.of("todo-app.js", "todo-item.js"), TodoFaults.WEB_COMPONENTS);
  }

  @Override
  public FaultSwitch faults() {
    return faults;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public FixtureServer install(FixtureServer server) {
    byte[] index = read("index.html");
    server.get("/", r -> new FixtureResponse(200, "text/html; charset=utf-8", index, Map.of()));
    for (String asset : assets) {
      byte[] body = read(asset);
      Map<String, byte[]> faulty = new HashMap<>(); // fault id -> this asset with the fault
      for (TodoFaults.ScriptFault f : catalogue)
        if (f.file().equals(asset))
          faulty.put(
              f.fault().id(),
              f.apply(new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
      String type = asset.endsWith(".css") ? "text/css" : "text/javascript";
      server.get(
          "/" + asset,
          r -> {
            String active = faults.active();
            byte[] served = active == null ? body : faulty.getOrDefault(active, body);
            return new FixtureResponse(200, type + "; charset=utf-8", served, Map.of());
          });
    }
    server.post("/__events/*", r -> new FixtureResponse(204, "text/plain", new byte[0], Map.of()));
    return server;
  }

  @Override
  public void reset() {
    // all state lives in the browser
  }

  /** Runs a todo app until killed: {@code TodoApp [port] [todo-spa|todo-wc]}. */
  public static void main(String[] args) throws InterruptedException {
    boolean wc = args.length > 1 && args[1].equals("todo-wc");
    CorpusApp.serve(wc ? webComponents() : plain(), args);
  }

  private byte[] read(String file) {
    String resource = "corpus/" + name + "/" + file;
    try (InputStream in = TodoApp.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing " + resource);
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
