package io.testgen.testkit.sites.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.testkit.sites.corpus.GroundTruth.Feature;
import io.testgen.testkit.sites.corpus.shop.CrudShopApp;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CrudShopAppTest extends ServedAppTest<CrudShopApp> {
  CrudShopAppTest() {
    super(new CrudShopApp());
  }

  @Test
  void everyTemplateIsAPageOfTheAppTellingPagesApartOnlyByHeading() {
    Map<String, Integer> pages = new LinkedHashMap<>();
    pages.put("/", 200);
    pages.put("/customers/find", 200);
    pages.put("/customers?lastName=", 200);
    pages.put("/customers/1", 200);
    pages.put("/customers/new", 200);
    pages.put("/customers/1/edit", 200);
    pages.put("/customers/1/orders/new", 200);
    pages.put("/customers/1/orders/1/edit", 200);
    pages.put("/customers/1/orders/1/shipments/new", 200);
    pages.put("/about", 200);
    pages.put("/oops", 500);
    pages.put("/reports/monthly", 404);
    Map<String, String> templateOfPage = new LinkedHashMap<>();
    for (var page : pages.entrySet()) {
      HttpResponse<String> answer = http.get(page.getKey());
      assertThat(answer.statusCode()).as(page.getKey()).isEqualTo(page.getValue());
      assertThat(Pages.title(answer.body()))
          .isEqualTo("CRUD Shop :: a customers and orders demonstration");
      String path = page.getKey().replaceAll("\\?.*", "");
      GroundTruth.Template template = truth.templateOf(path, Pages.heading(answer.body()));
      assertThat(template).as(page.getKey()).isNotNull();
      templateOfPage.put(page.getKey(), template.id());
    }
    assertThat(templateOfPage.values())
        .containsExactlyInAnyOrderElementsOf(
            truth.templates().stream().map(GroundTruth.Template::id).toList());
    // the no-hit search shows the find form at the list's URL
    assertThat(
            truth
                .templateOf("/customers", Pages.heading(http.get("/customers?lastName=Zed").body()))
                .id())
        .isEqualTo("customer-find");
    // the footer's broken link is on every page
    assertThat(Pages.links(http.get("/about").body())).contains("/reports/monthly", "/oops");
  }

  @Test
  void everyFormOfTheGroundTruthIsOnItsTemplateAndItsActionAnswers() {
    Map<String, String> pageOfForm =
        Map.of(
            "customer-search", "/customers/find",
            "customer-create", "/customers/new",
            "customer-edit", "/customers/2/edit",
            "order-create", "/customers/2/orders/new",
            "order-edit", "/customers/1/orders/1/edit",
            "shipment-create", "/customers/1/orders/1/shipments/new");
    assertThat(pageOfForm.keySet())
        .containsExactlyInAnyOrderElementsOf(
            truth.forms().stream().map(GroundTruth.Form::id).toList());
    for (GroundTruth.Form form : truth.forms()) {
      String page = pageOfForm.get(form.id());
      String html = http.get(page).body();
      assertThat(truth.templateOf(page, Pages.heading(html)).id()).isEqualTo(form.template());
      if (form.method().equals("GET")) {
        assertThat(html).contains("<form action=\"/customers\" method=\"get\"");
        assertThat("/customers").matches(form.action());
        assertThat(http.get("/customers?lastName=Davis").statusCode()).isEqualTo(200);
      } else {
        // PetClinic-style: no action attribute, the form posts to the page's own URL
        assertThat(html).contains("<form class=\"form-horizontal\" method=\"post\">");
        assertThat(page).matches(form.action());
        HttpResponse<String> empty = http.post(page, Map.of());
        assertThat(empty.statusCode()).as(form.id()).isEqualTo(200);
        assertThat(empty.body()).contains("<span class=\"help-inline\">must not be blank</span>");
      }
    }
  }

  @Test
  void aBadPhoneDateOrMissingChoiceIsRejectedOnTheFormWithMessagesBesideTheFields() {
    Map<String, String> bad = CustomerForm.of("Hopper", "608-555-12");
    bad.put("birthDate", "01/04/1980");
    bad.put("membership", "");
    HttpResponse<String> answer = http.post("/customers/new", bad);
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(Pages.heading(answer.body())).isEqualTo("Customer");
    assertThat(answer.body())
        .contains("value=\"608-555-12\"")
        .contains("value=\"Hopper\"")
        .contains(
            "<span class=\"help-inline\">Telephone must be digits only, at most 10 digits</span>")
        .contains("<span class=\"help-inline\">must be a date in the form yyyy-mm-dd</span>")
        .contains("<span class=\"help-inline\">please choose one</span>");
    assertThat(http.post("/customers/new", CustomerForm.of("Hopper", "60855512345")).body())
        .contains("Telephone must be digits only, at most 10 digits");
    assertThat(http.post("/customers/1/edit", CustomerForm.of("Franklin", "x")).statusCode())
        .isEqualTo(200);
    assertThat(http.get("/customers?lastName=Hopper").body()).contains("has not been found");
    assertThat(truth.feature("reject-bad-phone").exercisedBy(server.requests())).isTrue();
    assertThat(truth.feature("create-customer").exercisedBy(server.requests())).isFalse();
  }

  @Test
  void creatingRedirectsToTheNewCustomersDetailWithAFlashShownOnce() {
    HttpResponse<String> created =
        http.post("/customers/new", CustomerForm.of("Hopper", "6085550000"));
    assertThat(created.statusCode()).isEqualTo(303);
    assertThat(created.headers().firstValue("Location")).hasValue("/customers/26");
    HttpResponse<String> detail = http.follow(created);
    assertThat(Pages.heading(detail.body())).isEqualTo("Customer Information");
    assertThat(detail.body())
        .contains("<span>Customer created</span>")
        .contains("<b>Grace Hopper</b>");
    assertThat(http.get("/customers/26").body()).doesNotContain("Customer created");
    assertThat(truth.feature("create-customer").exercisedBy(server.requests())).isTrue();
  }

  @Test
  void searchRedirectsOnOneHitListsManyAndSaysWhenNoneWithPagination() {
    HttpResponse<String> one = http.get("/customers?lastName=franklin");
    assertThat(one.statusCode()).isEqualTo(302);
    assertThat(one.headers().firstValue("Location")).hasValue("/customers/1");
    HttpResponse<String> many = http.get("/customers?lastName=Davis");
    assertThat(Pages.heading(many.body())).isEqualTo("Customers");
    assertThat(many.body().split("<tr><td><a href=\"/customers/")).hasSize(4);
    HttpResponse<String> none = http.get("/customers?lastName=Nobody");
    assertThat(none.statusCode()).isEqualTo(200);
    assertThat(none.body()).contains("has not been found");
    HttpResponse<String> all = http.get("/customers?lastName=");
    assertThat(all.body().split("<tr><td><a href=\"/customers/")).hasSize(11);
    assertThat(Pages.links(all.body())).contains("/customers?page=2", "/customers?page=3");
    assertThat(http.get("/customers?page=3").body().split("<tr><td><a href=\"/customers/"))
        .hasSize(6);
    assertThat(truth.exercised(server.requests()).stream().map(Feature::id))
        .contains(
            "search-one-hit",
            "search-many-hits",
            "search-no-hits",
            "list-all-customers",
            "paginate-customers");
  }

  @Test
  void ordersAndShipmentsNestUnderTheirCustomerAndUnknownIdsAnswer404() {
    HttpResponse<String> order =
        http.post(
            "/customers/7/orders/new", "item", "Bike", "orderDate", "2025-05-01", "status", "Paid");
    assertThat(order.statusCode()).isEqualTo(303);
    assertThat(http.follow(order).body())
        .contains("<span>Order added</span>")
        .contains("<dd>Bike</dd>");
    assertThat(
            http.post(
                    "/customers/7/orders/7/edit",
                    "item",
                    "E-bike",
                    "orderDate",
                    "2025-05-02",
                    "status",
                    "Shipped")
                .statusCode())
        .isEqualTo(303);
    HttpResponse<String> shipment =
        http.post(
            "/customers/7/orders/7/shipments/new",
            "carrier",
            "UPS",
            "trackingNumber",
            "1Z999AA1",
            "shipDate",
            "2025-05-03");
    assertThat(shipment.statusCode()).isEqualTo(303);
    assertThat(http.follow(shipment).body())
        .contains("<dd>E-bike</dd>")
        .contains("<td>1Z999AA1</td>");
    assertThat(http.get("/customers/2/orders/7/edit").statusCode()).isEqualTo(404);
    assertThat(http.get("/customers/999").statusCode()).isEqualTo(404);
    assertThat(
            http.post(
                    "/customers/7/orders/7/shipments/new",
                    "carrier",
                    "UPS",
                    "trackingNumber",
                    "x",
                    "shipDate",
                    "2025-05-03")
                .body())
        .contains("8 to 20 capital letters or digits");
    assertThat(truth.exercised(server.requests()).stream().map(Feature::id))
        .contains("add-order", "edit-order", "add-shipment", "view-customer");
  }

  @Test
  void aWalkThroughTheAppExercisesEveryFeatureAndResetRestoresTheSeed() {
    http.get("/");
    http.get("/about");
    http.get("/oops");
    http.get("/customers?lastName=Franklin");
    http.get("/customers?lastName=Miller");
    http.get("/customers?lastName=Zed");
    http.get("/customers?lastName=");
    http.get("/customers?page=2");
    http.post("/customers/new", CustomerForm.of("Lovelace", "12-3"));
    http.follow(http.post("/customers/new", CustomerForm.of("Lovelace", "6085551111")));
    http.post("/customers/26/edit", CustomerForm.of("Lovelace-King", "6085551111"));
    http.post(
        "/customers/26/orders/new",
        "item",
        "Engine",
        "orderDate",
        "2025-01-01",
        "status",
        "Placed");
    http.post(
        "/customers/26/orders/7/edit",
        "item",
        "Analytical engine",
        "orderDate",
        "2025-01-01",
        "status",
        "Paid");
    http.post(
        "/customers/26/orders/7/shipments/new",
        "carrier",
        "DHL",
        "trackingNumber",
        "ABCD1234",
        "shipDate",
        "2025-01-02");
    assertThat(truth.exercised(server.requests())).containsExactlyElementsOf(truth.features());
    assertThat(truth.coverage(server.requests())).isEqualTo(1.0);

    app.reset();
    assertThat(http.get("/customers/26").statusCode()).isEqualTo(404);
    assertThat(http.get("/customers?lastName=Lovelace").body()).contains("has not been found");
    assertThat(http.get("/customers/1").body())
        .contains("<dd>Order item 1</dd>")
        .contains("TRK00007919");
    server.clearRequests();
    assertThat(server.requests()).isEmpty();
  }
}
