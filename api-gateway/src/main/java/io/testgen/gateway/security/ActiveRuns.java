package io.testgen.gateway.security;

import java.util.Set;

/**
 * One read of a user's runs for the quota.
 *
 * @param active runs not closed yet
 * @param seen the asked-about reserved workflow ids the index already shows (any state)
 */
public record ActiveRuns(long active, Set<String> seen) {
  public ActiveRuns {
    seen = Set.copyOf(seen);
  }
}
