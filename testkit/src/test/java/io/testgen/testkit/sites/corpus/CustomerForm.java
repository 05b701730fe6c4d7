package io.testgen.testkit.sites.corpus;

import java.util.LinkedHashMap;
import java.util.Map;

/** The customer form the crud-shop tests post: Grace, with the given last name and telephone. */
final class CustomerForm {
  private CustomerForm() {}

  static Map<String, String> of(String lastName, String telephone) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("firstName", "Grace");
    form.put("lastName", lastName);
    form.put("address", "1 Loop Rd.");
    form.put("city", "Madison");
    form.put("telephone", telephone);
    form.put("birthDate", "1980-04-01");
    form.put("membership", "Gold");
    return form;
  }
}
