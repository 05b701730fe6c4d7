package io.testgen.testkit.sites.corpus.shop;

import io.testgen.testkit.sites.corpus.FaultSwitch;
import io.testgen.testkit.sites.corpus.HandFault;
import io.testgen.testkit.sites.corpus.shop.ShopStore.Customer;
import java.util.ArrayList;
import java.util.List;

/**
 * The CRUD shop's hand-written fault catalogue: bugs of its handlers, as a developer ships them.
 */
public final class ShopFaults {
  public static final String SAVE_DROPS_PHONE = "save-drops-phone";
  static final String PHONE_NOT_VALIDATED = "phone-not-validated";
  static final String SEARCH_ONE_WRONG_RECORD = "search-one-wrong-record";
  static final String SEARCH_NONE_LISTS_ALL = "search-none-lists-all";
  static final String PAGINATION_REPEATS_FIRST = "pagination-repeats-first-page";
  static final String EDIT_NOT_PERSISTED = "edit-not-persisted";
  public static final String NEW_ORDER_LOST = "new-order-lost";
  static final String ERROR_PAGE_200 = "error-page-answers-200";

  /** A new switch over the catalogue, every fault off. */
  static FaultSwitch catalogue() {
    return new FaultSwitch(
        new HandFault(
            SAVE_DROPS_PHONE,
            "saving a customer (create or edit) stores an empty telephone: the handler no"
                + " longer copies the field"),
        new HandFault(
            PHONE_NOT_VALIDATED,
            "the telephone is no longer validated: letters or 11+ digits are saved"),
        new HandFault(
            SEARCH_ONE_WRONG_RECORD,
            "a search with exactly one match redirects to the next customer's id (off by one)"),
        new HandFault(
            SEARCH_NONE_LISTS_ALL,
            "a search without a match lists every customer instead of saying nothing was"
                + " found"),
        new HandFault(
            PAGINATION_REPEATS_FIRST,
            "every page of the customer list shows the first page's rows (the offset is"
                + " ignored)"),
        new HandFault(
            EDIT_NOT_PERSISTED,
            "editing a customer says \"Customer values updated\" but keeps the old values"),
        new HandFault(
            NEW_ORDER_LOST, "adding an order says \"Order added\" but the order is never stored"),
        new HandFault(ERROR_PAGE_200, "the error page answers 200 instead of 500"));
  }

  /** The list {@code page} shows under {@link #PAGINATION_REPEATS_FIRST}: page 1's rows again. */
  static List<Customer> firstPageEverywhere(List<Customer> found, int page) {
    List<Customer> shown = new ArrayList<>(found);
    int offset = (page - 1) * ShopPages.PAGE_SIZE;
    for (int i = 0; i < ShopPages.PAGE_SIZE && offset + i < found.size(); i++)
      shown.set(offset + i, found.get(i));
    return shown;
  }

  private ShopFaults() {}
}
