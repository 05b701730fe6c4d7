package io.testgen.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the running gateway from its own OpenAPI document with schemathesis (installed by {@code
 * ./testgen test}): no answer is a server error and every answer matches the documented schema.
 * Bounded: the documented examples, then at most {@value #MAX_EXAMPLES} generated examples per
 * operation with a fixed seed, within a budget of {@value #MAX_SECONDS} s (the coverage phase does
 * not fit it on a loaded 2-core machine); the process is killed after {@value
 * #PROCESS_TIMEOUT_SECONDS} s. Skipped only outside CI when schemathesis is not installed.
 */
@Tag("schemathesis")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class SchemathesisTest extends GatewayIntegrationTest {
  static final int MAX_EXAMPLES = 20;
  static final int MAX_SECONDS = 150;
  static final int PROCESS_TIMEOUT_SECONDS = 240;
  static final String SEED = "20261130";

  @Test
  void noServerErrorsAndEveryAnswerMatchesTheDocument() throws Exception {
    Path st = schemathesis();
    assumeTrue(
        st != null || System.getenv("CI") != null,
        "schemathesis is not installed (./testgen test installs it); in CI it must be");
    assertThat(st).as("schemathesis executable (CI is set, so it must be installed)").isNotNull();

    Path reports = Files.createTempDirectory("testgen-schemathesis");
    Path log = reports.resolve("st.log");
    // The document is fetched here (its first rendering is slow on a loaded machine) and handed
    // to schemathesis as a file, with the gateway as the base URL.
    Http.Response document = as("fuzzer").get("/v3/api-docs");
    assertThat(document.status()).as(document.body()).isEqualTo(200);
    Path openapi = reports.resolve("openapi.json");
    Files.writeString(openapi, document.body(), StandardCharsets.UTF_8);
    List<String> command =
        new ArrayList<>(
            List.of(
                st.toString(),
                "--no-color",
                "run",
                openapi.toString(),
                "--url",
                "http://127.0.0.1:" + port,
                "--header",
                "Authorization: Bearer " + TestServers.key("fuzzer"),
                "--checks",
                "not_a_server_error,response_schema_conformance",
                "--phases",
                "examples,fuzzing",
                "--max-time",
                String.valueOf(MAX_SECONDS),
                "--max-examples",
                String.valueOf(MAX_EXAMPLES),
                "--seed",
                SEED,
                "--workers",
                "1",
                "--request-timeout",
                "15",
                "--report",
                "junit",
                "--report-dir",
                reports.toString()));
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean ended = process.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (!ended) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    System.out.println(output);
    assertThat(ended)
        .as("schemathesis ended within %d s:%n%s", PROCESS_TIMEOUT_SECONDS, output)
        .isTrue();
    assertThat(process.exitValue()).as(output).isZero();
  }

  /**
   * {@code $SCHEMATHESIS}, the venv {@code ./testgen test} makes, or {@code schemathesis} on the
   * PATH.
   */
  private static Path schemathesis() {
    List<Path> candidates = new ArrayList<>();
    String configured = System.getenv("SCHEMATHESIS");
    if (configured != null && !configured.isBlank()) candidates.add(Path.of(configured));
    candidates.add(
        Path.of(System.getProperty("user.home"), ".cache", "testgen", "schemathesis", "bin", "st"));
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(java.io.File.pathSeparator)) {
        if (!dir.isEmpty()) candidates.add(Path.of(dir, "schemathesis"));
      }
    }
    for (Path candidate : candidates) {
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return candidate;
    }
    return null;
  }
}
