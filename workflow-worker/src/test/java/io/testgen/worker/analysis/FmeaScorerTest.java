package io.testgen.worker.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.common.agents.analysis.VerificationFeedback;
import io.testgen.common.agents.evolution.MutationReport;
import io.testgen.common.agents.observation.ObservationIndex;
import io.testgen.common.agents.requirements.Scenario;
import io.testgen.worker.requirements.ScenarioDeriver;
import io.testgen.worker.requirements.ShopObservation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class FmeaScorerTest {
  private final ObservationIndex index = new ObservationIndex(ShopObservation.observation());
  private final List<Scenario> scenarios =
      new ScenarioDeriver().derive(index, ShopObservation.INSTRUCTION, true);
  private final FmeaScorer scorer = new FmeaScorer(index);

  private Scenario scenario(String id) {
    return scenarios.stream().filter(s -> s.scenarioId().equals(id)).findFirst().orElseThrow();
  }

  private FmeaScorer.Score score(String id) {
    return scorer.score(scenario(id));
  }

  private static List<Integer> figures(FmeaScorer.Score score) {
    return List.of(score.severity(), score.occurrence(), score.detection(), score.rpn());
  }

  /** Severity, occurrence, detection and RPN of scenario {@code id}, and exactly its reasons. */
  private FmeaScorer.Score assertScore(String id, List<Integer> figures, String... reasons) {
    FmeaScorer.Score score = score(id);
    assertThat(figures(score)).isEqualTo(figures);
    assertThat(score.reasons()).containsExactly(reasons);
    return score;
  }

  /** A scorer that knows what verification saw of one scenario's test. */
  private FmeaScorer afterVerification(
      String scenarioId, String status, int runs, int passed, int repairs) {
    return new FmeaScorer(
        index,
        new VerificationFeedback(
            List.of(new VerificationFeedback.Outcome(scenarioId, status, runs, passed, repairs)),
            null));
  }

  @Test
  void goalIsSevereAndFragileSubmitMakesFailuresHardToDetect() {
    assertScore(
        "REQ-GOAL",
        List.of(5, 4, 5, 100),
        "severity 5: the user's goal",
        "severity 5: handles credentials (password fields [password] in form f-signup)",
        "occurrence +1: form f-signup has 4 inputs",
        "occurrence +1: form f-signup has 8 validation rules",
        "occurrence +1: a server round-trip (POST https://shop.test/signup)",
        "detection +2: an element with only fragile locators",
        "detection +1: a state reachable only through actions");
  }

  @Test
  void loginIsSevereAndItsEdgesOneBelow() {
    assertScore(
        "REQ-LOGIN-f-login-SUCCESS",
        List.of(5, 2, 3, 30),
        "severity 5: login (form f-login)",
        "occurrence +1: a server round-trip (POST https://shop.test/login)",
        "detection +1: no valid submission of form f-login was seen, so its success is"
            + " unknown");
    assertScore(
        "REQ-FORM-f-login-REQUIRED-username",
        List.of(4, 2, 3, 24),
        "severity 5: login (form f-login)",
        "severity -1: a form_validation case, at the edge of the feature rather than its main"
            + " path",
        "occurrence +1: a server round-trip (POST https://shop.test/login)",
        "detection +1: no valid submission of form f-login was seen, so its success is"
            + " unknown");
  }

  @Test
  void aFormThatWritesIsHighAndSaysWhichEvidenceShowsIt() {
    // a sign-up writes data (4) and handles a password (5): the password decides
    assertScore(
        "REQ-FORM-f-signup-HAPPY",
        List.of(5, 4, 4, 80),
        "severity 5: handles credentials (password fields [password] in form f-signup)",
        "occurrence +1: form f-signup has 4 inputs",
        "occurrence +1: form f-signup has 8 validation rules",
        "occurrence +1: a server round-trip (POST https://shop.test/signup)",
        "detection +2: an element with only fragile locators");
    assertThat(SeverityRules.writeEvidence(index.form("f-signup").orElseThrow()))
        .containsExactly(
            "purpose signup",
            "POST https://shop.test/signup",
            "a valid submission led to https://shop.test/account",
            "and showed 'Welcome, new shopper'");
  }

  @Test
  void searchIsMediumAndItsProbesStayBelowTheCreateFormsHappyPath() {
    FmeaScorer.Score hit = score("REQ-SEARCH-f-search-HIT");
    assertThat(figures(hit)).containsExactly(3, 2, 2, 12);
    FmeaScorer.Score probe =
        assertScore(
            "REQ-PROBE-f-search-OVERLONG",
            List.of(2, 2, 2, 8),
            "severity 3: search or filter (form f-search, GET https://shop.test/search)",
            "severity -1: a security case, at the edge of the feature rather than its main path",
            "occurrence +1: a server round-trip (a submission went to"
                + " https://shop.test/search?q=shoe)");
    assertThat(probe.rpn())
        .isLessThan(hit.rpn())
        .isLessThan(score("REQ-FORM-f-signup-HAPPY").rpn());
  }

  @Test
  void pagesReachedBySigningInAreHigh() {
    assertScore(
        "REQ-RENDER-s-account",
        List.of(4, 1, 3, 12),
        "severity 4: behind login (s-account is reached by signing in)",
        "detection +1: a state reachable only through actions");
  }

  @Test
  void crawlErrorsOnATemplateInstanceRaiseOccurrenceOfAStaticPage() {
    assertScore(
        "REQ-RENDER-s-product-list",
        List.of(2, 4, 2, 16),
        "severity 2: a static page, nothing written or protected",
        "occurrence +2: the crawl saw errors on its states (http_error 500 at"
            + " https://shop.test/products/hats)",
        "occurrence +1: a template with 2 instances");
  }

  @Test
  void accessibilityIsCosmeticAndNavigationIsEasyToDetect() {
    assertScore(
        "REQ-A11Y-s-home", List.of(2, 1, 2, 4), "severity 2: an accessibility check, cosmetic");
    assertScore(
        "REQ-NAV-s-home-TO-s-login",
        List.of(2, 1, 1, 2),
        "severity 2: a static page, nothing written or protected",
        "detection -1: navigation, the URL shows the outcome");
  }

  @Test
  void detectionFollowsTheFaultsTheSuiteMissedOrCaughtOnTheScenariosPages() {
    Scenario home = scenario("REQ-RENDER-s-home");
    assertThat(figures(scorer.score(home))).containsExactly(3, 1, 2, 6);

    FmeaScorer.Score missed =
        new FmeaScorer(index, report("killed", "survived", "discarded")).score(home);
    assertThat(figures(missed)).containsExactly(3, 1, 3, 9);
    assertThat(missed.reasons())
        .endsWith("detection +1: the suite missed 1 of 2 faults injected on its pages");

    FmeaScorer.Score caught = new FmeaScorer(index, report("killed", "killed")).score(home);
    assertThat(figures(caught)).containsExactly(3, 1, 1, 3);
    assertThat(caught.reasons())
        .endsWith("detection -1: the suite caught all 2 faults on its pages");

    // faults on other pages say nothing about this one
    MutationReport elsewhere =
        new MutationReport(
            List.of("link_missing"),
            1,
            0,
            1,
            0,
            0,
            0.0,
            Map.of(),
            List.of(mutant("f-1", "s-login", "survived")),
            10,
            null,
            List.of());
    assertThat(new FmeaScorer(index, elsewhere).score(home).detection()).isEqualTo(2);
  }

  @Test
  void occurrenceFollowsWhatVerificationSawGoWrongWithTheScenariosTest() {
    Scenario home = scenario("REQ-RENDER-s-home");
    FmeaScorer.Score flaky = afterVerification("REQ-RENDER-s-home", "flaky", 3, 2, 0).score(home);
    assertThat(figures(flaky)).containsExactly(3, 3, 2, 18);
    assertThat(flaky.reasons())
        .contains("occurrence +2: its test was flaky in verification (2 of 3 runs passed)");

    FmeaScorer.Score repaired =
        afterVerification("REQ-RENDER-s-home", "repaired", 3, 3, 1).score(home);
    assertThat(figures(repaired)).containsExactly(3, 2, 2, 12);

    // another scenario's troubles say nothing about this one
    FmeaScorer.Score other = afterVerification("REQ-NAV-x", "failed", 3, 0, 0).score(home);
    assertThat(figures(other)).containsExactly(3, 1, 2, 6);
  }

  private static MutationReport report(String... statuses) {
    List<MutationReport.Mutant> faults = new ArrayList<>();
    for (int i = 0; i < statuses.length; i++) {
      faults.add(mutant("f-" + i, "s-home", statuses[i]));
    }
    return new MutationReport(
        List.of("heading_text_changed"),
        statuses.length,
        0,
        0,
        0,
        0,
        null,
        Map.of(),
        faults,
        10,
        null,
        List.of());
  }

  private static MutationReport.Mutant mutant(String id, String stateId, String status) {
    return new MutationReport.Mutant(
        id, "heading_text_changed", stateId, "the heading reads otherwise", status, null, null, 1);
  }
}
