package io.testgen.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.test.context.TestPropertySource;

/**
 * The Redis run index ({@code TESTGEN_RUN_INDEX=redis}, for servers without visibility) in a
 * gateway context of its own: newest first by start time, offset paging, status filter, owners
 * apart, and the quota over it. (Six starts of one user within the reservations' lifetime also
 * prove that a reservation stops counting once the index lists its run: otherwise the fourth would
 * get 429.)
 */
@TestPropertySource(properties = "testgen.runs.index=redis")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RedisRunIndexTest extends GatewayIntegrationTest {

  @Test
  void listsTheOwnersRunsNewestFirstPagedAndFiltered() {
    List<String> completed = completedRuns("indexed", 4);
    String failed = failedRun("indexed");
    String held = start("indexed", "\"user_instruction\":\"hold\"");
    String outsiders = start("outsider", "");
    try {
      awaitStatus("indexed", held, "running");
      List<String> newestFirst = new ArrayList<>(List.of(held, failed));
      newestFirst.addAll(completed);

      JsonNode all = page("indexed", "page_size=100");
      assertThat(ids(all)).containsExactlyElementsOf(newestFirst);
      assertThat(all.get("next_page_token").isNull()).isTrue();
      List<String> states = new ArrayList<>();
      all.get("runs").forEach(run -> states.add(run.get("status").asText()));
      assertThat(states)
          .containsExactly("running", "failed", "completed", "completed", "completed", "completed");
      all.get("runs").forEach(run -> assertThat(run.get("target_url").asText()).isEqualTo(TARGET));

      // Pages of two, each token leading to the next; the last page has no token.
      assertThat(pages("indexed", "page_size=2"))
          .containsExactly(
              List.of(held, failed),
              List.of(completed.get(0), completed.get(1)),
              List.of(completed.get(2), completed.get(3)));

      // The filter applies within each page of the index, so a page may hold fewer rows.
      assertThat(pages("indexed", "status=completed&page_size=2"))
          .containsExactly(
              List.of(),
              List.of(completed.get(0), completed.get(1)),
              List.of(completed.get(2), completed.get(3)));
      assertThat(ids(page("indexed", "status=failed"))).containsExactly(failed);
      assertThat(ids(page("indexed", "status=running"))).containsExactly(held);

      // Owners apart: each sees only their own runs.
      assertThat(ids(page("outsider", "page_size=100"))).containsExactly(outsiders);
      assertThat(ids(page("indexed", "page_size=100"))).doesNotContain(outsiders);

      assertProblem(
          as("indexed").get("/api/v2/workflows?next_page_token=not-a-number"),
          400,
          "INVALID_FIELD");
    } finally {
      as("indexed").delete("/api/v2/workflows/" + held);
    }
    awaitStatus("indexed", held, "cancelled");
    assertThat(ids(page("indexed", "status=cancelled"))).containsExactly(held);
  }

  @Test
  void parallelStartsTakeExactlyTheFreeSlots() throws Exception {
    assertParallelStartsTakeExactlyTheFreeSlots("redis-racer");
  }

  private JsonNode page(String user, String query) {
    Http.Response response = as(user).get("/api/v2/workflows?" + query);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("runs").forEach(run -> ids.add(run.get("workflow_id").asText()));
    return ids;
  }

  /** Follows next_page_token from the first page to the last; at most ten pages. */
  private List<List<String>> pages(String user, String query) {
    List<List<String>> pages = new ArrayList<>();
    String token = null;
    do {
      JsonNode page = page(user, query + (token == null ? "" : "&next_page_token=" + token));
      pages.add(ids(page));
      token = page.get("next_page_token").isNull() ? null : page.get("next_page_token").asText();
    } while (token != null && pages.size() < 10);
    return pages;
  }
}
