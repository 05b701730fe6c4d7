package io.testgen.worker.evolution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.testgen.common.agents.evolution.EvolutionRequest;
import io.testgen.common.agents.evolution.GeneratedTest;
import io.testgen.common.artifacts.ArtifactPaths;
import io.testgen.common.json.JsonMapperFactory;
import io.testgen.worker.artifacts.ArtifactStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps suites in the artifact store: writes a run's test model and both rendered suites, and reads
 * back the model of a baseline run.
 */
final class SuiteStore {
  private final ArtifactStore artifacts;
  private final ObjectMapper json = JsonMapperFactory.shared();

  SuiteStore(ArtifactStore artifacts) {
    this.artifacts = artifacts;
  }

  Map<String, String> write(SuiteModel model) {
    String wf = model.workflowId();
    Map<String, String> suites = new LinkedHashMap<>();
    List<GeneratedTest> suite = model.suiteTests();
    writeSuite(
        suites,
        wf,
        ArtifactPaths.FORMAT_TYPESCRIPT,
        "testgen-suite-playwright-ts",
        TypeScriptSuiteRenderer.render(model.baseUrl(), suite));
    writeSuite(
        suites,
        wf,
        ArtifactPaths.FORMAT_JAVA,
        "testgen-suite-playwright-java",
        JavaSuiteRenderer.render(model.baseUrl(), suite));
    try {
      suites.put(
          ArtifactPaths.FORMAT_MODEL,
          artifacts.write(
              modelRef(wf), json.writerWithDefaultPrettyPrinter().writeValueAsBytes(model)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the suite model", e);
    }
    return suites;
  }

  /** Zips one rendered suite into the artifact store and notes its ref under its format. */
  private void writeSuite(
      Map<String, String> suites,
      String workflowId,
      String format,
      String folder,
      Map<String, String> files) {
    suites.put(
        format,
        artifacts.write(
            ArtifactPaths.suiteZip(workflowId, format), SuiteArchive.zip(folder, files)));
  }

  /** Where a run's test model lives: {@code runs/<wf>/suite.json}. */
  static String modelRef(String workflowId) {
    return ArtifactPaths.runDir(workflowId) + "/suite.json";
  }

  SuiteModel loadBaseline(EvolutionRequest request) {
    String ref = request.baselineSuiteRef();
    if ((ref == null || ref.isBlank()) && request.baselineWorkflowId() != null)
      ref = modelRef(request.baselineWorkflowId());
    if (ref == null || ref.isBlank()) return null;
    if (!artifacts.exists(ref)) throw new BaselineNotFoundException(ref);
    try {
      return json.readValue(artifacts.read(ref), SuiteModel.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read baseline suite " + ref, e);
    }
  }
}
