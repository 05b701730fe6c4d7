package io.testgen.worker.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import io.testgen.common.agents.evolution.GeneratedTest;
import io.testgen.common.agents.evolution.Repair;
import io.testgen.common.agents.evolution.TestStep;
import io.testgen.common.agents.observation.Locator;
import io.testgen.worker.browser.BrowserPool;
import io.testgen.worker.browser.ContextLease;
import io.testgen.worker.browser.TestBrowsers;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each repair method, in the order tried, on a live page in real Chromium. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class StepRepairerTest {
  static final BrowserPool pool = TestBrowsers.shared();

  @AfterAll
  static void stop() {
    pool.releaseThread();
  }

  private static Optional<StepRepairer.Proposal> repair(String html, TestStep step) {
    GeneratedTest test =
        new GeneratedTest(
            "T",
            "T",
            "t",
            "high",
            List.of(Steps.goTo("/"), step),
            "candidate",
            0,
            0,
            0,
            List.of(),
            null);
    try (ContextLease lease =
        pool.acquireContext(
            pool.guard("http://127.0.0.1", f -> {}), new Browser.NewContextOptions())) {
      Page page = lease.context().newPage();
      page.setContent(html);
      return new StepRepairer().propose(test, 1, page, "u1");
    }
  }

  @Test
  void triesTheElementsOtherLocatorsFirst() {
    var proposal =
        repair(
            "<button id='renamed'>Go</button>",
            Steps.click(
                List.of(Locator.css("#go", true), Locator.role("button", "Go", true)), "Go"));
    assertThat(proposal.orElseThrow().repair())
        .isEqualTo(new Repair(1, "alternative_locator", "css=#go", "role=button[name=\"Go\"]"));
    assertThat(proposal.get().steps().get(1).locators())
        .containsExactly(Locator.role("button", "Go", true), Locator.css("#go", true));
  }

  @Test
  void thenReFindsByRoleAndPartOfItsName() {
    var proposal =
        repair(
            "<a href='/x'>Home</a><button class='new'>Save changes</button><button>Cancel</button>",
            Steps.click(
                List.of(Locator.css(".old", true), Locator.role("button", "Save", true)), "Save"));
    assertThat(proposal.orElseThrow().repair())
        .isEqualTo(
            new Repair(1, "refind_by_role", "css=.old", "role=button[name=\"Save changes\"]"));
  }

  @Test
  void thenReFindsByText() {
    var proposal =
        repair(
            "<span onclick='1'>Learn more about us</span><p>Other text</p>",
            Steps.click(
                List.of(Locator.css("#more", true), new Locator("text", "Read more", null, true)),
                "Read more"));
    assertThat(proposal.orElseThrow().repair())
        .isEqualTo(new Repair(1, "refind_by_text", "css=#more", "text=\"Learn more about us\""));
  }

  @Test
  void anExpectationIsNeverRePointedOnlyGivenAnExplicitWait() {
    TestStep expectation =
        Steps.expectVisible(
            List.of(Locator.role("heading", "Order placed", true), Locator.css("h1", true)),
            "heading");
    var proposal = repair("<h1>Order failed</h1>", expectation);
    assertThat(proposal.orElseThrow().repair())
        .isEqualTo(
            new Repair(
                1,
                "wait",
                "expect_visible role=heading[name=\"Order placed\"]",
                "wait_for role=heading[name=\"Order placed\"]"));
    assertThat(proposal.get().steps())
        .extracting(TestStep::action)
        .containsExactly("goto", "wait_for", "expect_visible");
  }

  @Test
  void anAmbiguousRoleMatchIsNotAcceptedAsARepair() {
    var proposal =
        repair(
            "<button>Save draft</button><button>Save and publish</button>",
            Steps.click(
                List.of(Locator.css("#save", true), Locator.role("button", "Save", true)), "Save"));
    // Two buttons match "Save": no locator repair, only the explicit wait remains.
    assertThat(proposal.orElseThrow().repair().method()).isEqualTo("wait");
  }
}
