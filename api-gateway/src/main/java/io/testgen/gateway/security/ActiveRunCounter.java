package io.testgen.gateway.security;

/** Counts a user's runs that have not closed yet (the quota's input). */
public interface ActiveRunCounter {
  long countActive(String owner);
}
