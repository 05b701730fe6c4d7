package io.testgen.worker.mutation;

import io.testgen.common.agents.evolution.GeneratedTest;
import io.testgen.common.agents.evolution.TestStep;
import io.testgen.common.agents.observation.Locator;
import java.util.List;
import java.util.Set;

/** Verified tests and faults written by hand, for the mutation tests. */
final class SuiteSteps {
  private SuiteSteps() {}

  static GeneratedTest test(String id, TestStep... steps) {
    return new GeneratedTest(
        id, "REQ-" + id, id, "high", List.of(steps), "passed", 1, 1, 0, List.of(), null);
  }

  static TestStep go(String path) {
    return new TestStep("goto", List.of(), path, null, null);
  }

  static TestStep click(Locator l) {
    return new TestStep("click", List.of(l), null, null, null);
  }

  static TestStep fill(Locator l, String value) {
    return new TestStep("fill", List.of(l), value, null, null);
  }

  static TestStep visible(Locator l) {
    return new TestStep("expect_visible", List.of(l), null, null, null);
  }

  static TestStep text(Locator l, String value) {
    return new TestStep("expect_text", List.of(l), value, null, null);
  }

  static TestStep url(String path) {
    return new TestStep("expect_url", List.of(), path, null, null);
  }

  static Locator css(String selector) {
    return Locator.css(selector, true);
  }

  static Locator heading(String name) {
    return Locator.role("heading", name, true);
  }

  static Locator button(String name) {
    return Locator.role("button", name, true);
  }

  static Locator link(String name) {
    return Locator.role("link", name, true);
  }

  static Fault fault(
      String operator, Fault.How how, String path, String target, String replacement) {
    return new Fault(
        operator + "@" + path,
        operator,
        "state" + path,
        operator,
        how,
        path,
        target,
        replacement,
        Set.of(path == null ? "/" : path));
  }

  static Fault fault(
      String id,
      String operator,
      Fault.How how,
      String path,
      String target,
      String replacement,
      String scope) {
    return new Fault(
        id, operator, "state" + scope, operator, how, path, target, replacement, Set.of(scope));
  }
}
