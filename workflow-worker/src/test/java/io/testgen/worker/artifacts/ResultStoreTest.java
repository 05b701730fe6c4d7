package io.testgen.worker.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.failure.ApplicationFailure;
import io.testgen.common.agents.analysis.AnalysisRequest;
import io.testgen.common.agents.analysis.AnalysisResult;
import io.testgen.common.agents.analysis.AnalysisSummary;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.requirements.RequirementsRequest;
import io.testgen.common.agents.requirements.RequirementsResult;
import io.testgen.common.agents.requirements.RequirementsRevision;
import io.testgen.common.agents.requirements.RequirementsSummary;
import io.testgen.common.artifacts.ArtifactPaths;
import io.testgen.common.artifacts.ArtifactRef;
import io.testgen.common.workflow.FailureTypes;
import io.testgen.worker.analysis.AnalysisActivitiesImpl;
import io.testgen.worker.progress.ProgressPublisher;
import io.testgen.worker.requirements.RequirementsActivitiesImpl;
import io.testgen.worker.requirements.ShopObservation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Results by reference on the agents' side: content-addressed writes that a retry repeats without
 * change, reads verified against the reference, and the agents' entry points reading their inputs
 * by reference exactly as they would inline.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ResultStoreTest {
  @TempDir Path root;

  @Test
  void writingTheSameResultAgainIsIdempotent() throws Exception {
    ResultStore results = new ResultStore(new ArtifactStore(root));
    ObservationResult observation = ShopObservation.observation();

    ArtifactRef first = results.put(observation);
    Path file = root.resolve(ArtifactPaths.object(first.sha256()));
    byte[] written = Files.readAllBytes(file);
    // a retried activity stores the same result again, here from another store instance
    ArtifactRef again = new ResultStore(new ArtifactStore(root)).put(observation);

    assertThat(again).isEqualTo(first);
    assertThat(first.sizeBytes()).isEqualTo(written.length);
    assertThat(Files.readAllBytes(file)).isEqualTo(written);
    try (Stream<Path> files = Files.walk(root)) {
      assertThat(files.filter(Files::isRegularFile)).containsExactly(file);
    }
    assertThat(results.get(first, ObservationResult.class)).isEqualTo(observation);
  }

  @Test
  void anAlteredOrMissingResultFailsClearlyAndIsNotRetried() throws Exception {
    ResultStore results = new ResultStore(new ArtifactStore(root));
    ArtifactRef ref = results.put(ShopObservation.observation());
    Path file = root.resolve(ArtifactPaths.object(ref.sha256()));
    String json = Files.readString(file);
    Files.writeString(file, json.replace("https://shop.test", "https://evil.test"));

    assertThatThrownBy(() -> results.get(ref, ObservationResult.class))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo(FailureTypes.ARTIFACT_CORRUPT);
              assertThat(failure.isNonRetryable()).isTrue();
              assertThat(failure.getOriginalMessage())
                  .startsWith("artifact " + ref.sha256() + " does not match its reference: ")
                  .endsWith(", expected " + ref.sizeBytes() + " bytes");
            });

    Files.delete(file);
    assertThatThrownBy(() -> results.get(ref, ObservationResult.class))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo(FailureTypes.ARTIFACT_CORRUPT);
              assertThat(failure.getOriginalMessage())
                  .startsWith("artifact " + ref.sha256() + " is missing from the store");
            });
  }

  @Test
  void agentsReadInputsByReferenceAsTheyWouldInline() {
    ArtifactStore artifacts = new ArtifactStore(root);
    ResultStore results = new ResultStore(artifacts);
    RequirementsActivitiesImpl requirementsAgent =
        new RequirementsActivitiesImpl(ProgressPublisher.NONE, null, results);
    AnalysisActivitiesImpl analysisAgent =
        new AnalysisActivitiesImpl(ProgressPublisher.NONE, null, results);
    RequirementsRequest inline = ShopObservation.request();
    ArtifactRef observationRef = results.put(inline.observation());

    RequirementsSummary derived =
        requirementsAgent.deriveRequirementsAndStore(
            inline.withObservation(null).withObservationRef(observationRef));

    RequirementsResult expected = requirementsAgent.deriveRequirements(inline);
    assertThat(derived.scenarioCount()).isEqualTo(expected.scenarios().size());
    assertThat(results.get(derived.ref(), RequirementsResult.class)).isEqualTo(expected);

    // a reviewer's edit becomes a new stored result, coverage kept
    RequirementsSummary revised =
        requirementsAgent.storeRevision(
            new RequirementsRevision("wf-1", derived.ref(), List.of(expected.scenarios().get(0))));
    RequirementsResult stored = results.get(revised.ref(), RequirementsResult.class);
    assertThat(revised.scenarioCount()).isEqualTo(1);
    assertThat(stored.scenarios()).containsExactly(expected.scenarios().get(0));
    assertThat(stored.coverage()).isEqualTo(expected.coverage());

    AnalysisSummary analysed =
        analysisAgent.analyseAndStore(
            new AnalysisRequest("wf-1", null, null, null, observationRef, derived.ref(), null));
    AnalysisResult expectedAnalysis =
        analysisAgent.analyse(new AnalysisRequest("wf-1", inline.observation(), expected));
    assertThat(results.get(analysed.ref(), AnalysisResult.class)).isEqualTo(expectedAnalysis);
    assertThat(analysed.rankedCount()).isEqualTo(expectedAnalysis.ranking().size());
  }
}
