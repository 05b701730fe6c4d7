package io.testgen.testkit.sites.corpus.admin;

import io.testgen.testkit.sites.corpus.FaultSwitch;
import io.testgen.testkit.sites.corpus.HandFault;
import java.util.LinkedHashMap;
import java.util.Map;

/** The admin's hand-written fault catalogue: bugs of its model views, as a developer ships them. */
final class AdminFaults {
  static final String SEARCH_IGNORED = "search-ignores-query";
  static final String FILTER_IGNORED = "filter-shows-all-rows";
  static final String PAGE_IGNORED = "page-two-shows-page-one";
  static final String ADD_DROPS_TITLE = "add-saves-without-title";
  static final String CHANGE_NOT_SAVED = "change-not-saved";
  static final String DELETE_KEEPS_ROW = "delete-keeps-row";
  static final String LOGOUT_KEEPS_SESSION = "logout-keeps-session";

  private AdminFaults() {}

  static FaultSwitch catalogue() {
    return new FaultSwitch(
        new HandFault(
            SEARCH_IGNORED,
            "a changelist search shows every row (the query is kept in the box, never applied)"),
        new HandFault(
            FILTER_IGNORED, "a changelist filter is marked selected but every row is still listed"),
        new HandFault(
            PAGE_IGNORED, "the changelist ignores its page number: every page link shows page 1"),
        new HandFault(
            ADD_DROPS_TITLE,
            "an add form says the record was added but stores it with an empty title (or name)"),
        new HandFault(
            CHANGE_NOT_SAVED,
            "a change form says the record was changed successfully but keeps the old values"),
        new HandFault(
            DELETE_KEEPS_ROW,
            "confirming \"Yes, I’m sure\" says the record was deleted but it stays"),
        new HandFault(
            LOGOUT_KEEPS_SESSION,
            "logging out says \"Logged out\" but the session stays signed in"));
  }

  /**
   * The values an add form stores: {@code values}, less the title under {@link #ADD_DROPS_TITLE}.
   */
  static Map<String, String> stored(FaultSwitch faults, AdminModel m, Map<String, String> values) {
    if (!faults.on(ADD_DROPS_TITLE) || !values.containsKey(m.titleField())) return values;
    Map<String, String> dropped = new LinkedHashMap<>(values);
    dropped.put(m.titleField(), "");
    return dropped;
  }
}
