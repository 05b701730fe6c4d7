package io.testgen.testkit.sites.observation;

import static io.testgen.testkit.sites.Html.escape;

import io.testgen.testkit.sites.FixtureRequest;
import io.testgen.testkit.sites.FixtureResponse;
import io.testgen.testkit.sites.FixtureServer;
import io.testgen.testkit.sites.Html;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server-rendered shop: categories with nested products ({@code /categories/{c}/products/{p}},
 * one template, many instances), search, and a two-step checkout form with server-side validation
 * (address, then delivery, then a confirmation). {@code productsPerCategory} scales it up for size
 * tests.
 */
public final class CatalogSite {
  public static final List<String> CATEGORIES = List.of("books", "games", "tools", "garden");

  private final int productsPerCategory;
  private final AtomicInteger orders = new AtomicInteger();

  private CatalogSite(int productsPerCategory) {
    this.productsPerCategory = productsPerCategory;
  }

  public static CatalogSite install(FixtureServer server) {
    return install(server, 3);
  }

  public static CatalogSite install(FixtureServer server, int productsPerCategory) {
    CatalogSite site = new CatalogSite(productsPerCategory);
    server
        .get("/", r -> FixtureResponse.html(site.home()))
        .get("/categories/*", site::category)
        .get("/search", site::search)
        .get("/checkout", r -> FixtureResponse.html(site.step1(Map.of(), Map.of())))
        .post("/checkout", site::submitStep1)
        .post("/checkout/delivery", site::submitStep2);
    return site;
  }

  /** Orders confirmed so far. */
  public int orders() {
    return orders.get();
  }

  private static String page(String title, String body) {
    return """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>%s · Catalog</title></head>
        <body><header><nav><a href="/">Catalog</a> <a href="/checkout">Checkout</a></nav>
        <form action="/search" method="get" role="search"><input name="q" type="search" aria-label="Search products" placeholder="e.g. hammer"><button>Find</button></form>
        </header><main>%s</main></body></html>
        """
        .formatted(escape(title), body);
  }

  private String productName(String category, int i) {
    return category.substring(0, 1).toUpperCase() + category.substring(1) + " product " + i;
  }

  private String home() {
    StringBuilder b = new StringBuilder("<h1>Catalog</h1><ul class=\"categories\">");
    for (String c : CATEGORIES)
      b.append("<li><a href=\"/categories/%s\">%s</a></li>".formatted(c, escape(c)));
    return page("Home", b.append("</ul>").toString());
  }

  private FixtureResponse category(FixtureRequest r) {
    String[] parts = r.path().substring(1).split("/");
    if (parts.length < 2 || !CATEGORIES.contains(parts[1]))
      return FixtureResponse.html(404, page("Not found", "<h1>No such category</h1>"));
    String c = parts[1];
    if (parts.length == 2) {
      StringBuilder b = new StringBuilder("<h1>" + escape(c) + "</h1><ul class=\"products\">");
      for (int i = 1; i <= productsPerCategory; i++)
        b.append(
            "<li><a href=\"/categories/%s/products/%d\">%s</a></li>"
                .formatted(c, i, escape(productName(c, i))));
      return FixtureResponse.html(page(c, b.append("</ul>").toString()));
    }
    if (parts.length == 4 && parts[2].equals("products")) {
      int id;
      try {
        id = Integer.parseInt(parts[3]);
      } catch (NumberFormatException e) {
        id = -1;
      }
      if (id < 1 || id > productsPerCategory)
        return FixtureResponse.html(404, page("Not found", "<h1>No such product</h1>"));
      return FixtureResponse.html(
          page(
              productName(c, id),
              """
              <h1>%s</h1><p class="price">$%d.00</p>
              <p><a href="/categories/%s">Back to %s</a> <a href="/checkout">Buy now</a></p>
              """
                  .formatted(escape(productName(c, id)), 10 + id, c, escape(c))));
    }
    return FixtureResponse.html(404, page("Not found", "<h1>Not found</h1>"));
  }

  private FixtureResponse search(FixtureRequest r) {
    String q = r.param("q") == null ? "" : r.param("q").trim().toLowerCase();
    List<String> hits = new ArrayList<>();
    for (String c : CATEGORIES)
      for (int i = 1; i <= productsPerCategory; i++)
        if (!q.isEmpty() && productName(c, i).toLowerCase().contains(q))
          hits.add(
              "<li><a href=\"/categories/%s/products/%d\">%s</a></li>"
                  .formatted(c, i, escape(productName(c, i))));
    String body =
        hits.isEmpty()
            ? "<h1>Search</h1><p class=\"empty\">Nothing found</p>"
            : "<h1>Search</h1><ol class=\"hits\">"
                + String.join("", hits.subList(0, Math.min(10, hits.size())))
                + "</ol>";
    return FixtureResponse.html(page("Search", body));
  }

  private String step1(Map<String, String> errors, Map<String, String> values) {
    return page(
        "Checkout",
        """
        <h1>Checkout: address</h1>
        <form action="/checkout" method="post" novalidate>
          <label for="fullname">Full name</label><input id="fullname" name="fullname" required value="%s">%s
          <label for="zip">ZIP code</label><input id="zip" name="zip" required pattern="[0-9]{5}" value="%s">%s
          <label for="country">Country</label>
          <select id="country" name="country"><option value="">Choose…</option><option value="de">Germany</option><option value="fr">France</option></select>
          <button type="submit">Continue</button>
        </form>
        """
            .formatted(Html.valuesAndErrors(values, errors, "span", "", "fullname", "zip")));
  }

  private FixtureResponse submitStep1(FixtureRequest r) {
    String name = r.param("fullname") == null ? "" : r.param("fullname").trim();
    String zip = r.param("zip") == null ? "" : r.param("zip").trim();
    Map<String, String> errors = new java.util.LinkedHashMap<>();
    if (name.isEmpty()) errors.put("fullname", "Full name is required");
    if (!zip.matches("[0-9]{5}")) errors.put("zip", "ZIP code must have 5 digits");
    if (!errors.isEmpty())
      return FixtureResponse.html(422, step1(errors, Map.of("fullname", name, "zip", zip)));
    return FixtureResponse.html(
        page(
            "Delivery",
            """
            <h1>Checkout: delivery</h1>
            <form action="/checkout/delivery" method="post">
              <fieldset><legend>Speed</legend>
              <label><input type="radio" name="speed" value="standard" required> Standard</label>
              <label><input type="radio" name="speed" value="express"> Express</label></fieldset>
              <label for="date">Delivery date</label><input id="date" name="date" type="date" min="2030-01-01" required>
              <label><input type="checkbox" name="terms" required> I accept the terms</label>
              <button type="submit">Place order</button>
            </form>
            """));
  }

  private FixtureResponse submitStep2(FixtureRequest r) {
    if (r.param("speed") == null || r.param("date") == null || r.param("terms") == null)
      return FixtureResponse.html(
          422,
          page(
              "Delivery",
              "<h1>Checkout: delivery</h1><p class=\"error\" role=\"alert\">Choose a speed, a date and accept the terms</p>"));
    int n = orders.incrementAndGet();
    return FixtureResponse.html(
        page(
            "Order placed",
            "<h1>Thank you for your order</h1><p role=\"status\">Order #" + n + " confirmed</p>"));
  }
}
