package io.testgen.gateway.security;

import java.util.Collection;

/** Counts a user's runs that have not closed yet (the quota's input). */
public interface ActiveRunCounter {
  /**
   * {@code owner}'s active runs, and which of {@code reserved} (workflow ids of recent starts) this
   * counter already sees in any state, read as one snapshot: a run seen here is either counted (if
   * active) or closed, so the quota must not count its reservation again.
   */
  ActiveRuns activeRuns(String owner, Collection<String> reserved);
}
