package io.testgen.testkit.sites.corpus.shop;

import static io.testgen.testkit.sites.Html.escape;
import static io.testgen.testkit.sites.corpus.shop.ShopFaults.*;

import io.testgen.testkit.sites.FixtureRequest;
import io.testgen.testkit.sites.FixtureResponse;
import io.testgen.testkit.sites.FixtureServer;
import io.testgen.testkit.sites.RecordedRequest;
import io.testgen.testkit.sites.corpus.CorpusApp;
import io.testgen.testkit.sites.corpus.FaultSwitch;
import io.testgen.testkit.sites.corpus.shop.ShopStore.Customer;
import io.testgen.testkit.sites.corpus.shop.ShopStore.Order;
import io.testgen.testkit.sites.corpus.shop.ShopStore.Shipment;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code crud-shop}: a server-rendered CRUD app shaped like Spring PetClinic, with customers →
 * orders → shipments. A GET search by last name redirects straight to the customer when exactly one
 * matches; lists paginate; create and edit forms validate on the server and POST-redirect-GET to
 * the record with a flash message; {@code /oops} answers 500 and a footer link 404s. Its {@link
 * #faults() hand-written faults} are bugs of these handlers, off unless injected.
 */
public final class CrudShopApp implements CorpusApp {
  private static final Pattern CUSTOMER = Pattern.compile("/customers/(\\d+)(/.*)?");
  private static final Pattern ORDER = Pattern.compile("/orders/(\\d+)(/.*)");

  private final ShopStore store = new ShopStore();
  private final FaultSwitch faults = ShopFaults.catalogue();

  @Override
  public String name() {
    return "crud-shop";
  }

  @Override
  public FixtureServer install(FixtureServer server) {
    return server
        .get("/", r -> FixtureResponse.html(ShopPages.home()))
        .get("/about", r -> FixtureResponse.html(ShopPages.about()))
        .get(
            "/oops",
            r -> FixtureResponse.html(faults.on(ERROR_PAGE_200) ? 200 : 500, ShopPages.error()))
        .get("/customers/find", r -> FixtureResponse.html(ShopPages.find("", false)))
        .get("/customers", this::search)
        .route("/customers/*", this::customers)
        .route("/*", r -> FixtureResponse.html(404, ShopPages.notFound()));
  }

  @Override
  public void reset() {
    store.reset();
  }

  @Override
  public FaultSwitch faults() {
    return faults;
  }

  /** Runs crud-shop until killed: {@code CrudShopApp [port]}. */
  public static void main(String[] args) throws InterruptedException {
    CorpusApp.serve(new CrudShopApp(), args);
  }

  private FixtureResponse search(FixtureRequest r) {
    String lastName = r.param("lastName") == null ? "" : r.param("lastName").trim();
    List<Customer> found = store.findByLastName(lastName);
    if (found.isEmpty() && faults.on(SEARCH_NONE_LISTS_ALL))
      return outcome(
          FixtureResponse.html(ShopPages.list(store.findByLastName(""), "", 1, store)),
          "search-none");
    if (found.isEmpty())
      return outcome(FixtureResponse.html(ShopPages.find(lastName, true)), "search-none");
    if (found.size() == 1) {
      int id = found.get(0).id() + (faults.on(SEARCH_ONE_WRONG_RECORD) ? 1 : 0);
      return outcome(redirect302("/customers/" + id), "search-one");
    }
    int pages = (found.size() + ShopPages.PAGE_SIZE - 1) / ShopPages.PAGE_SIZE;
    int page = 1;
    try {
      page = Math.max(1, Math.min(pages, Integer.parseInt(r.param("page"))));
    } catch (NumberFormatException noPage) {
      // first page
    }
    if (faults.on(PAGINATION_REPEATS_FIRST)) found = ShopFaults.firstPageEverywhere(found, page);
    return outcome(
        FixtureResponse.html(ShopPages.list(found, lastName, page, store)),
        lastName.isEmpty() ? "search-all" : "search-many");
  }

  private FixtureResponse customers(FixtureRequest r) {
    boolean post = "POST".equalsIgnoreCase(r.method());
    if (r.path().equals("/customers/new")) {
      return post
          ? saveCustomer(r, 0)
          : FixtureResponse.html(customerForm(Map.of(), Map.of(), "Add Customer"));
    }
    Matcher m = CUSTOMER.matcher(r.path());
    if (!m.matches()) return notFound();
    Customer c = store.customer(Integer.parseInt(m.group(1)));
    if (c == null) return notFound();
    String rest = m.group(2) == null ? "" : m.group(2);
    if (rest.isEmpty() && !post) return detail(r, c);
    if (rest.equals("/edit"))
      return post
          ? saveCustomer(r, c.id())
          : FixtureResponse.html(customerForm(customerValues(c), Map.of(), "Update Customer"));
    if (rest.equals("/orders/new"))
      return post
          ? saveOrder(r, c, 0)
          : FixtureResponse.html(orderForm(c, true, Map.of(), Map.of()));
    Matcher om = ORDER.matcher(rest);
    if (!om.matches()) return notFound();
    Order o = store.order(c.id(), Integer.parseInt(om.group(1)));
    if (o == null) return notFound();
    if (om.group(2).equals("/edit"))
      return post
          ? saveOrder(r, c, o.id())
          : FixtureResponse.html(
              orderForm(
                  c,
                  false,
                  Map.of("item", o.item(), "orderDate", o.orderDate(), "status", o.status()),
                  Map.of()));
    if (om.group(2).equals("/shipments/new"))
      return post
          ? saveShipment(r, c, o)
          : FixtureResponse.html(shipmentForm(c, o, Map.of(), Map.of()));
    return notFound();
  }

  private FixtureResponse detail(FixtureRequest r, Customer c) {
    String flash = r.cookies().get("flash");
    FixtureResponse page =
        FixtureResponse.html(
            ShopPages.detail(
                c, store, flash == null ? null : URLDecoder.decode(flash, StandardCharsets.UTF_8)));
    return flash == null ? page : page.withHeader("Set-Cookie", "flash=; Path=/; Max-Age=0");
  }

  private FixtureResponse saveCustomer(FixtureRequest r, int id) {
    Map<String, String> values = ShopForms.values(ShopForms.CUSTOMER, r);
    Map<String, String> errors = ShopForms.validate(ShopForms.CUSTOMER, values);
    if (faults.on(PHONE_NOT_VALIDATED)) errors.remove("telephone");
    if (!errors.isEmpty())
      return outcome(
          FixtureResponse.html(
              customerForm(values, errors, id == 0 ? "Add Customer" : "Update Customer")),
          "rejected");
    Customer customer =
        new Customer(
            id,
            values.get("firstName"),
            values.get("lastName"),
            values.get("address"),
            values.get("city"),
            faults.on(SAVE_DROPS_PHONE) ? "" : values.get("telephone"),
            values.get("birthDate"),
            values.get("membership"));
    Customer saved =
        id != 0 && faults.on(EDIT_NOT_PERSISTED)
            ? store.customer(id)
            : store.saveCustomer(customer);
    return flashRedirect(
        "/customers/" + saved.id(), id == 0 ? "Customer created" : "Customer values updated");
  }

  private FixtureResponse saveOrder(FixtureRequest r, Customer c, int id) {
    Map<String, String> values = ShopForms.values(ShopForms.ORDER, r);
    Map<String, String> errors = ShopForms.validate(ShopForms.ORDER, values);
    if (!errors.isEmpty())
      return outcome(FixtureResponse.html(orderForm(c, id == 0, values, errors)), "rejected");
    if (id != 0 || !faults.on(NEW_ORDER_LOST))
      store.saveOrder(
          new Order(id, c.id(), values.get("item"), values.get("orderDate"), values.get("status")));
    return flashRedirect("/customers/" + c.id(), id == 0 ? "Order added" : "Order updated");
  }

  private FixtureResponse saveShipment(FixtureRequest r, Customer c, Order o) {
    Map<String, String> values = ShopForms.values(ShopForms.SHIPMENT, r);
    Map<String, String> errors = ShopForms.validate(ShopForms.SHIPMENT, values);
    if (!errors.isEmpty())
      return outcome(FixtureResponse.html(shipmentForm(c, o, values, errors)), "rejected");
    store.saveShipment(
        new Shipment(
            0,
            o.id(),
            values.get("carrier"),
            values.get("trackingNumber"),
            values.get("shipDate")));
    return flashRedirect("/customers/" + c.id(), "Shipment added");
  }

  private static String customerForm(
      Map<String, String> values, Map<String, String> errors, String button) {
    // one heading for new and edit, as PetClinic's owner form: only the button tells them apart
    return ShopPages.form(
        "Customer", "", ShopForms.render(ShopForms.CUSTOMER, values, errors, button));
  }

  private static String orderForm(
      Customer c, boolean isNew, Map<String, String> values, Map<String, String> errors) {
    return ShopPages.form(
        isNew ? "New Order" : "Order",
        "<p class=\"customer\">Customer: <b>" + escape(c.name()) + "</b></p>",
        ShopForms.render(ShopForms.ORDER, values, errors, isNew ? "Add Order" : "Update Order"));
  }

  private String shipmentForm(
      Customer c, Order o, Map<String, String> values, Map<String, String> errors) {
    StringBuilder previous =
        new StringBuilder(
            "<table class=\"table\" id=\"order\"><tr><th>Item</th><th>Order Date</th><th>Customer</th></tr>"
                + "<tr><td>%s</td><td>%s</td><td>%s</td></tr></table>"
                    .formatted(escape(o.item()), escape(o.orderDate()), escape(c.name())));
    String form = ShopForms.render(ShopForms.SHIPMENT, values, errors, "Add Shipment");
    previous
        .append(form)
        .append("<h3>Previous Shipments</h3><table class=\"table\" id=\"shipments\">");
    for (Shipment s : store.shipmentsOf(o.id()))
      previous.append(
          "<tr><td>%s</td><td>%s</td></tr>"
              .formatted(escape(s.shipDate()), escape(s.trackingNumber())));
    return ShopPages.form("New Shipment", "", previous.append("</table>").toString());
  }

  private static Map<String, String> customerValues(Customer c) {
    return Map.of(
        "firstName", c.firstName(),
        "lastName", c.lastName(),
        "address", c.address(),
        "city", c.city(),
        "telephone", c.telephone(),
        "birthDate", c.birthDate(),
        "membership", c.membership());
  }

  private static FixtureResponse flashRedirect(String location, String message) {
    return FixtureResponse.redirect(location)
        .withHeader(
            "Set-Cookie",
            "flash="
                + URLEncoder.encode(message, StandardCharsets.UTF_8).replace("+", "%20")
                + "; Path=/");
  }

  private static FixtureResponse redirect302(String location) {
    return new FixtureResponse(302, "text/plain", new byte[0], Map.of("Location", location));
  }

  private static FixtureResponse notFound() {
    return FixtureResponse.html(404, ShopPages.notFound());
  }

  private static FixtureResponse outcome(FixtureResponse response, String outcome) {
    return response.withHeader(RecordedRequest.OUTCOME_HEADER, outcome);
  }
}
