package io.testgen.testkit.sites.corpus;

import io.testgen.testkit.sites.corpus.admin.AdminApp;
import io.testgen.testkit.sites.corpus.shop.CrudShopApp;
import io.testgen.testkit.sites.corpus.todo.TodoApp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The corpus: every app by name, each supplier making a fresh app with its seeded data. */
public final class CorpusApps {
  private CorpusApps() {}

  /** Name to a supplier of a fresh instance, in a fixed order. */
  public static Map<String, Supplier<CorpusApp>> all() {
    Map<String, Supplier<CorpusApp>> apps = new LinkedHashMap<>();
    apps.put("crud-shop", CrudShopApp::new);
    apps.put("todo-spa", TodoApp::plain);
    apps.put("todo-wc", TodoApp::webComponents);
    apps.put("admin", AdminApp::new);
    apps.put("hostile", HostileApp::new);
    return java.util.Collections.unmodifiableMap(apps);
  }

  /** A fresh instance of the app {@code name}. */
  public static CorpusApp create(String name) {
    Supplier<CorpusApp> app = all().get(name);
    if (app == null) throw new IllegalArgumentException("no corpus app " + name);
    return app.get();
  }
}
