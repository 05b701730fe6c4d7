package io.testgen.worker.requirements;

import static io.testgen.worker.requirements.ShopObservation.button;
import static io.testgen.worker.requirements.ShopObservation.field;
import static io.testgen.worker.requirements.ShopObservation.input;
import static io.testgen.worker.requirements.ShopObservation.link;

import io.testgen.common.agents.observation.CrawlStats;
import io.testgen.common.agents.observation.ElementInfo;
import io.testgen.common.agents.observation.FieldInfo;
import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.FormSubmission;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.observation.Transition;
import io.testgen.common.agents.observation.ValidationMessage;
import io.testgen.common.agents.requirements.RequirementsRequest;
import java.util.List;
import java.util.Map;

/**
 * A server-rendered CRUD app as issue 16 met it: a "find owners" search form by last name shown on
 * two pages (the home page and the owner list), a create-owner form (POST, five required fields, a
 * telephone pattern) whose valid submission redirects to the new owner's page, and a delete button
 * there (a POST form).
 */
public final class ClinicObservation {
  static final String BASE = ShopObservation.BASE;

  private ClinicObservation() {}

  public static ObservationResult observation() {
    ElementInfo findOwners = link("el-nav-find", "Find owners", BASE + "/owners");
    ElementInfo homeBox = input("el-home-lastname", "Last name");
    ElementInfo homeFind = button("el-home-find", "Find owner");
    ElementInfo listBox = input("el-list-lastname", "Last name");
    ElementInfo listFind = button("el-list-find", "Find owner");
    ElementInfo addOwner = link("el-add-owner", "Add owner", BASE + "/owners/new");
    ElementInfo createSubmit = button("el-create-submit", "Add owner");
    ElementInfo delete = button("el-delete-owner", "Delete owner");

    StateInfo home =
        state(
            "s-home", "/", "Welcome", 0, List.of(findOwners), List.of(homeFind), List.of(homeBox));
    StateInfo owners =
        state(
            "s-owners",
            "/owners",
            "Owners",
            1,
            List.of(addOwner),
            List.of(listFind),
            List.of(listBox));
    StateInfo newOwner =
        state(
            "s-new-owner",
            "/owners/new",
            "New owner",
            2,
            List.of(),
            List.of(createSubmit),
            List.of());
    StateInfo owner =
        state(
            "s-owner", "/owners/7", "Owner information", 3, List.of(), List.of(delete), List.of());

    FormInfo homeSearch = search("f-home-search", "s-home", "el-home-lastname", homeFind);
    FormInfo listSearch = search("f-list-search", "s-owners", "el-list-lastname", listFind);
    FormInfo create =
        new FormInfo(
            "f-new-owner",
            "s-new-owner",
            BASE + "/owners/new",
            "post",
            "create",
            List.of(
                required("el-first", "firstName", "First name", null),
                required("el-last", "lastName", "Last name", null),
                required("el-address", "address", "Address", null),
                required("el-city", "city", "City", null),
                required("el-phone", "telephone", "Telephone", "\\d{10}")),
            createSubmit,
            List.of(
                new FormSubmission(
                    "valid",
                    Map.of("firstName", "Ada", "lastName", "Lovelace"),
                    BASE + "/owners/7",
                    true,
                    "s-owner",
                    200,
                    List.of(),
                    List.of("New owner created")),
                new FormSubmission(
                    "empty_required",
                    Map.of(),
                    BASE + "/owners/new",
                    false,
                    "s-new-owner",
                    200,
                    List.of(new ValidationMessage("lastName", "must not be blank", "server")),
                    List.of())));
    FormInfo deleteOwner =
        new FormInfo(
            "f-delete-owner",
            "s-owner",
            BASE + "/owners/7/delete",
            "post",
            "generic",
            List.of(),
            delete,
            List.of());

    return new ObservationResult(
        BASE + "/",
        "s-home",
        List.of(home, owners, newOwner, owner),
        List.of(
            new Transition("s-home", "s-owners", "click", "el-nav-find", "click 'Find owners'"),
            new Transition("s-home", "s-owners", "submit", "el-home-find", "find owner"),
            new Transition("s-owners", "s-new-owner", "click", "el-add-owner", "click 'Add owner'"),
            new Transition("s-new-owner", "s-owner", "submit", "el-create-submit", "add owner")),
        List.of(homeSearch, listSearch, create, deleteOwner),
        List.of(),
        null,
        false,
        new CrawlStats(4, 4, 4, 4, 4, 0, 10_000, 0));
  }

  /** The request the workflow would send: no instruction, no credentials. */
  public static RequirementsRequest request() {
    return new RequirementsRequest("wf-clinic", observation(), null, List.of(), 100, false, false);
  }

  private static FormInfo search(String id, String stateId, String boxId, ElementInfo submit) {
    return new FormInfo(
        id,
        stateId,
        BASE + "/owners",
        "get",
        "search",
        List.of(field(boxId, "lastName", "text", "Last name", false, null, null, null, null, null)),
        submit,
        List.of(
            new FormSubmission(
                "valid",
                Map.of("lastName", "Davis"),
                BASE + "/owners?lastName=Davis",
                true,
                "s-owners",
                200,
                List.of(),
                List.of("Betty Davis"))));
  }

  private static FieldInfo required(String id, String name, String label, String pattern) {
    return field(id, name, "text", label, true, pattern, null, null, null, null);
  }

  private static StateInfo state(
      String id,
      String path,
      String title,
      int depth,
      List<ElementInfo> links,
      List<ElementInfo> buttons,
      List<ElementInfo> inputs) {
    return ShopObservation.shopState(id, path, title, depth)
        .h1(title)
        .links(links)
        .buttons(buttons)
        .inputs(inputs)
        .build();
  }
}
