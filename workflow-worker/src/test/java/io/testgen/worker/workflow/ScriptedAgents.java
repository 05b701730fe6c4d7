package io.testgen.worker.workflow;

import io.temporal.activity.Activity;
import io.temporal.client.ActivityCompletionException;
import io.temporal.failure.ApplicationFailure;
import io.testgen.common.agents.analysis.AnalysisActivities;
import io.testgen.common.agents.analysis.AnalysisRequest;
import io.testgen.common.agents.analysis.AnalysisResult;
import io.testgen.common.agents.analysis.AnalysisSummary;
import io.testgen.common.agents.analysis.ExecutionStrategy;
import io.testgen.common.agents.analysis.RiskAssessment;
import io.testgen.common.agents.evolution.EvolutionActivities;
import io.testgen.common.agents.evolution.EvolutionRequest;
import io.testgen.common.agents.evolution.EvolutionResult;
import io.testgen.common.agents.evolution.EvolutionSummary;
import io.testgen.common.agents.evolution.GeneratedTest;
import io.testgen.common.agents.observation.CrawlStats;
import io.testgen.common.agents.observation.ElementInfo;
import io.testgen.common.agents.observation.GoalOutcome;
import io.testgen.common.agents.observation.Locator;
import io.testgen.common.agents.observation.ObservationActivities;
import io.testgen.common.agents.observation.ObservationRequest;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.observation.ObservationSummary;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.requirements.Evidence;
import io.testgen.common.agents.requirements.LlmReport;
import io.testgen.common.agents.requirements.RequirementsActivities;
import io.testgen.common.agents.requirements.RequirementsRequest;
import io.testgen.common.agents.requirements.RequirementsResult;
import io.testgen.common.agents.requirements.RequirementsRevision;
import io.testgen.common.agents.requirements.RequirementsSummary;
import io.testgen.common.agents.requirements.Scenario;
import io.testgen.worker.StateInfoBuilder;
import io.testgen.worker.artifacts.ArtifactStore;
import io.testgen.worker.artifacts.ResultStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Activity implementations for orchestration tests: each result follows from its input in a fixed,
 * visible way, and knobs make an agent fail, miss the goal or hang until cancelled. The real agents
 * have their own tests against Chromium and fixture sites.
 */
final class ScriptedAgents
    implements ObservationActivities,
        RequirementsActivities,
        AnalysisActivities,
        EvolutionActivities {

  final List<String> calls = Collections.synchronizedList(new ArrayList<>());
  final AtomicInteger observeAttempts = new AtomicInteger();
  volatile String observationFailureType;
  volatile int transientObservationFailures;
  volatile boolean goalReached = true;
  volatile boolean evolutionHangsUntilCancelled;
  final CountDownLatch evolutionStarted = new CountDownLatch(1);
  volatile boolean evolutionSawCancel;
  volatile EvolutionRequest lastEvolutionRequest;

  /** States the scripted crawl finds; each has a page's worth of links and buttons beyond two. */
  volatile int generatedStates = 2;

  private final ResultStore results;

  /** Agents storing their results by reference in an artifact store at {@code artifacts}. */
  ScriptedAgents(Path artifacts) {
    results = new ResultStore(new ArtifactStore(artifacts));
  }

  // ---- results by reference, exactly as the real agents' entry points do it ------------------

  @Override
  public ObservationSummary observeAndStore(ObservationRequest request) {
    ObservationResult result = observe(request);
    return ObservationSummary.of(result, results.put(result));
  }

  @Override
  public RequirementsSummary deriveRequirementsAndStore(RequirementsRequest request) {
    RequirementsResult result = deriveRequirements(results.inlined(request));
    return RequirementsSummary.of(result, results.put(result));
  }

  @Override
  public RequirementsSummary storeRevision(RequirementsRevision revision) {
    return results.storeRevision(revision);
  }

  @Override
  public AnalysisSummary analyseAndStore(AnalysisRequest request) {
    AnalysisResult result = analyse(results.inlined(request));
    return AnalysisSummary.of(result, results.put(result));
  }

  @Override
  public EvolutionSummary evolveAndStore(EvolutionRequest request) {
    EvolutionResult result = evolve(results.inlined(request));
    return EvolutionSummary.of(result, results.put(result));
  }

  // ---- the scripted agents ---------------------------------------------------------------------

  @Override
  public ObservationResult observe(ObservationRequest request) {
    calls.add(
        "observe "
            + request.url()
            + " depth="
            + request.maxDepth()
            + " pages="
            + request.maxPages());
    int attempt = observeAttempts.incrementAndGet();
    if (observationFailureType != null) {
      throw ApplicationFailure.newNonRetryableFailure(
          "scripted: " + observationFailureType, observationFailureType);
    }
    if (attempt <= transientObservationFailures) {
      throw new IllegalStateException("scripted transient failure " + attempt);
    }
    List<StateInfo> states = new ArrayList<>();
    int count = generatedStates;
    for (int i = 0; i < count; i++) {
      states.add(
          StateInfoBuilder.state(
                  "S-" + i, request.url() + (i == 0 ? "" : i == 1 ? "about" : "page/" + i))
              .fingerprint("fp" + i)
              .title("Page " + i)
              .depth(i)
              .links(count > 2 ? elements("link", i, 6) : List.of())
              .buttons(count > 2 ? elements("button", i, 3) : List.of())
              .build());
    }
    GoalOutcome goal =
        request.userInstruction() == null
            ? null
            : new GoalOutcome(
                request.userInstruction(),
                goalReached,
                List.of("click 'About'"),
                goalReached ? "S-1" : null,
                goalReached ? null : "no control matches 'checkout'");
    return new ObservationResult(
        request.url(),
        "S-0",
        states,
        List.of(),
        List.of(),
        List.of(),
        goal,
        false,
        new CrawlStats(count, count, 0, 0, 1, 0, 10, 0));
  }

  /** A page's controls, each with the locators the crawler would rank. */
  private static List<ElementInfo> elements(String kind, int state, int count) {
    List<ElementInfo> elements = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String name = kind + " " + i + " of page " + state;
      elements.add(
          new ElementInfo(
              "E-" + state + "-" + kind + "-" + i,
              kind,
              kind.equals("link") ? "a" : "button",
              kind,
              name,
              name,
              kind.equals("link") ? "/page/" + (state + i + 1) : null,
              List.of(
                  new Locator("role", kind + "[name='" + name + "']", name, true),
                  Locator.css("#page-" + state + " ." + kind + "-" + i, true))));
    }
    return elements;
  }

  @Override
  public RequirementsResult deriveRequirements(RequirementsRequest request) {
    calls.add(
        "deriveRequirements states="
            + request.observation().stateCount()
            + " max="
            + request.maxScenarios());
    List<Scenario> scenarios = new ArrayList<>();
    for (StateInfo state : request.observation().states()) {
      if (scenarios.size() == request.maxScenarios()) break;
      scenarios.add(
          new Scenario(
              "REQ-RENDER-" + state.stateId(),
              state.title() + " renders",
              List.of("a visitor"),
              List.of("they open " + state.url()),
              List.of("they see " + state.title()),
              "medium",
              "functional",
              List.of("render"),
              Map.of(),
              new Evidence(List.of(state.stateId()), List.of(), List.of()),
              false,
              "rules"));
    }
    return new RequirementsResult(scenarios, null, LlmReport.notConfigured());
  }

  @Override
  public AnalysisResult analyse(AnalysisRequest request) {
    calls.add(
        "analyse scenarios="
            + request.requirements().scenarios().size()
            + (request.verification() == null
                ? ""
                : " verified=" + request.verification().outcomes().size()));
    List<RiskAssessment> risks = new ArrayList<>();
    List<String> ranking = new ArrayList<>();
    int rank = 1;
    for (Scenario s : request.requirements().scenarios()) {
      risks.add(
          new RiskAssessment(s.scenarioId(), 3, 2, 2, 12, "low", List.of("render"), rank++, 1));
      ranking.add(s.scenarioId());
    }
    return new AnalysisResult(
        risks,
        ranking,
        Map.of("low", risks.size()),
        new ExecutionStrategy(ranking, ranking.subList(0, 1), List.of(ranking), 2.0, 1.0),
        LlmReport.notConfigured());
  }

  @Override
  public EvolutionResult evolve(EvolutionRequest request) {
    calls.add(
        "evolve scenarios="
            + request.requirements().scenarios().size()
            + " baseline="
            + request.baselineSuiteRef());
    lastEvolutionRequest = request;
    evolutionStarted.countDown();
    if (evolutionHangsUntilCancelled) {
      try {
        while (true) {
          Activity.getExecutionContext().heartbeat("waiting");
          Thread.sleep(100);
        }
      } catch (ActivityCompletionException cancelled) {
        evolutionSawCancel = true;
        throw cancelled;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    List<GeneratedTest> tests = new ArrayList<>();
    for (Scenario s : request.requirements().scenarios()) {
      tests.add(
          new GeneratedTest(
              "T-" + s.scenarioId(),
              s.scenarioId(),
              s.title(),
              s.priority(),
              List.of(),
              "passed",
              3,
              3,
              5,
              List.of(),
              null));
    }
    return new EvolutionResult(
        tests,
        tests.size(),
        1.0,
        0,
        0,
        List.of(),
        Map.of("playwright-ts", "runs/" + request.workflowId() + "/suite-playwright-ts.zip"),
        null,
        20,
        null);
  }
}
