package io.testgen.worker.observation;

import static io.testgen.worker.observation.SharedBrowser.crawler;
import static io.testgen.worker.observation.SharedBrowser.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.json.JsonMapperFactory;
import io.testgen.testkit.sites.FixtureResponse;
import io.testgen.testkit.sites.FixtureServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property: whatever its pages do (errors, timeouts, nodes that detach when clicked, navigation in
 * the middle of an action, dialogs, downloads, non-HTML answers, pages that never settle), a crawl
 * ends with a result, and every result and checkpoint serialises with the project's mapper. Sites
 * are generated from a seed, so a failing seed can be replayed.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class CrawlerChaosTest {
  private static final ObjectMapper JSON = JsonMapperFactory.shared();
  private static final List<String> BEHAVIOURS =
      List.of(
          "ok",
          "e404",
          "e500",
          "slow",
          "detach",
          "navigate",
          "dialog",
          "download",
          "json",
          "restless",
          "vanishing_form",
          "reload_loop");

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {7, 42, 2026})
  void anyMixOfPageBehavioursEndsWithASerialisableResult(long seed) throws Exception {
    Random random = new Random(seed);
    List<String> behaviours = new ArrayList<>();
    for (int i = 0; i < 9; i++) behaviours.add(BEHAVIOURS.get(random.nextInt(BEHAVIOURS.size())));
    crawlAndCheck("seed " + seed, behaviours, random);
  }

  /** Every behaviour but "ok". */
  static List<String> faultyBehaviours() {
    return BEHAVIOURS.subList(1, BEHAVIOURS.size());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faultyBehaviours")
  void eachBehaviourAloneEndsWithASerialisableResult(String behaviour) throws Exception {
    crawlAndCheck(behaviour, List.of(behaviour, behaviour, "ok"), new Random(1));
  }

  /** Page {@code i} lives at {@code /page-<letter>}: no shared URL pattern, so no trap. */
  private static String path(int i) {
    return "/page-" + (char) ('a' + i);
  }

  private static void crawlAndCheck(String name, List<String> behaviours, Random random)
      throws Exception {
    int pages = behaviours.size();
    List<String> checkpoints = new CopyOnWriteArrayList<>();
    ObservationResult result;
    try (FixtureServer site = FixtureServer.start()) {
      StringBuilder nav = new StringBuilder();
      for (int i = 0; i < pages; i++)
        nav.append("<a href=\"").append(path(i)).append("\">Page ").append(i).append("</a> ");
      site.get(
          "/",
          r ->
              FixtureResponse.html(
                  "<html><body><h1>Chaos</h1><nav>"
                      + nav
                      + "</nav>"
                      + "<button onclick=\"document.querySelector('h1').textContent='x'\">Poke</button>"
                      + "</body></html>"));
      for (int i = 0; i < pages; i++) {
        String behaviour = behaviours.get(i);
        String next = path(random.nextInt(pages));
        site.route(path(i), r -> page(behaviour, next));
      }
      site.get(
          "/file.bin",
          r ->
              new FixtureResponse(
                      200, "application/octet-stream", new byte[] {1, 2, 3}, java.util.Map.of())
                  .withHeader("Content-Disposition", "attachment; filename=file.bin"));
      result =
          crawler(CrawlerResilienceTest.fastTicks())
              .crawl(
                  request("wf-chaos", site.url("/"), 3, 16),
                  null,
                  CrawlerResilienceTest.checkpointsAsJson(checkpoints));
    }
    String json = JSON.writeValueAsString(result);
    assertThat(JSON.readValue(json, ObservationResult.class)).isEqualTo(result);
    for (String c : checkpoints) assertThat(JSON.readValue(c, CrawlCheckpoint.class)).isNotNull();
    assertThat(result.states()).isNotEmpty();
    assertThat(result.startStateId()).isNotNull();
    assertThat(result.findings())
        .as("%s: the browser connection survived", name)
        .noneMatch(f -> String.valueOf(f.detail()).contains("connection closed"));
    for (int i = 0; i < pages; i++) {
      String b = behaviours.get(i);
      String url = path(i);
      if (b.equals("e404") || b.equals("e500"))
        assertThat(result.findings())
            .as("%s: %s answers %s", name, url, b)
            .anyMatch(
                f -> f.url() != null && f.url().endsWith(url) && f.kind().equals("http_error"));
    }
  }

  private static FixtureResponse page(String behaviour, String next) {
    String link = "<a href=\"" + next + "\">Next</a>";
    return switch (behaviour) {
      case "e404" -> FixtureResponse.html(404, "<h1>Not found</h1>");
      case "e500" -> FixtureResponse.html(500, "<h1>Server error</h1>");
      case "slow" -> {
        try {
          Thread.sleep(5_000); // longer than the page timeout
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        yield FixtureResponse.html("<h1>Late</h1>");
      }
      case "detach" ->
          html(
              "<h1>Detach</h1><div id=box><button onmousedown=\"this.remove()\">Vanish</button>"
                  + "<button onclick=\"document.getElementById('box').replaceChildren()\">Clear</button>"
                  + "</div>"
                  + link);
      case "navigate" ->
          html(
              "<h1>Navigate</h1><button onclick=\"document.body.append('…');"
                  + "setTimeout(() => location.href='"
                  + next
                  + "', 5)\">Go away</button>"
                  + link);
      case "dialog" ->
          html(
              "<h1>Dialogs</h1><script>alert('hello')</script>"
                  + "<button onclick=\"if (confirm('sure?')) document.body.append('yes');"
                  + " prompt('name?')\">Ask</button>"
                  + link);
      case "download" -> html("<h1>Files</h1><a href=\"/file.bin\">Download</a>" + link);
      case "json" ->
          new FixtureResponse(
              200,
              "application/json",
              "{\"ok\":true}".getBytes(StandardCharsets.UTF_8),
              java.util.Map.of());
      case "restless" ->
          html(
              "<h1>Restless</h1><div id=t></div><script>setInterval(() => {"
                  + " const d = document.getElementById('t'); d.textContent = Date.now();"
                  + " d.appendChild(document.createElement('span')); }, 5)</script>"
                  + "<button onclick=\"document.body.append('x')\">Tick</button>"
                  + link);
      case "vanishing_form" ->
          html(
              "<h1>Form</h1><form onsubmit=\"event.preventDefault(); document.body.innerHTML="
                  + "'<h2>Gone</h2>'\"><label>Name <input name=name required></label>"
                  + "<button>Save</button></form>"
                  + link);
      case "reload_loop" ->
          html("<h1>Reload</h1><script>setTimeout(() => location.reload(), 60)</script>" + link);
      default -> html("<h1>Fine</h1><p>ok</p>" + link);
    };
  }

  private static FixtureResponse html(String body) {
    return FixtureResponse.html("<html><body>" + body + "</body></html>");
  }
}
