package io.testgen.testkit.sites;

import java.util.List;
import java.util.Map;

/** A request to a fixture site, parsed. */
public record FixtureRequest(
    String method,
    String path,
    Map<String, List<String>> query,
    Map<String, List<String>> form,
    Map<String, String> cookies,
    Map<String, List<String>> headers) {

  public String param(String name) {
    List<String> values = form.getOrDefault(name, query.get(name));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  public String header(String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) return e.getValue().get(0);
    }
    return null;
  }
}
