package io.testgen.testkit.sites.corpus.shop;

import static io.testgen.testkit.sites.Html.escape;

import io.testgen.testkit.sites.corpus.shop.ShopStore.Customer;
import io.testgen.testkit.sites.corpus.shop.ShopStore.Order;
import io.testgen.testkit.sites.corpus.shop.ShopStore.Shipment;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The crud-shop's page markup. Every page has the same {@code <title>}, as PetClinic's have: pages
 * differ only by their headings and content.
 */
final class ShopPages {
  static final String TITLE = "CRUD Shop :: a customers and orders demonstration";
  static final int PAGE_SIZE = 10;

  private ShopPages() {}

  static String layout(String active, String flash, String body) {
    return """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>%s</title>
        <style>.has-error .help-inline{color:#b00}.alert-success{background:#dfd}</style></head>
        <body>
        <nav class="navbar" role="navigation"><a class="brand" href="/">CRUD Shop</a>
          <ul class="nav">%s%s%s%s</ul></nav>
        <div class="container">%s
        %s
        </div>
        <footer><a href="/reports/monthly">Monthly report</a> · <a href="/about">About us</a></footer>
        </body></html>
        """
        .formatted(
            TITLE,
            navItem(active, "home", "/", "Home"),
            navItem(active, "customers", "/customers/find", "Find customers"),
            navItem(active, "about", "/about", "About"),
            navItem(active, "error", "/oops", "Error"),
            flash == null
                ? ""
                : "<div class=\"alert alert-success\" id=\"success-message\" role=\"status\"><span>"
                    + escape(flash)
                    + "</span></div>",
            body);
  }

  private static String navItem(String active, String id, String href, String text) {
    return "<li%s><a href=\"%s\" title=\"%s\">%s</a></li>"
        .formatted(id.equals(active) ? " class=\"active\"" : "", href, text.toLowerCase(), text);
  }

  static String home() {
    return layout(
        "home",
        null,
        "<h2>Welcome</h2><p>Customers, their orders and the shipments of each order.</p>"
            + "<p><a href=\"/customers/find\">Find a customer</a></p>");
  }

  static String find(String lastName, boolean notFound) {
    return layout(
        "customers",
        null,
        """
        <h2>Find Customers</h2>
        <form action="/customers" method="get" class="form-horizontal" id="search-customer-form">
          <div class="form-group%s"><label class="control-label" for="lastName">Last name</label>
            <input class="form-control" id="lastName" name="lastName" size="30" maxlength="80" value="%s">%s
          </div>
          <button type="submit" class="btn btn-primary">Find Customer</button>
        </form>
        <a class="btn btn-primary" href="/customers/new">Add Customer</a>
        """
            .formatted(
                notFound ? " has-error" : "",
                escape(lastName),
                notFound ? "<span class=\"help-inline\">has not been found</span>" : ""));
  }

  static String list(List<Customer> all, String lastName, int page, ShopStore store) {
    int pages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
    StringBuilder b =
        new StringBuilder(
            "<h2>Customers</h2>\n<table id=\"customers\" class=\"table\"><thead><tr><th>Name</th>"
                + "<th>Address</th><th>City</th><th>Telephone</th><th>Orders</th></tr></thead><tbody>\n");
    for (Customer c : all.subList((page - 1) * PAGE_SIZE, Math.min(all.size(), page * PAGE_SIZE))) {
      b.append(
          "<tr><td><a href=\"/customers/%d\">%s</a></td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>\n"
              .formatted(
                  c.id(),
                  escape(c.name()),
                  escape(c.address()),
                  escape(c.city()),
                  escape(c.telephone()),
                  escape(
                      String.join(
                          ", ", store.ordersOf(c.id()).stream().map(Order::item).toList()))));
    }
    b.append("</tbody></table>\n");
    if (pages > 1) {
      String q =
          lastName.isEmpty()
              ? ""
              : "&lastName=" + URLEncoder.encode(lastName, StandardCharsets.UTF_8);
      b.append("<div class=\"pagination\"><span>Pages:</span> <span>[");
      for (int p = 1; p <= pages; p++)
        b.append(
            p == page
                ? " <span>" + p + "</span>"
                : " <a href=\"/customers?page=%d%s\">%d</a>".formatted(p, q, p));
      b.append(" ]</span>");
      b.append(pageLink(page > 1, 1, q, "First"));
      b.append(pageLink(page > 1, page - 1, q, "Previous"));
      b.append(pageLink(page < pages, page + 1, q, "Next"));
      b.append(pageLink(page < pages, pages, q, "Last"));
      b.append("</div>");
    }
    return layout("customers", null, b.toString());
  }

  private static String pageLink(boolean enabled, int page, String q, String title) {
    return enabled
        ? " <a href=\"/customers?page=%d%s\" title=\"%s\" class=\"fa fa-%s\"></a>"
            .formatted(page, q, title, title.toLowerCase())
        : " <span title=\"%s\" class=\"fa fa-%s\"></span>".formatted(title, title.toLowerCase());
  }

  static String detail(Customer c, ShopStore store, String flash) {
    StringBuilder b = new StringBuilder();
    b.append(
        """
        <h2>Customer Information</h2>
        <table class="table table-striped" id="customer">
          <tr><th>Name</th><td><b>%s</b></td></tr>
          <tr><th>Address</th><td>%s</td></tr>
          <tr><th>City</th><td>%s</td></tr>
          <tr><th>Telephone</th><td>%s</td></tr>
          <tr><th>Birth Date</th><td>%s</td></tr>
          <tr><th>Membership</th><td>%s</td></tr>
        </table>
        <a href="/customers/%d/edit" class="btn btn-primary">Edit Customer</a>
        <a href="/customers/%d/orders/new" class="btn btn-primary">Add New Order</a>
        <h2>Orders and Shipments</h2>
        <table class="table table-striped" id="orders">
        """
            .formatted(
                escape(c.name()),
                escape(c.address()),
                escape(c.city()),
                escape(c.telephone()),
                escape(c.birthDate()),
                escape(c.membership()),
                c.id(),
                c.id()));
    for (Order o : store.ordersOf(c.id())) {
      b.append(
          "<tr><td><dl><dt>Item</dt><dd>%s</dd><dt>Order Date</dt><dd>%s</dd><dt>Status</dt><dd>%s</dd></dl></td><td><table class=\"table-condensed\"><thead><tr><th>Ship Date</th><th>Carrier</th><th>Tracking</th></tr></thead>"
              .formatted(escape(o.item()), escape(o.orderDate()), escape(o.status())));
      for (Shipment s : store.shipmentsOf(o.id()))
        b.append(
            "<tr><td>%s</td><td>%s</td><td>%s</td></tr>"
                .formatted(escape(s.shipDate()), escape(s.carrier()), escape(s.trackingNumber())));
      b.append(
          "<tr><td><a href=\"/customers/%d/orders/%d/edit\">Edit Order</a></td><td><a href=\"/customers/%d/orders/%d/shipments/new\">Add Shipment</a></td></tr></table></td></tr>\n"
              .formatted(c.id(), o.id(), c.id(), o.id()));
    }
    b.append("</table>");
    return layout("customers", flash, b.toString());
  }

  static String form(String heading, String before, String form) {
    return layout("customers", null, "<h2>" + escape(heading) + "</h2>\n" + before + form);
  }

  static String about() {
    return layout(
        "about",
        null,
        "<h2>About</h2><p>CRUD Shop is a small server-rendered app: customers, orders and"
            + " shipments, kept in memory.</p><address>1 Demo Way, Madison</address>");
  }

  static String error() {
    return layout(
        "error",
        null,
        "<h2>Something happened...</h2><p>Expected: controller used to showcase what happens when"
            + " an exception is thrown</p>");
  }

  static String notFound() {
    return layout(null, null, "<h2>Page not found</h2><p>There is nothing here.</p>");
  }
}
