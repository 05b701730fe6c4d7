package io.testgen.worker.requirements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.testgen.common.agents.observation.ObservationIndex;
import io.testgen.common.agents.requirements.Evidence;
import io.testgen.common.agents.requirements.Scenario;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AccessibilityRuleTest {
  private final List<Scenario> scenarios =
      new AccessibilityRule()
          .derive(RuleInput.of(new ObservationIndex(ShopObservation.observation()), null, false));

  @Test
  void oneCheckPerPageTemplateNamingItsRuleFamilies() {
    assertThat(scenarios)
        .extracting(Scenario::scenarioId, Scenario::priority, Scenario::tags)
        .containsExactly(
            tuple("REQ-A11Y-s-home", "low", List.of("a11y", "labels", "headings", "keyboard")),
            tuple(
                "REQ-A11Y-s-product-list",
                "medium",
                List.of("a11y", "alt", "headings", "keyboard", "violation_observed")),
            tuple("REQ-A11Y-s-search-results", "low", List.of("a11y", "headings", "keyboard")),
            tuple("REQ-A11Y-s-login", "low", List.of("a11y", "labels", "headings", "keyboard")),
            tuple(
                "REQ-A11Y-s-signup",
                "medium",
                List.of("a11y", "labels", "headings", "keyboard", "violation_observed")),
            tuple(
                "REQ-A11Y-s-account",
                "medium",
                List.of("a11y", "headings", "keyboard", "violation_observed")));
  }

  @Test
  void theChecksAreListedAndViolatingElementsAreEvidence() {
    Scenario signup = scenarios.get(4);
    assertThat(signup.title()).isEqualTo("Page 'Sign up' passes the accessibility checks");
    assertThat(signup.then())
        .containsExactly(
            "each of the 4 inputs has an accessible name",
            "there is exactly one h1 and heading levels do not skip a level",
            "pressing Tab reaches each of the 5 interactive controls");
    assertThat(signup.evidence())
        .isEqualTo(new Evidence(List.of("s-signup"), List.of(), List.of("el-signup-age")));
  }
}
