package io.testgen.worker.mutation;

import com.microsoft.playwright.Page;
import io.testgen.common.agents.evolution.GeneratedTest;
import java.util.function.Consumer;

/**
 * Runs one verified test once against the live app, in a fresh context of the shared browser pool;
 * {@code prepare} sees the test's page before its first step (where a fault is installed). Called
 * from worker threads that release their pool connection when they end.
 */
@FunctionalInterface
public interface TestRun {
  boolean passes(GeneratedTest test, Consumer<Page> prepare);
}
