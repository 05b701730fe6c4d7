package io.testgen.gateway.runs;

import io.testgen.common.artifacts.ArtifactPaths;
import io.testgen.common.workflow.GenerationResult;
import io.testgen.gateway.config.RunsProperties;
import io.testgen.gateway.errors.NotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/** Where a completed run's rendered suites are on disk, never outside the artifacts directory. */
@Component
class SuiteFiles {
  private final RunQueries queries;
  private final Path artifactsRoot;

  SuiteFiles(RunQueries queries, RunsProperties runs) {
    this.queries = queries;
    this.artifactsRoot = Path.of(runs.artifactsDir()).toAbsolutePath().normalize();
  }

  /** The run's rendered suite zip in {@code format}; 404 NOT_READY when it is not there. */
  Path suite(String owner, String workflowId, String format) {
    GenerationResult result = queries.results(owner, workflowId);
    String relative =
        result.evolutionResult() != null && result.evolutionResult().suites() != null
            ? result.evolutionResult().suites().get(format)
            : null;
    if (relative == null) relative = ArtifactPaths.suiteZip(workflowId, format);
    Path file = artifactsRoot.resolve(relative).normalize();
    if (!file.startsWith(artifactsRoot) || !Files.isRegularFile(file)) {
      throw NotFoundException.notReady("no " + format + " suite was rendered for this run");
    }
    return file;
  }
}
