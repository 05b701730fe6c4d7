package io.testgen.testkit.sites.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.testgen.testkit.sites.corpus.shop.CrudShopApp;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * crud-shop's hand-written faults over real HTTP: each changes what the app does, and healing (with
 * a reset) gives back exactly what it did before.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CrudShopFaultsTest extends ServedAppTest<CrudShopApp> {
  CrudShopFaultsTest() {
    super(new CrudShopApp());
  }

  @Test
  void theCatalogueHasEightFaultsAndRefusesUnknownOnes() {
    assertThat(app.faults().catalogue())
        .extracting(HandFault::id)
        .containsExactly(
            "save-drops-phone",
            "phone-not-validated",
            "search-one-wrong-record",
            "search-none-lists-all",
            "pagination-repeats-first-page",
            "edit-not-persisted",
            "new-order-lost",
            "error-page-answers-200");
    assertThatThrownBy(() -> app.faults().inject("post_500"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(app.faults().active()).isNull();
  }

  @Test
  void saveDropsPhoneStoresAnEmptyTelephone() {
    List<String> seen =
        healedFaultyHealed(
            "save-drops-phone",
            () ->
                http.follow(http.post("/customers/new", CustomerForm.of("Hopper", "6085550999")))
                    .body());
    assertThat(seen.get(0)).contains("<tr><th>Telephone</th><td>6085550999</td></tr>");
    assertThat(seen.get(1))
        .contains("<tr><th>Telephone</th><td></td></tr>")
        .contains("Customer created");
  }

  @Test
  void phoneNotValidatedSavesLetters() {
    List<String> seen =
        healedFaultyHealed(
            "phone-not-validated",
            () -> {
              HttpResponse<String> r =
                  http.post("/customers/new", CustomerForm.of("Hopper", "60x555"));
              return r.statusCode() + " " + r.body();
            });
    assertThat(seen.get(0)).startsWith("200 ").contains("Telephone must be digits only");
    assertThat(seen.get(1)).startsWith("303 ");
  }

  @Test
  void searchOneWrongRecordRedirectsToTheNextCustomer() {
    List<String> seen =
        healedFaultyHealed(
            "search-one-wrong-record",
            () -> http.get("/customers?lastName=Franklin").headers().firstValue("Location").get());
    assertThat(seen).containsExactly("/customers/1", "/customers/2");
  }

  @Test
  void searchNoneListsAllInsteadOfSayingNothingWasFound() {
    List<String> seen =
        healedFaultyHealed(
            "search-none-lists-all", () -> http.get("/customers?lastName=Zed").body());
    assertThat(Pages.heading(seen.get(0))).isEqualTo("Find Customers");
    assertThat(seen.get(0)).contains("has not been found").doesNotContain("Franklin");
    assertThat(Pages.heading(seen.get(1))).isEqualTo("Customers");
    assertThat(seen.get(1)).contains("George Franklin");
  }

  @Test
  void paginationRepeatsTheFirstPage() {
    String firstPage = customerLinks(http.get("/customers?lastName=").body());
    List<String> seen =
        healedFaultyHealed(
            "pagination-repeats-first-page",
            () -> customerLinks(http.get("/customers?page=2").body()));
    assertThat(seen.get(0)).isNotEqualTo(firstPage);
    assertThat(seen.get(1)).isEqualTo(firstPage);
  }

  private static String customerLinks(String html) {
    return Pages.links(html).stream().filter(l -> l.matches("/customers/\\d+")).toList().toString();
  }

  @Test
  void editNotPersistedKeepsTheOldValuesAndStillSaysUpdated() {
    List<String> seen =
        healedFaultyHealed(
            "edit-not-persisted",
            () ->
                http.follow(http.post("/customers/1/edit", CustomerForm.of("Hopper", "6085550999")))
                    .body());
    assertThat(seen.get(0)).contains("<b>Grace Hopper</b>").contains("Customer values updated");
    assertThat(seen.get(1)).contains("<b>George Franklin</b>").contains("Customer values updated");
  }

  @Test
  void newOrderLostSaysAddedButStoresNothing() {
    List<String> seen =
        healedFaultyHealed(
            "new-order-lost",
            () ->
                http.follow(
                        http.post(
                            "/customers/7/orders/new",
                            "item",
                            "Desk lamp",
                            "orderDate",
                            "2024-05-01",
                            "status",
                            "Paid"))
                    .body());
    assertThat(seen.get(0)).contains("Order added").contains("<dd>Desk lamp</dd>");
    assertThat(seen.get(1)).contains("Order added").doesNotContain("Desk lamp");
  }

  @Test
  void errorPageAnswers200() {
    List<String> seen =
        healedFaultyHealed(
            "error-page-answers-200",
            () -> {
              HttpResponse<String> r = http.get("/oops");
              return r.statusCode() + " " + Pages.heading(r.body());
            });
    assertThat(seen).containsExactly("500 Something happened...", "200 Something happened...");
  }
}
