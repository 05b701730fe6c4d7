package io.testgen.gateway.runs;

import io.testgen.common.agents.analysis.AnalysisSummary;
import io.testgen.common.agents.observation.ObservationSummary;
import io.testgen.common.agents.requirements.RequirementsSummary;
import io.testgen.common.workflow.Agent;
import io.testgen.common.workflow.GenerationResult;
import io.testgen.common.workflow.PipelineInputs;
import io.testgen.common.workflow.ResultRefs;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An earlier run's results as the inputs of a stage run: by reference when the earlier run stored
 * them and the stage run targets the same origin (the results were the caller's and checked against
 * that origin when produced), so a large result does not travel through Temporal again; inline
 * otherwise, where the workflow validates them against the new origin like any inline input.
 */
final class EarlierResults {
  private EarlierResults() {}

  /**
   * @param earlier the earlier run's result, its references resolved
   */
  static PipelineInputs inputs(
      Agent stage, GenerationResult earlier, String earlierUrl, String runUrl) {
    List<String> stages = List.of(stage.wireName());
    boolean observation = stage.compareTo(Agent.REQUIREMENTS) >= 0;
    boolean requirements = stage.compareTo(Agent.ANALYSIS) >= 0;
    boolean analysis = stage.compareTo(Agent.EVOLUTION) >= 0;
    ResultRefs refs = earlier.resultRefs();
    if (refs == null
        || !sameOrigin(earlierUrl, runUrl)
        || (observation && refs.observation() == null)
        || (requirements && refs.requirements() == null)
        || (analysis && refs.analysis() == null)) {
      return new PipelineInputs(
          stages,
          observation ? earlier.observationResult() : null,
          requirements ? earlier.requirementsResult() : null,
          analysis ? earlier.analysisResult() : null);
    }
    return new PipelineInputs(
        stages,
        null,
        null,
        null,
        observation ? ObservationSummary.of(earlier.observationResult(), refs.observation()) : null,
        requirements
            ? RequirementsSummary.of(earlier.requirementsResult(), refs.requirements())
            : null,
        analysis ? AnalysisSummary.of(earlier.analysisResult(), refs.analysis()) : null);
  }

  static boolean sameOrigin(String a, String b) {
    if (a == null || b == null) return false;
    try {
      URI x = URI.create(a);
      URI y = URI.create(b);
      return x.getScheme() != null
          && x.getScheme().equalsIgnoreCase(y.getScheme())
          && x.getHost() != null
          && x.getHost().toLowerCase(Locale.ROOT).equals(lower(y.getHost()))
          && port(x) == port(y);
    } catch (IllegalArgumentException malformed) {
      return false;
    }
  }

  private static String lower(String host) {
    return Objects.requireNonNullElse(host, "").toLowerCase(Locale.ROOT);
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) return uri.getPort();
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
