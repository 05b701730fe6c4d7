package io.testgen.worker.analysis;

import static io.testgen.common.agents.observation.ObservationIndex.orEmpty;

import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.FormSubmission;
import io.testgen.common.agents.observation.ObservationIndex;
import io.testgen.common.agents.requirements.Scenario;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which scenario needs data another creates. The rule: the happy path of a form that creates data
 * (tag {@code creates_data}) comes before every other scenario on the state its valid submission
 * reached (the account after sign-up, the list after "add item"), unless that scenario submits the
 * same form itself.
 */
public final class DataDependencies {
  private DataDependencies() {}

  /** Prerequisites by scenario id; scenarios without any are absent. */
  public static Map<String, Set<String>> of(ObservationIndex index, List<Scenario> scenarios) {
    Map<String, Set<String>> prerequisites = new LinkedHashMap<>();
    for (Scenario creator : scenarios) {
      if (!orEmpty(creator.tags()).contains("creates_data")) {
        continue;
      }
      for (String formId : orEmpty(creator.evidence().formIds())) {
        Optional<String> createdOn = index.form(formId).flatMap(DataDependencies::resultState);
        if (createdOn.isEmpty()) {
          continue;
        }
        for (Scenario user : scenarios) {
          boolean sameForm = orEmpty(user.evidence().formIds()).contains(formId);
          if (user != creator
              && !sameForm
              && orEmpty(user.evidence().stateIds()).contains(createdOn.get())) {
            prerequisites
                .computeIfAbsent(user.scenarioId(), k -> new LinkedHashSet<>())
                .add(creator.scenarioId());
          }
        }
      }
    }
    return prerequisites;
  }

  private static Optional<String> resultState(FormInfo form) {
    return orEmpty(form.submissions()).stream()
        .filter(s -> "valid".equals(s.kind()))
        .map(FormSubmission::resultStateId)
        .filter(id -> id != null && !id.equals(form.stateId()))
        .findFirst();
  }
}
