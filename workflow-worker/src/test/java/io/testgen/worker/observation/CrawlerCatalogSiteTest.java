package io.testgen.worker.observation;

import static io.testgen.worker.observation.CrawlerDemoSiteTest.submission;
import static io.testgen.worker.observation.SharedBrowser.crawl;
import static io.testgen.worker.observation.SharedBrowser.pathOf;
import static io.testgen.worker.observation.SharedBrowser.request;
import static io.testgen.worker.observation.SharedBrowser.stateAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.testgen.common.agents.observation.FieldInfo;
import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.FormSubmission;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.observation.ValidationMessage;
import io.testgen.common.json.JsonMapperFactory;
import io.testgen.testkit.sites.FixtureServer;
import io.testgen.testkit.sites.observation.CatalogSite;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A server-rendered shop: nested resources, search, a two-step checkout; and result size. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class CrawlerCatalogSiteTest {

  @Test
  void nestedResourcesAreTemplatesAndTheMultiStepFormIsWalkedThrough() {
    try (FixtureServer server = FixtureServer.start()) {
      CatalogSite site = CatalogSite.install(server);
      ObservationResult result = crawl(request("wf-catalog", server.url("/"), 3, 40));

      List<StateInfo> products =
          result.states().stream()
              .filter(
                  s ->
                      s.instanceUrls().stream()
                          .anyMatch(u -> pathOf(u).matches("/categories/[a-z]+/products/[0-9]+")))
              .toList();
      assertThat(products).hasSize(1);
      assertThat(products.get(0).instanceUrls()).hasSize(3);
      List<StateInfo> categories =
          result.states().stream()
              .filter(
                  s ->
                      s.instanceUrls().stream()
                          .anyMatch(u -> pathOf(u).matches("/categories/[a-z]+")))
              .toList();
      assertThat(categories).hasSize(1);

      StateInfo checkout = stateAt(result, "/checkout");
      FormInfo address = formOn(result, checkout, "/checkout");
      assertThat(address.fields())
          .extracting(
              FieldInfo::name,
              FieldInfo::type,
              FieldInfo::label,
              FieldInfo::required,
              FieldInfo::pattern)
          .containsExactly(
              tuple("fullname", "text", "Full name", true, null),
              tuple("zip", "text", "ZIP code", true, "[0-9]{5}"),
              tuple("country", "select", "Country", false, null));
      assertThat(address.fields().get(2).options()).containsExactly("", "de", "fr");
      FormSubmission valid = submission(address, "valid");
      assertThat(valid.values()).containsEntry("zip", "10115").containsEntry("country", "de");
      assertThat(valid.validationMessages()).isEmpty();
      FormSubmission rejected = submission(address, "empty_required");
      assertThat(rejected.httpStatus()).isEqualTo(422);
      assertThat(rejected.validationMessages())
          .containsExactly(
              new ValidationMessage("fullname", "Full name is required", "page"),
              new ValidationMessage("zip", "ZIP code must have 5 digits", "page"));

      // step two exists only after step one: reached by replaying the submission
      StateInfo delivery = byId(result, valid.resultStateId());
      assertThat(delivery.title()).isEqualTo("Delivery · Catalog");
      assertThat(delivery.path()).containsExactly("submit 'Continue'");
      FormInfo speed = formOn(result, delivery, "/checkout/delivery");
      assertThat(speed.fields())
          .extracting(FieldInfo::name, FieldInfo::type, FieldInfo::required, FieldInfo::min)
          .containsExactly(
              tuple("speed", "radio", true, null),
              tuple("date", "date", true, "2030-01-01"),
              tuple("terms", "checkbox", true, null));
      assertThat(speed.fields().get(0).options()).containsExactly("standard", "express");
      FormSubmission ordered = submission(speed, "valid");
      assertThat(ordered.newTexts()).anyMatch(t -> t.matches("Order #[0-9]+ confirmed"));
      assertThat(byId(result, ordered.resultStateId()).path())
          .containsExactly("submit 'Continue'", "submit 'Place order'");
      assertThat(submission(speed, "empty_required").validationMessages())
          .extracting(ValidationMessage::source)
          .containsOnly("native");
      assertThat(site.orders()).isGreaterThanOrEqualTo(1);

      // the header search, submitted once with the placeholder's example
      FormInfo search =
          result.forms().stream()
              .filter(f -> f.purpose().equals("search") && !f.submissions().isEmpty())
              .findFirst()
              .orElseThrow();
      assertThat(submission(search, "valid").values()).containsEntry("q", "hammer");
      assertThat(
              result.forms().stream()
                  .filter(f -> f.purpose().equals("search") && !f.submissions().isEmpty()))
          .hasSize(1);
    }
  }

  @Test
  void anObservationOfTwoHundredPagesStaysUnderOneMegabyte() throws Exception {
    try (FixtureServer server = FixtureServer.start()) {
      CatalogSite.install(server, 50); // 4 categories x 50 products
      ObservationResult result =
          SharedBrowser.crawler(
                  CrawlSettings.defaults()
                      .with(
                          s -> {
                            s.maxUrlsPerPattern = 1000;
                            s.screenshots = false;
                          }))
              .crawl(request("wf-size", server.url("/"), 3, 210), null, CrawlObserver.NONE);
      byte[] json = JsonMapperFactory.shared().writeValueAsBytes(result);
      System.out.println(
          "observation_bytes="
              + json.length
              + " pages="
              + result.stats().pagesVisited()
              + " states="
              + result.stats().statesFound());
      assertThat(result.stats().pagesVisited()).isGreaterThanOrEqualTo(200);
      assertThat(json.length).isLessThan(1_000_000);
      assertThat(new String(json, java.nio.charset.StandardCharsets.UTF_8))
          .doesNotContain("<html")
          .doesNotContain("<body");
    }
  }

  static StateInfo byId(ObservationResult result, String id) {
    return result.states().stream()
        .filter(s -> s.stateId().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no state " + id));
  }

  static FormInfo formOn(ObservationResult result, StateInfo state, String actionPath) {
    return result.forms().stream()
        .filter(f -> f.stateId().equals(state.stateId()) && pathOf(f.action()).equals(actionPath))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no form to " + actionPath + " on " + state.stateId()));
  }
}
