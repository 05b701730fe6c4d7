package io.testgen.worker.requirements;

import io.temporal.failure.ApplicationFailure;
import io.testgen.common.agents.observation.ObservationIndex;
import io.testgen.common.agents.requirements.Coverage;
import io.testgen.common.agents.requirements.LlmReport;
import io.testgen.common.agents.requirements.RequirementsActivities;
import io.testgen.common.agents.requirements.RequirementsRequest;
import io.testgen.common.agents.requirements.RequirementsResult;
import io.testgen.common.agents.requirements.RequirementsRevision;
import io.testgen.common.agents.requirements.RequirementsSummary;
import io.testgen.common.agents.requirements.Scenario;
import io.testgen.common.agents.requirements.ScenarioVocabulary;
import io.testgen.common.workflow.Agent;
import io.testgen.common.workflow.FailureTypes;
import io.testgen.worker.ActivityHeartbeat;
import io.testgen.worker.artifacts.ArtifactStore;
import io.testgen.worker.artifacts.ResultStore;
import io.testgen.worker.llm.LlmSettings;
import io.testgen.worker.llm.StructuredChatClient;
import io.testgen.worker.progress.AgentProgressReporter;
import io.testgen.worker.progress.ProgressPublisher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Requirements agent: rule-derived scenarios, filtered as the request asks, optionally refined
 * by an LLM, with their coverage of the observation. Usable without a Temporal activity context.
 */
public final class RequirementsActivitiesImpl implements RequirementsActivities {
  /** Failure type of bad input; the workflow lists it as non-retryable. */
  public static final String INVALID_REQUEST = FailureTypes.INVALID_REQUEST;

  private final ProgressPublisher publisher;
  private final LlmScenarioRefiner refiner;
  private final ScenarioDeriver deriver = new ScenarioDeriver();
  private final ResultStore results;

  /**
   * @param refiner optional; null means rules only
   * @param results where results by reference are read and written; null: inline only
   */
  public RequirementsActivitiesImpl(
      ProgressPublisher publisher, LlmScenarioRefiner refiner, ResultStore results) {
    this.publisher = publisher;
    this.refiner = refiner;
    this.results = results;
  }

  /**
   * @param refiner optional; null means rules only
   */
  public RequirementsActivitiesImpl(ProgressPublisher publisher, LlmScenarioRefiner refiner) {
    this(publisher, refiner, null);
  }

  public RequirementsActivitiesImpl(ProgressPublisher publisher) {
    this(publisher, null);
  }

  /** With the worker's LLM, reading and writing results by reference in {@code artifacts}. */
  public static RequirementsActivitiesImpl withLlm(
      ProgressPublisher publisher, LlmSettings llm, ArtifactStore artifacts) {
    StructuredChatClient chat = StructuredChatClient.fromSettings(llm);
    return new RequirementsActivitiesImpl(
        publisher,
        chat == null ? null : new LlmScenarioRefiner(chat),
        artifacts == null ? null : new ResultStore(artifacts));
  }

  @Override
  public RequirementsSummary deriveRequirementsAndStore(RequirementsRequest request) {
    RequirementsResult result = deriveRequirements(results().inlined(request));
    return RequirementsSummary.of(result, results().put(result));
  }

  @Override
  public RequirementsSummary storeRevision(RequirementsRevision revision) {
    return results().storeRevision(revision);
  }

  private ResultStore results() {
    if (results == null) throw new IllegalStateException("no artifact store configured");
    return results;
  }

  @Override
  public RequirementsResult deriveRequirements(RequirementsRequest request) {
    AgentProgressReporter progress =
        new AgentProgressReporter(
            publisher, request == null ? null : request.workflowId(), Agent.REQUIREMENTS);
    progress.validate(() -> validate(request));
    progress.started("Deriving scenarios from " + request.observation().stateCount() + " states");
    try {
      ObservationIndex index = new ObservationIndex(request.observation());
      List<Scenario> derived =
          deriver.derive(index, request.userInstruction(), request.hasCredentials());
      progress.progress(
          0.4,
          "Derived " + derived.size() + " scenarios by rules",
          Map.of("derived", derived.size()));
      ActivityHeartbeat.beat("derived");

      ScenarioSelection selection =
          new ScenarioSelection(
              request.scenarioTypes(), request.maxScenarios(), request.focusGoalOnly());
      List<Scenario> scenarios = selection.apply(derived);
      progress.progress(
          0.6,
          "Selected " + scenarios.size() + " of " + derived.size() + " scenarios",
          Map.of("selected", scenarios.size()));

      LlmReport llm = LlmReport.notConfigured();
      if (refiner != null) {
        progress.progress(0.7, "Refining scenarios with the LLM", Map.of());
        ActivityHeartbeat.beat("refining");
        LlmScenarioRefiner.Refinement refinement =
            refiner.refine(index, request.userInstruction(), scenarios);
        llm = refinement.report();
        // The LLM's proposals obey the same filters and cap as the rules' scenarios.
        scenarios = selection.apply(refinement.scenarios());
        if (llm.fallback()) {
          progress.progress(
              0.9,
              "LLM fallback, rule-derived scenarios stand: " + llm.fallbackReason(),
              Map.of("llm_fallback", true, "fallback_reason", llm.fallbackReason()));
        } else {
          progress.progress(
              0.9,
              "LLM applied " + llm.changesApplied() + " changes, rejected " + llm.changesRejected(),
              Map.of("llm_applied", llm.changesApplied(), "llm_rejected", llm.changesRejected()));
        }
      }

      Coverage coverage = CoverageCalculator.of(index, scenarios);
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("scenarios", scenarios.size());
      summary.put("states_percent", coverage.statesPercent());
      summary.put("forms_percent", coverage.formsPercent());
      summary.put("elements_percent", coverage.elementsPercent());
      summary.put("llm_fallback", llm.fallback());
      progress.completed(scenarios.size() + " scenarios derived", summary);
      return new RequirementsResult(scenarios, coverage, llm);
    } catch (RuntimeException e) {
      progress.failed("Requirements failed: " + e.getMessage());
      throw e;
    }
  }

  private static void validate(RequirementsRequest request) {
    if (request == null) {
      throw invalid("request is required");
    }
    if (request.observation() == null) {
      throw invalid("observation is required");
    }
    if (request.maxScenarios() < ScenarioSelection.MIN_SCENARIOS
        || request.maxScenarios() > ScenarioSelection.MAX_SCENARIOS) {
      throw invalid("max_scenarios must be 1..100, was " + request.maxScenarios());
    }
    if (request.scenarioTypes() != null) {
      List<String> unknown =
          request.scenarioTypes().stream()
              .filter(t -> !ScenarioVocabulary.TYPES.contains(t))
              .toList();
      if (!unknown.isEmpty()) {
        throw invalid("unknown scenario_types: " + unknown);
      }
    }
    boolean hasInstruction =
        (request.userInstruction() != null && !request.userInstruction().isBlank())
            || (request.observation().goal() != null
                && request.observation().goal().instruction() != null
                && !request.observation().goal().instruction().isBlank());
    if (request.focusGoalOnly() && !hasInstruction) {
      throw invalid("focus_goal_only needs a user instruction");
    }
  }

  private static ApplicationFailure invalid(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, INVALID_REQUEST);
  }
}
