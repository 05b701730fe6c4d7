package io.testgen.worker.observation;

import static io.testgen.worker.observation.SharedBrowser.stateAt;
import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.testkit.sites.FixtureResponse;
import io.testgen.testkit.sites.FixtureServer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A state is what the user sees: pages whose forms, headings, landmarks or kinds of main content
 * differ are different states even when their DOM skeletons match (here the content sits deeper
 * than the skeleton signature looks); instances of one template stay one state.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CrawlerStatePartitionTest {

  /** Layout of a members' site: the content nested 18 levels deep, as frameworks do. */
  private static FixtureResponse page(String title, String content) {
    String open = "<div class=wrap>".repeat(18);
    String close = "</div>".repeat(18);
    return FixtureResponse.html(
        "<!doctype html><html lang=en><head><title>"
            + title
            + "</title></head><body>"
            + "<nav><a href=\"/\">Home</a> <a href=\"/profile\">Profile</a>"
            + " <a href=\"/orders/1\">Order 1</a> <a href=\"/orders/2\">Order 2</a>"
            + " <a href=\"/terms\">Terms</a></nav>"
            + open
            + content
            + close
            + "</body></html>");
  }

  @Test
  void pagesThatLookDifferentAreDifferentStatesAndInstancesStayOne() {
    ObservationResult result;
    try (FixtureServer site = FixtureServer.start()) {
      site.get("/", r -> page("Home", "<h1>Members</h1><ul><li>News</li><li>Events</li></ul>"))
          .get(
              "/profile",
              r ->
                  page(
                      "Profile",
                      "<h1>Your profile</h1><form method=get action=/profile>"
                          + "<label>Name <input name=name></label><button>Save</button></form>"))
          .get(
              "/orders/1",
              r ->
                  page(
                      "Order 1",
                      "<h1>Order 1</h1><h2>Items</h2><table><tr><td>Pen</td></tr><tr><td>Ink</td></tr></table>"))
          .get(
              "/orders/2",
              r ->
                  page(
                      "Order 2",
                      "<h1>Order 2</h1><h2>Items</h2><table><tr><td>Paper</td></tr></table>"))
          .get(
              "/terms",
              r -> page("Terms", "<h1>Terms</h1>" + "<p>Long legal text.</p>".repeat(40)));
      result = SharedBrowser.crawl(SharedBrowser.request("wf-partition", site.url("/"), 2, 12));
    }
    String profile = stateAt(result, "/profile").stateId();
    String order = stateAt(result, "/orders/1").stateId();
    String terms = stateAt(result, "/terms").stateId();
    String home = stateAt(result, "/").stateId();
    assertThat(List.of(profile, order, terms, home)).doesNotHaveDuplicates();
    assertThat(stateAt(result, "/orders/2").stateId()).isEqualTo(order);
  }
}
