package io.testgen.testkit.sites;

/** Answers a fixture request. */
@FunctionalInterface
public interface FixtureHandler {
  FixtureResponse handle(FixtureRequest request) throws Exception;
}
