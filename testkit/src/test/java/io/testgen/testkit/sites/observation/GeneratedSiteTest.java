package io.testgen.testkit.sites.observation;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.testkit.sites.FixtureServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GeneratedSiteTest {
  private static final Pattern HREF = Pattern.compile("href=\"(/[^\"]*)\"");
  private static final Pattern TAG = Pattern.compile("<([a-z0-9]+)");

  private final HttpClient http = HttpClient.newHttpClient();
  private FixtureServer server;
  private GeneratedSite site;

  @BeforeEach
  void start() {
    server = FixtureServer.start();
    site = GeneratedSite.install(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void fiveHundredPagesOfFiftyTemplatesAreReachableWithinDepthTwo() throws Exception {
    Map<String, Integer> depth = new HashMap<>(Map.of("/", 0));
    ArrayDeque<String> queue = new ArrayDeque<>(java.util.List.of("/"));
    Map<String, Set<String>> structures = new HashMap<>();
    while (!queue.isEmpty()) {
      String path = queue.poll();
      HttpResponse<String> page = get(path);
      assertThat(page.statusCode()).as(path).isEqualTo(200);
      if (!path.equals("/"))
        structures
            .computeIfAbsent(path.substring(1, path.lastIndexOf('/')), t -> new HashSet<>())
            .add(tags(page.body()));
      Matcher link = HREF.matcher(page.body());
      while (link.find()) {
        if (depth.putIfAbsent(link.group(1), depth.get(path) + 1) == null) queue.add(link.group(1));
      }
    }
    assertThat(site.pages()).isEqualTo(501);
    assertThat(depth.keySet()).containsExactlyInAnyOrderElementsOf(site.paths());
    assertThat(depth.values()).allMatch(d -> d <= 2);
    // 50 templates, each one structure for all its 10 instances, no two alike
    assertThat(structures).hasSize(50);
    assertThat(structures.values()).allMatch(s -> s.size() == 1);
    assertThat(structures.values().stream().map(s -> s.iterator().next()).distinct()).hasSize(50);
  }

  @Test
  void theFirstTwentyTemplatesHaveAFormThatValidatesOnTheServer() throws Exception {
    Set<String> withForm = new LinkedHashSet<>();
    for (int t = 0; t < 50; t++) {
      if (get("/" + GeneratedSite.name(t) + "/4").body().contains("<form")) withForm.add("" + t);
    }
    assertThat(withForm).hasSize(20).first().isEqualTo("0");
    assertThat(withForm).last().isEqualTo("19");

    HttpResponse<String> empty = post("/red-books/4/submit", "title=&body=x");
    assertThat(empty.statusCode()).isEqualTo(422);
    assertThat(empty.body()).contains("Title is required");
    HttpResponse<String> saved = post("/red-books/4/submit", "title=Hello&body=x");
    assertThat(saved.statusCode()).isEqualTo(200);
    assertThat(saved.body()).contains("Note \"Hello\" saved on red-books 4");
    assertThat(post("/" + GeneratedSite.name(20) + "/4/submit", "title=x").statusCode())
        .isEqualTo(404);
    assertThat(get("/red-books/11").statusCode()).isEqualTo(404);
  }

  private static String tags(String html) {
    StringBuilder b = new StringBuilder();
    Matcher tag = TAG.matcher(html);
    while (tag.find()) b.append(tag.group(1)).append(' ');
    return b.toString();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.url(path))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String form) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.url(path)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
