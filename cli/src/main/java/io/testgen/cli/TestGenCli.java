package io.testgen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.testgen.common.json.JsonMapperFactory;
import io.testgen.common.workflow.Agent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * {@code ./testgen generate|status|cancel}: starts a run through the gateway, shows live progress
 * from its event stream, and writes the rendered suites to disk.
 */
public final class TestGenCli {
  private final GatewayClient gateway;
  private final PrintStream out;

  TestGenCli(GatewayClient gateway, PrintStream out) {
    this.gateway = gateway;
    this.out = out;
  }

  public static void main(String[] args) {
    String url = envOr("TESTGEN_GATEWAY_URL", "http://127.0.0.1:8080");
    TestGenCli cli =
        new TestGenCli(new GatewayClient(url, System.getenv("TESTGEN_API_KEY")), System.out);
    try {
      System.exit(cli.run(args));
    } catch (GatewayClient.ApiProblem e) {
      System.err.println("testgen: the gateway answered " + e.getMessage());
      System.exit(1);
    } catch (ConnectException e) {
      System.err.println(
          "testgen: cannot reach the gateway at " + url + " (is it up? ./testgen up)");
      System.exit(1);
    } catch (IOException | IllegalArgumentException e) {
      System.err.println("testgen: " + e.getMessage());
      System.exit(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      System.exit(130);
    }
  }

  int run(String[] args) throws IOException, InterruptedException {
    if (args.length == 0)
      throw new IllegalArgumentException("usage: generate URL [options] | status ID | cancel ID");
    return switch (args[0]) {
      case "generate" -> generate(args);
      case "status" -> {
        out.println(
            JsonMapperFactory.create()
                .writerWithDefaultPrettyPrinter()
                .writeValueAsString(
                    gateway.get("/api/v2/workflows/" + required(args, 1, "WORKFLOW_ID"))));
        yield 0;
      }
      case "cancel" -> {
        JsonNode answer = gateway.delete("/api/v2/workflows/" + required(args, 1, "WORKFLOW_ID"));
        out.println(args[1] + ": " + answer.path("status").asText("cancelling"));
        yield 0;
      }
      default -> throw new IllegalArgumentException("unknown command " + args[0]);
    };
  }

  private int generate(String[] args) throws IOException, InterruptedException {
    String target = required(args, 1, "URL");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("url", target);
    Path output = Path.of("testgen-output");
    for (int i = 2; i < args.length; i++) {
      switch (args[i]) {
        case "--max-depth" ->
            body.put("max_depth", Integer.parseInt(required(args, ++i, "--max-depth N")));
        case "--max-pages" ->
            body.put("max_pages", Integer.parseInt(required(args, ++i, "--max-pages N")));
        case "--instruction" ->
            body.put("user_instruction", required(args, ++i, "--instruction TEXT"));
        case "--output" -> output = Path.of(required(args, ++i, "--output DIR"));
        case "--read-only" -> body.put("allow_writes", false);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    JsonNode started = gateway.post("/api/v2/generate-tests", body);
    String workflowId = started.path("workflow_id").asText();
    out.println("Run " + workflowId + " started for " + target);

    String terminal = follow(workflowId);
    out.println();
    if (!terminal.equals("workflow_completed")) {
      JsonNode status = gateway.get("/api/v2/workflows/" + workflowId);
      out.println(
          "Run "
              + workflowId
              + " ended "
              + status.path("status").asText()
              + ": "
              + status.path("error").asText(""));
      return 1;
    }
    return summarise(workflowId, output.resolve(workflowId));
  }

  /** Shows progress until the terminal event; reconnects with Last-Event-ID if the stream drops. */
  private String follow(String workflowId) throws IOException, InterruptedException {
    ProgressBoard board = new ProgressBoard(out, System.console() != null);
    String[] terminal = {null};
    String lastId = null;
    for (int attempt = 0; terminal[0] == null && attempt < 100; attempt++) {
      try {
        lastId =
            gateway.stream(
                workflowId,
                lastId,
                event -> {
                  try {
                    JsonNode data = JsonMapperFactory.shared().readTree(event.data());
                    String agent = data.path("agent").asText(null);
                    if (agent != null && event.event().startsWith("agent_")) {
                      board.update(
                          Agent.fromWire(agent),
                          event.event(),
                          data.path("progress").asDouble(),
                          data.path("message").asText(""));
                    } else if (event.event().equals("awaiting_review")) {
                      out.println(
                          "Waiting for review: approve with POST /api/v2/workflows/"
                              + workflowId
                              + "/approve");
                    }
                  } catch (IOException | IllegalArgumentException ignored) {
                    // an event we do not know how to draw; the stream goes on
                  }
                  if (event.event().startsWith("workflow_")
                      && !event.event().equals("workflow_started")) {
                    terminal[0] = event.event();
                    return false;
                  }
                  return true;
                });
      } catch (IOException dropped) {
        Thread.sleep(1_000);
      }
    }
    return terminal[0] == null ? "unknown" : terminal[0];
  }

  private int summarise(String workflowId, Path dir) throws IOException, InterruptedException {
    JsonNode results = resultsOnceClosed(workflowId);
    JsonNode evolution = results.path("evolution_result");
    Files.createDirectories(dir);
    for (String format : new String[] {"playwright-ts", "playwright-java"}) {
      byte[] zip = gateway.download("/api/v2/workflows/" + workflowId + "/suite?format=" + format);
      unzip(zip, dir.resolve(format));
    }
    Files.writeString(
        dir.resolve("results.json"),
        JsonMapperFactory.create().writerWithDefaultPrettyPrinter().writeValueAsString(results));
    out.println(
        "Run "
            + workflowId
            + " completed in "
            + Math.round(results.path("total_duration_seconds").asDouble())
            + " s");
    out.println("  states observed   " + results.path("observation_result").path("states").size());
    JsonNode writes = results.path("observation_result").path("writes");
    out.println("  writes performed  " + writes.size() + (writes.isEmpty() ? "" : ":"));
    for (JsonNode w : writes)
      out.println(
          "    "
              + w.path("method").asText()
              + " "
              + w.path("url").asText()
              + (w.path("result_url").isTextual() ? " -> " + w.path("result_url").asText() : ""));
    out.println(
        "  scenarios         " + results.path("requirements_result").path("scenarios").size());
    out.println(
        "  verified tests    "
            + results.path("test_count").asInt()
            + " (pass rate "
            + Math.round(evolution.path("pass_rate").asDouble() * 100)
            + "%, "
            + evolution.path("flaky_count").asInt()
            + " flaky dropped, "
            + evolution.path("repaired_count").asInt()
            + " repaired, "
            + evolution.path("failing").size()
            + " failing)");
    out.println();
    out.println("Generated tests are in " + dir.toAbsolutePath());
    out.println(
        "  Playwright TypeScript: "
            + dir.resolve("playwright-ts").toAbsolutePath()
            + "  (npm install && npx playwright test)");
    out.println(
        "  Playwright Java/JUnit: "
            + dir.resolve("playwright-java").toAbsolutePath()
            + "  (mvn test)");
    return 0;
  }

  /**
   * Unpacks a suite zip into {@code target}. Suites are zipped inside one top-level folder (so a
   * downloaded zip unpacks tidily); the CLI drops that folder, its name is already the output's.
   */
  /**
   * The terminal event is published just before the workflow closes, so the results may answer
   * NOT_READY for a moment after it; ask again for a while.
   */
  private JsonNode resultsOnceClosed(String workflowId) throws IOException, InterruptedException {
    for (int attempt = 0; ; attempt++) {
      try {
        return gateway.get("/api/v2/workflows/" + workflowId + "/results");
      } catch (GatewayClient.ApiProblem e) {
        if (!e.code.equals("NOT_READY") || attempt >= 60) throw e;
        Thread.sleep(500);
      }
    }
  }

  static void unzip(byte[] zip, Path target) throws IOException {
    Path root = target.toAbsolutePath().normalize();
    Files.createDirectories(root);
    String prefix = commonFolder(zip);
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        String name = entry.getName().substring(prefix.length());
        if (name.isEmpty()) continue;
        Path path = root.resolve(name).normalize();
        if (!path.startsWith(root))
          throw new IOException("zip entry escapes the output: " + entry.getName());
        if (entry.isDirectory()) {
          Files.createDirectories(path);
        } else {
          Files.createDirectories(path.getParent());
          Files.write(path, in.readAllBytes());
        }
      }
    }
  }

  /** The folder every entry sits in ({@code "suite/"}), or "" when there is none. */
  static String commonFolder(byte[] zip) throws IOException {
    String folder = null;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        int slash = entry.getName().indexOf('/');
        if (slash < 0) return "";
        String first = entry.getName().substring(0, slash + 1);
        if (folder == null) folder = first;
        else if (!folder.equals(first)) return "";
      }
    }
    return folder == null ? "" : folder;
  }

  private static String required(String[] args, int index, String what) {
    if (index >= args.length) throw new IllegalArgumentException("missing " + what);
    return args[index];
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
