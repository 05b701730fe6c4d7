package io.testgen.worker.requirements;

import io.testgen.common.agents.observation.AccessibilityFacts;
import io.testgen.common.agents.observation.CrawlStats;
import io.testgen.common.agents.observation.ElementInfo;
import io.testgen.common.agents.observation.FieldInfo;
import io.testgen.common.agents.observation.Finding;
import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.FormSubmission;
import io.testgen.common.agents.observation.GoalOutcome;
import io.testgen.common.agents.observation.Heading;
import io.testgen.common.agents.observation.Locator;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.observation.Transition;
import io.testgen.common.agents.observation.ValidationMessage;
import io.testgen.common.agents.requirements.RequirementsRequest;
import io.testgen.worker.StateInfoBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A known observation of a small shop: home with a search form, a product list template with two
 * instances (one answered 500 during the crawl), search results, login, sign-up (required, email,
 * pattern, range and length constraints; a fragile submit locator; an unlabelled input) and an
 * account page reached after signing up, which is the instruction's goal.
 */
public final class ShopObservation {
  public static final String BASE = "https://shop.test";
  public static final String INSTRUCTION = "sign up and see my account";

  private ShopObservation() {}

  /** The observation with {@code edit} applied to its JSON form (a state's status, a form more). */
  public static ObservationResult edited(
      java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode> edit) {
    com.fasterxml.jackson.databind.ObjectMapper json =
        io.testgen.common.json.JsonMapperFactory.shared();
    com.fasterxml.jackson.databind.node.ObjectNode tree = json.valueToTree(observation());
    edit.accept(tree);
    try {
      return json.treeToValue(tree, ObservationResult.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("the edited observation does not read back", e);
    }
  }

  public static ObservationResult observation() {
    ElementInfo navProducts = link("el-nav-products", "Products", BASE + "/products/shoes");
    ElementInfo navLogin = link("el-nav-login", "Log in", BASE + "/login");
    ElementInfo navSignup = link("el-nav-signup", "Sign up", BASE + "/signup");
    ElementInfo searchBox =
        new ElementInfo(
            "el-search-q",
            "input",
            "input",
            "searchbox",
            "Search",
            null,
            null,
            List.of(Locator.role("searchbox", "Search", true)));
    ElementInfo searchSubmit = button("el-search-submit", "Search");
    ElementInfo product = link("el-product-1", "Red Shoe", BASE + "/products/shoes/red-shoe");
    ElementInfo logo = link("el-logo", "Shop", BASE + "/");
    ElementInfo loginSubmit = button("el-login-submit", "Log in");
    ElementInfo loginToSignup = link("el-login-to-signup", "Create account", BASE + "/signup");
    ElementInfo signupSubmit =
        new ElementInfo(
            "el-signup-submit",
            "button",
            "button",
            null,
            null,
            "Create account",
            null,
            List.of(Locator.css("form > button:nth-child(5)", false)));
    ElementInfo logout = button("el-logout", "Log out");

    StateInfo home =
        shopState("s-home", "/", "Shop - Home", 0)
            .h1("Welcome to Shop")
            .links(List.of(navProducts, navLogin, navSignup))
            .buttons(List.of(searchSubmit))
            .inputs(List.of(searchBox))
            .formIds(List.of("f-search"))
            .build();
    StateInfo products =
        shopState("s-product-list", "/products/shoes", "Products", 1)
            .h1("Products")
            .links(List.of(product, logo))
            .instanceUrls(List.of(BASE + "/products/shoes", BASE + "/products/hats"))
            .accessibility(facts(1, true, List.of(), List.of("img-hat"), 2))
            .build();
    StateInfo results =
        shopState("s-search-results", "/search?q=shoe", "Search results", 1)
            .h1("Results")
            .links(List.of(product))
            .reachedBy(List.of("type 'shoe' into 'Search'", "click 'Search'"))
            .build();
    StateInfo login =
        shopState("s-login", "/login", "Log in", 1)
            .h1("Log in")
            .links(List.of(loginToSignup))
            .buttons(List.of(loginSubmit))
            .inputs(
                List.of(
                    input("el-login-username", "Username"), input("el-login-password", "Password")))
            .formIds(List.of("f-login"))
            .build();
    StateInfo signup =
        shopState("s-signup", "/signup", "Sign up", 1)
            .h1("Create your account")
            .buttons(List.of(signupSubmit))
            .inputs(
                List.of(
                    input("el-signup-email", "Email"),
                    input("el-signup-username", "Username"),
                    input("el-signup-age", null),
                    input("el-signup-password", "Password")))
            .formIds(List.of("f-signup"))
            .accessibility(facts(1, true, List.of("el-signup-age"), List.of(), 0))
            .build();
    StateInfo account =
        shopState("s-account", "/account", "My account", 2)
            .headings(List.of(new Heading(2, "Orders")))
            .buttons(List.of(logout))
            .reachedBy(
                List.of("click 'Sign up'", "fill the sign-up form", "click 'Create account'"))
            .accessibility(facts(0, false, List.of(), List.of(), 0))
            .build();

    FormInfo search =
        new FormInfo(
            "f-search",
            "s-home",
            BASE + "/search",
            "get",
            "search",
            List.of(field("el-search-q", "q", "search", "Search", false)),
            searchSubmit,
            List.of(
                new FormSubmission(
                    "valid",
                    Map.of("q", "shoe"),
                    BASE + "/search?q=shoe",
                    true,
                    "s-search-results",
                    200,
                    List.of(),
                    List.of("Red Shoe"))));
    FormInfo loginForm =
        new FormInfo(
            "f-login",
            "s-login",
            BASE + "/login",
            "post",
            "login",
            List.of(
                field("el-login-username", "username", "text", "Username", true),
                field("el-login-password", "password", "password", "Password", true)),
            loginSubmit,
            List.of(
                new FormSubmission(
                    "empty_required",
                    Map.of(),
                    BASE + "/login",
                    false,
                    "s-login",
                    200,
                    List.of(
                        new ValidationMessage("username", "Please fill out this field.", "native")),
                    List.of())));
    FormInfo signupForm =
        new FormInfo(
            "f-signup",
            "s-signup",
            BASE + "/signup",
            "post",
            "signup",
            List.of(
                field("el-signup-email", "email", "email", "Email", true),
                field(
                    "el-signup-username",
                    "username",
                    "text",
                    "Username",
                    true,
                    "[a-z0-9]{3,12}",
                    null,
                    null,
                    null,
                    null),
                field("el-signup-age", "age", "number", null, false, null, "18", "120", null, null),
                field(
                    "el-signup-password",
                    "password",
                    "password",
                    "Password",
                    true,
                    null,
                    null,
                    null,
                    8,
                    null)),
            signupSubmit,
            List.of(
                new FormSubmission(
                    "valid",
                    Map.of("email", "a@example.test"),
                    BASE + "/account",
                    true,
                    "s-account",
                    200,
                    List.of(),
                    List.of("Welcome, new shopper"))));

    List<Transition> transitions =
        List.of(
            new Transition(
                "s-home", "s-product-list", "click", "el-nav-products", "click 'Products'"),
            new Transition("s-home", "s-login", "click", "el-nav-login", "click 'Log in'"),
            new Transition("s-home", "s-signup", "click", "el-nav-signup", "click 'Sign up'"),
            new Transition(
                "s-home", "s-search-results", "submit", "el-search-submit", "search 'shoe'"),
            new Transition("s-product-list", "s-home", "click", "el-logo", "click 'Shop'"),
            new Transition(
                "s-login", "s-signup", "click", "el-login-to-signup", "click 'Create account'"),
            new Transition("s-login", "s-account", "submit", "el-login-submit", "log in"),
            new Transition(
                "s-signup", "s-account", "submit", "el-signup-submit", "click 'Create account'"));

    return new ObservationResult(
        BASE + "/",
        "s-home",
        List.of(home, products, results, login, signup, account),
        transitions,
        List.of(search, loginForm, signupForm),
        List.of(new Finding("http_error", BASE + "/products/hats", 500, "Internal Server Error")),
        new GoalOutcome(
            INSTRUCTION,
            true,
            List.of("click 'Sign up'", "fill the sign-up form", "click 'Create account'"),
            "s-account",
            null),
        false,
        new CrawlStats(7, 6, 3, 20, 8, 1, 4_000, 0));
  }

  /** The request the workflow would send for the shop, with credentials given. */
  public static RequirementsRequest request() {
    return new RequirementsRequest(
        "wf-shop", observation(), INSTRUCTION, List.of(), 100, false, true);
  }

  /**
   * A large observation: {@code count} states in a chain from a start page, each with a link to the
   * next, a search-like form, headings and accessibility facts, as a 200-page crawl would give.
   */
  public static ObservationResult large(int count) {
    List<StateInfo> states = new ArrayList<>();
    List<Transition> transitions = new ArrayList<>();
    List<FormInfo> forms = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = "s-" + i;
      ElementInfo next =
          link("el-next-" + i, "Next page number " + (i + 1), BASE + "/p/" + (i + 1));
      ElementInfo box = input("el-box-" + i, "Comment");
      ElementInfo send = button("el-send-" + i, "Send");
      states.add(
          shopState(id, "/p/" + i, "Page " + i + " of the catalogue", Math.min(i, 5))
              .headings(List.of(new Heading(1, "Page " + i), new Heading(2, "Details")))
              .links(List.of(next))
              .buttons(List.of(send))
              .inputs(List.of(box))
              .formIds(List.of("f-" + i))
              .instanceUrls(List.of(BASE + "/p/" + i, BASE + "/p/" + i + "?v=2"))
              .accessibility(facts(1, true, List.of(), List.of(), 1))
              .build());
      forms.add(
          new FormInfo(
              "f-" + i,
              id,
              BASE + "/comment",
              "post",
              i % 2 == 0 ? "create" : "contact",
              List.of(
                  field(
                      "el-box-" + i, "comment", "text", "Comment", true, null, null, null, 2, 500)),
              send,
              List.of()));
      if (i + 1 < count) {
        transitions.add(
            new Transition(id, "s-" + (i + 1), "click", "el-next-" + i, "click 'Next'"));
      }
    }
    return new ObservationResult(
        BASE + "/p/0",
        "s-0",
        states,
        transitions,
        forms,
        List.of(),
        null,
        false,
        new CrawlStats(count, count, count, count, count - 1, 0, 60_000, 0));
  }

  static ElementInfo link(String id, String text, String href) {
    return new ElementInfo(
        id,
        "link",
        "a",
        "link",
        text,
        text,
        href,
        List.of(Locator.role("link", text, true), Locator.css("a[href='" + href + "']", true)));
  }

  static ElementInfo button(String id, String text) {
    return new ElementInfo(
        id,
        "button",
        "button",
        "button",
        text,
        text,
        null,
        List.of(Locator.role("button", text, true)));
  }

  static ElementInfo input(String id, String label) {
    List<Locator> locators =
        label == null
            ? List.of(Locator.css("#" + id, true))
            : List.of(new Locator("label", label, null, true), Locator.css("#" + id, true));
    return new ElementInfo(id, "input", "input", "textbox", label, null, null, locators);
  }

  /** A field without constraints beyond {@code required}. */
  public static FieldInfo field(
      String elementId, String name, String type, String label, boolean required) {
    return field(elementId, name, type, label, required, null, null, null, null, null);
  }

  static FieldInfo field(
      String elementId,
      String name,
      String type,
      String label,
      boolean required,
      String pattern,
      String min,
      String max,
      Integer minLength,
      Integer maxLength) {
    List<Locator> locators =
        label == null
            ? List.of(Locator.css("#" + elementId, true))
            : List.of(new Locator("label", label, null, true));
    return new FieldInfo(
        elementId, name, type, label, required, pattern, min, max, minLength, maxLength, List.of(),
        locators);
  }

  /** A shop state: its screenshot stored, the facts those of a page with one h1 and no images. */
  static StateInfoBuilder shopState(String id, String path, String title, int depth) {
    return StateInfoBuilder.state(id, BASE + path)
        .title(title)
        .depth(depth)
        .screenshotRef("shots/" + id + ".png")
        .accessibility(facts(1, true, List.of(), List.of(), 0));
  }

  static AccessibilityFacts facts(
      int h1, boolean ordered, List<String> unlabelled, List<String> noAlt, int images) {
    return new AccessibilityFacts(h1, ordered, unlabelled, noAlt, images, true);
  }
}
