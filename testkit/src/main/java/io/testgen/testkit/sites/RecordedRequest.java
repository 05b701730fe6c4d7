package io.testgen.testkit.sites;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request a {@link FixtureServer} answered, as the corpus ground truth matches it.
 *
 * @param method HTTP method, upper case
 * @param path decoded path, without the query
 * @param query raw query string, {@code ""} when there is none
 * @param form decoded urlencoded body parameters (first value of each); empty for GET
 * @param status the status the app answered
 * @param outcome what the app says it did (its {@value #OUTCOME_HEADER} response header, e.g.
 *     {@code search-many}), for outcomes that method, path and status cannot tell apart; null when
 *     none
 */
public record RecordedRequest(
    String method,
    String path,
    String query,
    Map<String, String> form,
    int status,
    String outcome) {
  /** The response header an app sets to name an outcome; recorded, also sent to the client. */
  public static final String OUTCOME_HEADER = "X-Fixture-Outcome";

  public RecordedRequest {
    query = query == null ? "" : query;
    form = form == null ? Map.of() : Map.copyOf(form);
  }

  /** The request as the spec names it, without an outcome. */
  public RecordedRequest(
      String method, String path, String query, Map<String, String> form, int status) {
    this(method, path, query, form, status, null);
  }

  static RecordedRequest of(FixtureRequest request, String rawQuery, FixtureResponse response) {
    Map<String, String> form = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : request.form().entrySet())
      if (!e.getValue().isEmpty()) form.put(e.getKey(), e.getValue().get(0));
    return new RecordedRequest(
        request.method().toUpperCase(java.util.Locale.ROOT),
        request.path(),
        rawQuery,
        form,
        response.status(),
        response.headers().get(OUTCOME_HEADER));
  }
}
