package io.testgen.worker.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.testgen.common.agents.observation.ElementInfo;
import io.testgen.common.agents.observation.FieldInfo;
import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.Locator;
import io.testgen.common.agents.observation.ObservationIndex;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.requirements.Scenario;
import io.testgen.worker.Observations;
import io.testgen.worker.StateInfoBuilder;
import io.testgen.worker.requirements.ScenarioDeriver;
import io.testgen.worker.requirements.ShopObservation;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Severity of payment-like fields and of a page named checkout, read from the evidence. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SeverityRulesTest {
  private static final String BASE = "https://shop.test";

  /** A required text field with a label. */
  private static FieldInfo field(String id, String name, String label) {
    return ShopObservation.field(id, name, "text", label, true);
  }

  private static ObservationResult checkout() {
    ElementInfo pay =
        new ElementInfo(
            "el-pay",
            "button",
            "button",
            "button",
            "Pay",
            "Pay",
            null,
            List.of(Locator.role("button", "Pay", true)));
    StateInfo state =
        StateInfoBuilder.state("s-checkout", BASE + "/checkout")
            .fingerprint("fp")
            .title("Checkout")
            .depth(1)
            .buttons(List.of(pay))
            .formIds(List.of("f-pay"))
            .build();
    FormInfo form =
        new FormInfo(
            "f-pay",
            "s-checkout",
            BASE + "/checkout",
            "post",
            "generic",
            List.of(field("el-card", "cardNumber", "Card number"), field("el-cvc", "cvc", "CVC")),
            pay,
            List.of());
    return Observations.of(BASE + "/checkout", List.of(state), List.of(), List.of(form));
  }

  @Test
  void paymentFieldsAndACheckoutPageAreCriticalWithTheirEvidence() {
    ObservationIndex index = new ObservationIndex(checkout());
    List<Scenario> scenarios = new ScenarioDeriver().derive(index, null, false);
    FmeaScorer scorer = new FmeaScorer(index);
    assertThat(scenarios)
        .extracting(
            Scenario::scenarioId,
            s -> scorer.score(s).severity(),
            s -> scorer.score(s).reasons().get(0))
        .startsWith(
            tuple(
                "REQ-RENDER-s-checkout",
                5,
                "severity 5: a checkout or payment page (https://shop.test/checkout)"),
            tuple(
                "REQ-FORM-f-pay-HAPPY",
                5,
                "severity 5: payment-like fields [cardNumber, cvc] in form f-pay"));
    Scenario required =
        scenarios.stream()
            .filter(s -> s.scenarioId().equals("REQ-FORM-f-pay-REQUIRED-cvc"))
            .findFirst()
            .orElseThrow();
    assertThat(scorer.score(required).reasons())
        .containsExactly(
            "severity 5: payment-like fields [cardNumber, cvc] in form f-pay",
            "severity 5: a checkout or payment page (https://shop.test/checkout)",
            "severity -1: a form_validation case, at the edge of the feature rather than its main"
                + " path",
            "occurrence +1: a server round-trip (POST https://shop.test/checkout)",
            "detection +1: no valid submission of form f-pay was seen, so its success is unknown");
    assertThat(scorer.score(required).severity()).isEqualTo(4);
  }
}
