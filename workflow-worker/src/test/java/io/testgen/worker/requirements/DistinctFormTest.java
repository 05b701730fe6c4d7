package io.testgen.worker.requirements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.ObservationIndex;
import io.testgen.common.agents.observation.ObservationResult;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DistinctFormTest {
  private static List<DistinctForm> of(ObservationResult observation) {
    return DistinctForm.of(new ObservationIndex(observation));
  }

  @Test
  void sameActionMethodAndFieldsOnTwoPagesIsOneFormWithBothEntryPoints() {
    List<DistinctForm> forms = of(ClinicObservation.observation());
    assertThat(forms)
        .extracting(f -> f.form().formId(), DistinctForm::formIds, DistinctForm::stateIds)
        .containsExactly(
            tuple(
                "f-home-search",
                List.of("f-home-search", "f-list-search"),
                List.of("s-home", "s-owners")),
            tuple("f-new-owner", List.of("f-new-owner"), List.of("s-new-owner")),
            tuple("f-delete-owner", List.of("f-delete-owner"), List.of("s-owner")));
  }

  @Test
  void formsWithoutActionSubmitToTheirOwnPageSoDifferAcrossPages() {
    ObservationResult clinic = ClinicObservation.observation();
    List<FormInfo> forms =
        clinic.forms().stream()
            .map(
                f ->
                    new FormInfo(
                        f.formId(),
                        f.stateId(),
                        null,
                        f.method(),
                        f.purpose(),
                        f.fields(),
                        f.submit(),
                        f.submissions()))
            .toList();
    ObservationResult noActions =
        new ObservationResult(
            clinic.targetUrl(),
            clinic.startStateId(),
            clinic.states(),
            clinic.transitions(),
            forms,
            clinic.findings(),
            clinic.goal(),
            clinic.loggedIn(),
            clinic.stats());
    assertThat(of(noActions)).hasSize(4);
    ObservationIndex index = new ObservationIndex(noActions);
    assertThat(index.formSignature(forms.get(0))).isEqualTo("get shop.test/ [lastName]");
    assertThat(index.formSignature(forms.get(1))).isEqualTo("get shop.test/owners [lastName]");
  }
}
