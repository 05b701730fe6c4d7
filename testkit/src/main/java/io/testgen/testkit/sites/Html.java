package io.testgen.testkit.sites;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Escaping for fixture pages, and the pieces of a form shown again after a failed submission. */
public final class Html {
  private Html() {}

  public static String escape(String text) {
    if (text == null) return "";
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }

  /**
   * The format arguments of a form shown again after a failed submission: for each of {@code
   * fields} in order, its last value (escaped) and then its error (see {@link #fieldError}).
   */
  public static Object[] valuesAndErrors(
      Map<String, String> values,
      Map<String, String> errors,
      String errorTag,
      String errorAttributes,
      String... fields) {
    List<String> arguments = new ArrayList<>();
    for (String field : fields) {
      arguments.add(escape(values.getOrDefault(field, "")));
      arguments.add(fieldError(errors, field, errorTag, errorAttributes));
    }
    return arguments.toArray();
  }

  /**
   * The error shown beside {@code field} when {@code errors} has one: a {@code tag} element of
   * class {@code error} with id {@code <field>-error} and {@code attributes} (each with a leading
   * space); otherwise nothing.
   */
  public static String fieldError(
      Map<String, String> errors, String field, String tag, String attributes) {
    return errors.containsKey(field)
        ? "<%s class=\"error\" id=\"%s-error\"%s>%s</%s>"
            .formatted(tag, field, attributes, escape(errors.get(field)), tag)
        : "";
  }
}
