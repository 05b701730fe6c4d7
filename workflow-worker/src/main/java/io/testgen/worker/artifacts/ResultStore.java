package io.testgen.worker.artifacts;

import io.temporal.failure.ApplicationFailure;
import io.testgen.common.agents.analysis.AnalysisRequest;
import io.testgen.common.agents.analysis.AnalysisResult;
import io.testgen.common.agents.analysis.VerificationFeedback;
import io.testgen.common.agents.evolution.EvolutionRequest;
import io.testgen.common.agents.evolution.EvolutionResult;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.requirements.RequirementsRequest;
import io.testgen.common.agents.requirements.RequirementsResult;
import io.testgen.common.agents.requirements.RequirementsRevision;
import io.testgen.common.agents.requirements.RequirementsSummary;
import io.testgen.common.artifacts.ArtifactIntegrityException;
import io.testgen.common.artifacts.ArtifactRef;
import io.testgen.common.artifacts.ContentAddressedStore;
import io.testgen.common.workflow.FailureTypes;

/**
 * The agents' side of results by reference: writes an agent's result to the artifact store
 * (content-addressed, so a retried activity rewrites nothing) and reads the results a request
 * references back into it, verified. A missing or altered result fails the activity non-retryably
 * ({@link FailureTypes#ARTIFACT_CORRUPT}).
 */
public final class ResultStore {
  private final ContentAddressedStore store;

  public ResultStore(ArtifactStore artifacts) {
    this.store = new ContentAddressedStore(artifacts.root());
  }

  /** Stores {@code result} and returns its reference. */
  public ArtifactRef put(Object result) {
    return store.putJson(result);
  }

  /** The stored record {@code ref}, verified. */
  public <T> T get(ArtifactRef ref, Class<T> type) {
    try {
      return store.getJson(ref, type);
    } catch (ArtifactIntegrityException e) {
      throw ApplicationFailure.newNonRetryableFailureWithCause(
          e.getMessage(), FailureTypes.ARTIFACT_CORRUPT, e);
    }
  }

  /**
   * Stores the requirements {@code revision} names with its reviewed scenarios in place of the
   * derived ones, and returns the revised result's summary.
   */
  public RequirementsSummary storeRevision(RequirementsRevision revision) {
    RequirementsResult revised =
        get(revision.requirementsRef(), RequirementsResult.class)
            .withScenarios(revision.scenarios());
    return RequirementsSummary.of(revised, put(revised));
  }

  /** {@code request} with its observation read from the store when it came by reference. */
  public RequirementsRequest inlined(RequirementsRequest request) {
    if (request == null) return null;
    return request.withObservation(
        inline(request.observation(), request.observationRef(), ObservationResult.class));
  }

  /**
   * {@code request} with its inputs read from the store when they came by reference; a referenced
   * evolution result becomes the final risk register's verification feedback.
   */
  public AnalysisRequest inlined(AnalysisRequest request) {
    if (request == null) return null;
    VerificationFeedback verification = request.verification();
    if (verification == null && request.evolutionRef() != null) {
      verification = VerificationFeedback.of(get(request.evolutionRef(), EvolutionResult.class));
    }
    return request.withInputs(
        inline(request.observation(), request.observationRef(), ObservationResult.class),
        inline(request.requirements(), request.requirementsRef(), RequirementsResult.class),
        verification);
  }

  /** {@code request} with its inputs read from the store when they came by reference. */
  public EvolutionRequest inlined(EvolutionRequest request) {
    if (request == null) return null;
    return request.withInputs(
        inline(request.observation(), request.observationRef(), ObservationResult.class),
        inline(request.requirements(), request.requirementsRef(), RequirementsResult.class),
        inline(request.analysis(), request.analysisRef(), AnalysisResult.class));
  }

  private <T> T inline(T inline, ArtifactRef ref, Class<T> type) {
    return inline != null || ref == null ? inline : get(ref, type);
  }
}
