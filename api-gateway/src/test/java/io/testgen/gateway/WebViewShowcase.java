package io.testgen.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.testgen.common.json.JsonMapperFactory;
import io.testgen.common.workflow.GenerationResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A completed run that has everything the web view can show (four states with screenshots, forms, a
 * finding, six scenarios with RPNs, tests that passed, were repaired, are flaky, failed with a
 * screenshot, or were skipped with a reason, and a kill matrix), read from {@code
 * web-view/showcase-result.json}; and the files its references point at.
 */
final class WebViewShowcase {
  static final String RESOURCE = "/web-view/showcase-result.json";
  static final String[] SCREENSHOTS = {
    "screenshots/s1.png",
    "screenshots/s2.png",
    "screenshots/s3.png",
    "screenshots/s4.png",
    "failures/sc2.png"
  };

  // Read once per worker JVM: the workflow code that returns it stays deterministic.
  private static final String TEMPLATE = read();

  private WebViewShowcase() {}

  /** The showcase result for run {@code workflowId} of {@code url} (no trailing slash). */
  static GenerationResult result(String workflowId, String url) {
    String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    String json = TEMPLATE.replace("@ID@", workflowId).replace("@URL@", base);
    try {
      return JsonMapperFactory.shared().readValue(json, GenerationResult.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("bad showcase result", e);
    }
  }

  /**
   * Writes what the result references under {@code artifacts}: a real PNG per screenshot (rendered
   * by {@code png}: name to bytes) and both suite zips.
   */
  static void writeArtifacts(Path artifacts, String workflowId, Function<String, byte[]> png) {
    Path run = artifacts.resolve("runs").resolve(workflowId);
    try {
      for (String shot : SCREENSHOTS) {
        Path file = run.resolve(shot);
        Files.createDirectories(file.getParent());
        Files.write(file, png.apply(shot));
      }
      zip(run.resolve("suites/playwright-ts.zip"), "package.json", "{}");
      zip(run.resolve("suites/playwright-java.zip"), "pom.xml", "<project/>");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void zip(Path file, String entry, String content) throws IOException {
    Files.createDirectories(file.getParent());
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
      out.putNextEntry(new ZipEntry("suite/" + entry));
      out.write(content.getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
  }

  private static String read() {
    try (InputStream in = WebViewShowcase.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException(RESOURCE + " is missing");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
