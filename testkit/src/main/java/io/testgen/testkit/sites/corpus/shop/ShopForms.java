package io.testgen.testkit.sites.corpus.shop;

import static io.testgen.testkit.sites.Html.escape;

import io.testgen.testkit.sites.FixtureRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The crud-shop's three forms (customer, order, shipment): their fields, server-side validation
 * with one message per field, and their markup with the message next to the field, as Spring
 * PetClinic renders them.
 */
final class ShopForms {
  private ShopForms() {}

  enum Kind {
    TEXT,
    PHONE,
    DATE_TEXT,
    DATE,
    SELECT
  }

  record Field(String name, String label, Kind kind, boolean required, List<String> choices) {}

  static final List<Field> CUSTOMER =
      List.of(
          new Field("firstName", "First Name", Kind.TEXT, true, List.of()),
          new Field("lastName", "Last Name", Kind.TEXT, true, List.of()),
          new Field("address", "Address", Kind.TEXT, true, List.of()),
          new Field("city", "City", Kind.TEXT, true, List.of()),
          new Field("telephone", "Telephone", Kind.PHONE, true, List.of()),
          new Field("birthDate", "Birth Date", Kind.DATE_TEXT, true, List.of()),
          new Field("membership", "Membership", Kind.SELECT, true, ShopStore.MEMBERSHIPS));

  static final List<Field> ORDER =
      List.of(
          new Field("item", "Item", Kind.TEXT, true, List.of()),
          new Field("orderDate", "Order Date", Kind.DATE, true, List.of()),
          new Field("status", "Status", Kind.SELECT, true, ShopStore.ORDER_STATUSES));

  static final List<Field> SHIPMENT =
      List.of(
          new Field("carrier", "Carrier", Kind.SELECT, true, ShopStore.CARRIERS),
          new Field("trackingNumber", "Tracking Number", Kind.TEXT, true, List.of()),
          new Field("shipDate", "Ship Date", Kind.DATE, true, List.of()));

  /** The submitted values of {@code fields}, trimmed ({@code ""} when absent). */
  static Map<String, String> values(List<Field> fields, FixtureRequest r) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Field f : fields) {
      String v = r.param(f.name());
      values.put(f.name(), v == null ? "" : v.trim());
    }
    return values;
  }

  /** Field name to message for every invalid field; empty when all are valid. */
  static Map<String, String> validate(List<Field> fields, Map<String, String> values) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (Field f : fields) {
      String v = values.getOrDefault(f.name(), "");
      if (v.isEmpty()) {
        if (f.required())
          errors.put(f.name(), f.kind() == Kind.SELECT ? "please choose one" : "must not be blank");
        continue;
      }
      switch (f.kind()) {
        case PHONE -> {
          if (!v.matches("\\d{1,10}"))
            errors.put(f.name(), "Telephone must be digits only, at most 10 digits");
        }
        case DATE, DATE_TEXT -> {
          if (!isDate(v)) errors.put(f.name(), "must be a date in the form yyyy-mm-dd");
        }
        case SELECT -> {
          if (!f.choices().contains(v)) errors.put(f.name(), "please choose one");
        }
        case TEXT -> {
          if (f.name().equals("trackingNumber") && !v.matches("[A-Z0-9]{8,20}"))
            errors.put(f.name(), "8 to 20 capital letters or digits");
        }
      }
    }
    return errors;
  }

  private static boolean isDate(String v) {
    if (!v.matches("\\d{4}-\\d{2}-\\d{2}")) return false;
    try {
      LocalDate.parse(v);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /**
   * A form posting to the page's own URL (no action attribute, as PetClinic's forms do), one group
   * per field with its message beside it.
   */
  static String render(
      List<Field> fields, Map<String, String> values, Map<String, String> errors, String button) {
    StringBuilder b = new StringBuilder("<form class=\"form-horizontal\" method=\"post\">\n");
    for (Field f : fields) {
      String v = values.getOrDefault(f.name(), "");
      String error = errors.get(f.name());
      b.append("<div class=\"form-group")
          .append(error == null ? "" : " has-error")
          .append("\"><label for=\"")
          .append(f.name())
          .append("\" class=\"control-label\">")
          .append(f.label())
          .append("</label><div class=\"col\">");
      switch (f.kind()) {
        case SELECT -> {
          b.append("<select id=\"")
              .append(f.name())
              .append("\" name=\"")
              .append(f.name())
              .append("\">");
          b.append("<option value=\"\">-- choose --</option>");
          for (String c : f.choices())
            b.append("<option")
                .append(c.equals(v) ? " selected" : "")
                .append(">")
                .append(escape(c))
                .append("</option>");
          b.append("</select>");
        }
        case DATE ->
            b.append(
                "<input type=\"date\" id=\"%s\" name=\"%s\" value=\"%s\">"
                    .formatted(f.name(), f.name(), escape(v)));
        case DATE_TEXT ->
            b.append(
                "<input type=\"text\" id=\"%s\" name=\"%s\" value=\"%s\" placeholder=\"yyyy-mm-dd\">"
                    .formatted(f.name(), f.name(), escape(v)));
        default ->
            b.append(
                "<input type=\"text\" id=\"%s\" name=\"%s\" value=\"%s\">"
                    .formatted(f.name(), f.name(), escape(v)));
      }
      if (error != null)
        b.append("<span class=\"help-inline\">").append(escape(error)).append("</span>");
      b.append("</div></div>\n");
    }
    return b.append("<div class=\"form-group\"><button class=\"btn btn-primary\" type=\"submit\">")
        .append(escape(button))
        .append("</button></div>\n</form>")
        .toString();
  }
}
