package io.testgen.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The web view's page and assets load without a key and hold no data; every /api path still needs
 * one; a run's artifacts (screenshots) are served to its owner only and never from outside its
 * folder.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WebViewAccessTest extends GatewayIntegrationTest {
  private static final byte[] PNG = {
    (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
  };

  @Test
  void pageAndAssetsLoadWithoutAKeyAndApiPathsStillNeedOne() {
    Http.Response root = anonymous().get("/");
    assertThat(root.status()).isEqualTo(200);
    assertThat(root.contentType()).startsWith("text/html");
    assertThat(root.body()).contains("<title>TestGen</title>", "/web/app.js");
    assertThat(anonymous().get("/index.html").body()).isEqualTo(root.body());
    for (String asset :
        new String[] {"app.js", "api.js", "dom.js", "start.js", "runs.js", "run.js", "found.js"}) {
      Http.Response js = anonymous().get("/web/" + asset);
      assertThat(js.status()).as(asset).isEqualTo(200);
      assertThat(js.contentType()).as(asset).startsWith("text/javascript");
    }
    Http.Response css = anonymous().get("/web/app.css");
    assertThat(css.status()).isEqualTo(200);
    assertThat(css.contentType()).startsWith("text/css");
    // No asset holds a key or calls anything but the gateway's own /api.
    assertThat(anonymous().get("/web/api.js").body())
        .contains("sessionStorage")
        .doesNotContain("localStorage")
        .doesNotContain("http://")
        .doesNotContain("https://");

    // Data stays behind the key, whatever the path looks like.
    assertProblem(anonymous().get("/api/v2/workflows"), 401, "UNAUTHORIZED");
    assertProblem(anonymous().post("/", "{}"), 401, "UNAUTHORIZED");
    assertProblem(anonymous().get("/web/app.js/../../api/v2/workflows"), 401, "UNAUTHORIZED");
    // (matrix parameters are refused before authentication)
    assertProblem(anonymous().get("/web/;/../api/v2/workflows"), 404, "NOT_FOUND");
    assertProblem(anonymous().get("/web/sub/app.js"), 401, "UNAUTHORIZED");
    assertProblem(anonymous().get("/v3/api-docs"), 401, "UNAUTHORIZED");
    assertProblem(anonymous().get("/web/missing.js"), 404, "NOT_FOUND");
  }

  @Test
  void aRunsArtifactsGoToItsOwnerOnlyAndNeverFromOutsideItsFolder() throws Exception {
    String id = start("alice", "\"user_instruction\":\"hold\"");
    try {
      Path folder = ARTIFACTS.resolve("runs").resolve(id);
      Files.createDirectories(folder.resolve("screenshots"));
      Files.write(folder.resolve("screenshots/s1.png"), PNG);
      Files.writeString(ARTIFACTS.resolve("secret.txt"), "outside the run folder");
      Files.createSymbolicLink(
          folder.resolve("screenshots/link.png"), ARTIFACTS.resolve("secret.txt"));
      String base = "/api/v2/workflows/" + id + "/artifacts/";

      HttpResponse<byte[]> shot = bytes(base + "screenshots/s1.png", TestServers.key("alice"));
      assertThat(shot.statusCode()).isEqualTo(200);
      assertThat(shot.headers().firstValue("Content-Type")).contains("image/png");
      assertThat(shot.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
      assertThat(shot.body()).isEqualTo(PNG);

      assertProblem(as("bob").get(base + "screenshots/s1.png"), 404, "NOT_FOUND");
      assertProblem(anonymous().get(base + "screenshots/s1.png"), 401, "UNAUTHORIZED");
      assertProblem(as("alice").get(base + "screenshots/none.png"), 404, "NOT_FOUND");
      assertProblem(as("alice").get(base + "screenshots/link.png"), 404, "NOT_FOUND");
      assertProblem(as("alice").get(base + "screenshots"), 404, "NOT_FOUND");
      assertProblem(as("alice").get(base + "..%2F..%2Fsecret.txt"), 404, "NOT_FOUND");
      assertProblem(as("alice").get(base + ".hidden"), 404, "NOT_FOUND");
      assertProblem(
          as("alice").get("/api/v2/workflows/no-such-run/artifacts/screenshots/s1.png"),
          404,
          "NOT_FOUND");
      HttpResponse<byte[]> dotted = bytes(base + "../../secret.txt", TestServers.key("alice"));
      assertThat(new String(dotted.body())).doesNotContain("outside the run folder");
      assertThat(dotted.statusCode()).isIn(400, 401, 404);
    } finally {
      as("alice").delete("/api/v2/workflows/" + id);
    }
  }

  private HttpResponse<byte[]> bytes(String path, String key) throws Exception {
    return Http.CLIENT.send(
        HttpRequest.newBuilder(URI.create(anonymous().base() + path))
            .header("Authorization", "Bearer " + key)
            .timeout(Duration.ofSeconds(30))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }
}
