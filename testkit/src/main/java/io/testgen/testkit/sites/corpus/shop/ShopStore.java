package io.testgen.testkit.sites.corpus.shop;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The crud-shop's data in memory: customers, their orders and each order's shipments, seeded with
 * the same 25 customers every time ({@link #reset()}). Ids are generated numbers, as a database
 * would give them. Thread-safe.
 */
final class ShopStore {
  static final List<String> MEMBERSHIPS = List.of("Bronze", "Silver", "Gold");
  static final List<String> ORDER_STATUSES = List.of("Placed", "Paid", "Shipped", "Cancelled");
  static final List<String> CARRIERS = List.of("DHL", "UPS", "FedEx", "Royal Mail");

  record Customer(
      int id,
      String firstName,
      String lastName,
      String address,
      String city,
      String telephone,
      String birthDate,
      String membership) {
    String name() {
      return firstName + " " + lastName;
    }
  }

  record Order(int id, int customerId, String item, String orderDate, String status) {}

  record Shipment(int id, int orderId, String carrier, String trackingNumber, String shipDate) {}

  private static final String[][] SEED = {
    {"George", "Franklin", "110 W. Liberty St.", "Madison", "6085551023"},
    {"Betty", "Davis", "638 Cardinal Ave.", "Sun Prairie", "6085551749"},
    {"Eduardo", "Rodriquez", "2693 Commerce St.", "McFarland", "6085558763"},
    {"Harold", "Davis", "563 Friendly St.", "Windsor", "6085553198"},
    {"Peter", "McTavish", "2387 S. Fair Way", "Madison", "6085552765"},
    {"Jean", "Coleman", "105 N. Lake St.", "Monona", "6085552654"},
    {"Jeff", "Black", "1450 Oak Blvd.", "Monona", "6085555387"},
    {"Maria", "Escobito", "345 Maple St.", "Madison", "6085557683"},
    {"David", "Schroeder", "2749 Blackhawk Trail", "Madison", "6085559435"},
    {"Carlos", "Estaban", "2335 Independence La.", "Waunakee", "6085555487"},
    {"Ada", "Miller", "12 Harbour Rd.", "Verona", "6085550101"},
    {"Tom", "Miller", "14 Harbour Rd.", "Verona", "6085550102"},
    {"Linh", "Nguyen", "77 Elm St.", "Middleton", "6085550177"},
    {"Chidi", "Okafor", "9 Birch Ct.", "Fitchburg", "6085550190"},
    {"Ivan", "Petrov", "401 Lakeview Dr.", "Madison", "6085550211"},
    {"Rosa", "Quinn", "58 Pine St.", "Oregon", "6085550233"},
    {"Marco", "Rossi", "3 Vine St.", "Stoughton", "6085550245"},
    {"Yuki", "Sato", "1200 Park St.", "Madison", "6085550267"},
    {"Kenji", "Tanaka", "88 River Rd.", "DeForest", "6085550289"},
    {"Greta", "Ulrich", "6 Mill Ln.", "Cottage Grove", "6085550301"},
    {"Zoltan", "Varga", "17 Hill St.", "Madison", "6085550323"},
    {"Anna", "Weber", "230 Spring St.", "Belleville", "6085550345"},
    {"Mei", "Xu", "19 Garden Ave.", "Madison", "6085550367"},
    {"Sam", "Young", "402 Court St.", "Mount Horeb", "6085550389"},
    {"Emily", "Davis", "71 Lake Ave.", "Madison", "6085550400"},
  };

  private final Map<Integer, Customer> customers = new TreeMap<>();
  private final Map<Integer, Order> orders = new TreeMap<>();
  private final Map<Integer, Shipment> shipments = new TreeMap<>();
  private int nextCustomer;
  private int nextOrder;
  private int nextShipment;

  ShopStore() {
    reset();
  }

  synchronized void reset() {
    customers.clear();
    orders.clear();
    shipments.clear();
    nextCustomer = nextOrder = nextShipment = 1;
    for (int i = 0; i < SEED.length; i++) {
      String[] s = SEED[i];
      String birth = "%d-%02d-%02d".formatted(1950 + i, 1 + i % 12, 1 + i);
      saveCustomer(new Customer(0, s[0], s[1], s[2], s[3], s[4], birth, MEMBERSHIPS.get(i % 3)));
    }
    // a few customers with orders and shipments, as a shop that has been running a while
    for (int c = 1; c <= 6; c++) {
      Order order =
          saveOrder(
              new Order(
                  0,
                  c,
                  "Order item " + c,
                  "2024-0%d-1%d".formatted(c, c),
                  ORDER_STATUSES.get(c % 3)));
      if (c % 2 == 1)
        saveShipment(
            new Shipment(
                0,
                order.id(),
                CARRIERS.get(c % 4),
                "TRK%08d".formatted(c * 7919),
                "2024-0%d-2%d".formatted(c, c)));
    }
  }

  synchronized Customer saveCustomer(Customer c) {
    Customer saved =
        c.id() > 0
            ? c
            : new Customer(
                nextCustomer++,
                c.firstName(),
                c.lastName(),
                c.address(),
                c.city(),
                c.telephone(),
                c.birthDate(),
                c.membership());
    customers.put(saved.id(), saved);
    return saved;
  }

  synchronized Order saveOrder(Order o) {
    Order saved =
        o.id() > 0
            ? o
            : new Order(nextOrder++, o.customerId(), o.item(), o.orderDate(), o.status());
    orders.put(saved.id(), saved);
    return saved;
  }

  synchronized Shipment saveShipment(Shipment s) {
    Shipment saved =
        s.id() > 0
            ? s
            : new Shipment(
                nextShipment++, s.orderId(), s.carrier(), s.trackingNumber(), s.shipDate());
    shipments.put(saved.id(), saved);
    return saved;
  }

  synchronized Customer customer(int id) {
    return customers.get(id);
  }

  /** The order {@code id} if it belongs to customer {@code customerId}, else null. */
  synchronized Order order(int customerId, int id) {
    Order o = orders.get(id);
    return o == null || o.customerId() != customerId ? null : o;
  }

  synchronized int customerCount() {
    return customers.size();
  }

  /** Customers whose last name starts with {@code prefix} (any case), by last then first name. */
  synchronized List<Customer> findByLastName(String prefix) {
    String p = prefix == null ? "" : prefix.toLowerCase(Locale.ROOT);
    return customers.values().stream()
        .filter(c -> c.lastName().toLowerCase(Locale.ROOT).startsWith(p))
        .sorted(Comparator.comparing(Customer::lastName).thenComparing(Customer::id))
        .toList();
  }

  synchronized List<Order> ordersOf(int customerId) {
    return new ArrayList<>(
        orders.values().stream().filter(o -> o.customerId() == customerId).toList());
  }

  synchronized List<Shipment> shipmentsOf(int orderId) {
    return shipments.values().stream().filter(s -> s.orderId() == orderId).toList();
  }
}
