package io.testgen.worker.mutation;

import java.util.List;
import java.util.Set;

/**
 * A fault that changed what a test saw without failing it: what Evolution strengthens the suite
 * against.
 *
 * @param target the text the fault took away or changed (a heading, link, label, message), or null
 * @param post whether it acts on the answer to a form's POST (it concerns what follows a submit)
 * @param scope path keys of the states the fault concerns
 * @param reachedBy ids of the tests that reach its state and pass on the unmutated app
 */
public record SurvivedFault(
    String faultId,
    String operator,
    String target,
    boolean post,
    Set<String> scope,
    List<String> reachedBy) {

  /** Whether the page at {@code url} is one of the fault's states. */
  public boolean concerns(String url) {
    return scope.contains(pathKey(url));
  }

  /** A URL's path, with its fragment when that is a client-side route ({@code #/...}). */
  public static String pathKey(String url) {
    return FaultCatalog.pathKey(url);
  }
}
