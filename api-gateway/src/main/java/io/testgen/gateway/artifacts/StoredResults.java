package io.testgen.gateway.artifacts;

import io.testgen.common.artifacts.ArtifactIntegrityException;
import io.testgen.common.artifacts.ContentAddressedStore;
import io.testgen.common.artifacts.ReferencedResults;
import io.testgen.common.workflow.GenerationResult;
import io.testgen.gateway.config.RunsProperties;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads back the agents' results a run's workflow result references (runs since results went by
 * reference carry only content-addressed references through Temporal), verified against their
 * hashes, so {@code /results} and the stage endpoints see whole results as before.
 */
@Component
public class StoredResults {
  private static final Logger log = LoggerFactory.getLogger(StoredResults.class);

  private final ContentAddressedStore store;

  StoredResults(RunsProperties properties) {
    this.store = new ContentAddressedStore(Path.of(properties.artifactsDir()));
  }

  /**
   * {@code result} with every referenced part read from the artifact store; throws {@link
   * ArtifactCorruptException} (500 {@code ARTIFACT_CORRUPT}) when one is missing or altered.
   */
  public GenerationResult resolve(GenerationResult result) {
    try {
      return ReferencedResults.resolve(result, store);
    } catch (ArtifactIntegrityException e) {
      log.error(
          "event=artifact_corrupt workflow_id={} error={}", result.workflowId(), e.getMessage());
      throw new ArtifactCorruptException();
    }
  }
}
