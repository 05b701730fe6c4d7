package io.testgen.worker.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.common.agents.observation.ObservationIndex;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.requirements.Evidence;
import io.testgen.common.agents.requirements.Scenario;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FormRuleTest {
  private static List<Scenario> derive(ObservationResult observation, boolean credentials) {
    return new FormRule()
        .derive(RuleInput.of(new ObservationIndex(observation), null, credentials));
  }

  @Test
  void aSearchFormOnTwoPagesIsOneFormWithTwoEntryPoints() {
    List<Scenario> scenarios = derive(ClinicObservation.observation(), false);
    assertThat(scenarios)
        .extracting(Scenario::scenarioId)
        .containsExactly(
            "REQ-SEARCH-f-home-search-HIT",
            "REQ-SEARCH-f-home-search-NO-HIT",
            "REQ-FORM-f-new-owner-HAPPY",
            "REQ-FORM-f-new-owner-REQUIRED-firstName",
            "REQ-FORM-f-new-owner-REQUIRED-lastName",
            "REQ-FORM-f-new-owner-REQUIRED-address",
            "REQ-FORM-f-new-owner-REQUIRED-city",
            "REQ-FORM-f-new-owner-REQUIRED-telephone",
            "REQ-FORM-f-new-owner-INVALID-telephone",
            "REQ-FORM-f-delete-owner-HAPPY");
    Scenario hit = scenarios.get(0);
    assertThat(hit.evidence())
        .isEqualTo(
            new Evidence(
                List.of("s-home", "s-owners"),
                List.of("f-home-search", "f-list-search"),
                List.of("el-home-lastname", "el-home-find")));
    assertThat(hit.given()).containsExactly("the user is on the 'Welcome' page");
    assertThat(hit.testData()).containsExactly(Map.entry("lastName", "Davis"));
    assertThat(hit.then())
        .containsExactly("at least one result is listed", "'Betty Davis' is listed");
  }

  @Test
  void aFormMakesARecordUnlessItsPageNamesOneToEdit() {
    assertThat(
            List.of(
                "/owners/new",
                "/users/new",
                "/admin/library/book/add/",
                "/customers/7/orders/new",
                "/posts/3/comments",
                "/",
                "/contact",
                "/#/items/new"))
        .allMatch(FormRule::makesRecord);
    assertThat(
            List.of(
                "/books/3/edit",
                "/admin/library/book/3/change/",
                "/items/3",
                "/posts/hello-world/edit",
                "/projects/5/settings",
                "/projects/5/settings/general",
                "/account/edit",
                "/profile",
                "/users/3/profile",
                "/#/items/3/edit"))
        .noneMatch(FormRule::makesRecord);
  }

  @Test
  void aCreateFormsHappyPathNamesItsRecordUniquelyInItsFirstTextField() {
    Scenario happy =
        derive(ClinicObservation.observation(), false).stream()
            .filter(s -> s.scenarioId().equals("REQ-FORM-f-new-owner-HAPPY"))
            .findFirst()
            .orElseThrow();
    assertThat(happy.testData().get("firstName")).endsWith(" " + FieldTestData.UNIQUE);
    assertThat(happy.testData().entrySet())
        .filteredOn(e -> e.getValue().contains(FieldTestData.UNIQUE))
        .extracting(Map.Entry::getKey)
        .containsExactly("firstName");
    assertThat(happy.tags()).contains("creates_data");
  }

  @Test
  void aLogoutFormIsASignOutScenarioInsteadOfAHappyPath() {
    String form =
        """
        {"form_id":"f-logout","state_id":"s-account","action":"/logout","method":"post",
         "purpose":"logout","fields":[],"submissions":[],
         "submit":{"element_id":"el-logout","kind":"button","tag":"button","role":"button",
           "name":"Log out","text":"Log out",
           "locators":[{"strategy":"role","value":"button","name":"Log out","unique":true}]}}
        """;
    List<Scenario> scenarios =
        derive(
            ShopObservation.edited(
                tree -> {
                  try {
                    tree.withArray("forms")
                        .add(io.testgen.common.json.JsonMapperFactory.shared().readTree(form));
                  } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new AssertionError(e);
                  }
                }),
            false);
    assertThat(scenarios)
        .extracting(Scenario::scenarioId)
        .contains("REQ-LOGOUT-f-logout")
        .doesNotContain("REQ-FORM-f-logout-HAPPY");
    Scenario logout =
        scenarios.stream()
            .filter(s -> s.scenarioId().equals("REQ-LOGOUT-f-logout"))
            .findFirst()
            .orElseThrow();
    assertThat(logout.title()).isEqualTo("Signing out with 'Log out' ends the session");
    assertThat(logout.when()).containsExactly("the user activates 'Log out'");
    assertThat(logout.then()).containsExactly("the app shows that the user is signed out");
    assertThat(logout.priority()).isEqualTo("high");
    assertThat(logout.evidence().formIds()).containsExactly("f-logout");
  }

  /** The shop with an admin's pages: {@code path} to form JSON (its state made from the first). */
  private static List<Scenario> withAdminForms(
      Map<String, String> formsByPath, String refusedPath) {
    return derive(
        ShopObservation.edited(
            tree -> {
              com.fasterxml.jackson.databind.ObjectMapper json =
                  io.testgen.common.json.JsonMapperFactory.shared();
              int n = 0;
              for (Map.Entry<String, String> e : formsByPath.entrySet()) {
                String stateId = "s-admin-" + (++n);
                com.fasterxml.jackson.databind.node.ObjectNode state =
                    tree.withArray("states").get(0).deepCopy();
                state.put("state_id", stateId);
                state.put("url", ShopObservation.BASE + e.getKey());
                state.put("title", e.getKey().contains("add") ? "Add user | Site admin" : "Page");
                state.putArray("instance_urls").add(ShopObservation.BASE + e.getKey());
                state.putArray("form_ids").add("f-admin-" + n);
                tree.withArray("states").add(state);
                try {
                  com.fasterxml.jackson.databind.node.ObjectNode form =
                      (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(e.getValue());
                  form.put("form_id", "f-admin-" + n);
                  form.put("state_id", stateId);
                  tree.withArray("forms").add(form);
                } catch (com.fasterxml.jackson.core.JsonProcessingException x) {
                  throw new AssertionError(x);
                }
              }
              if (refusedPath != null)
                tree.withArray("findings")
                    .addObject()
                    .put("kind", "skipped_destructive")
                    .put("url", ShopObservation.BASE + refusedPath)
                    .put("detail", "submit 'Save'");
            }),
        true);
  }

  private static String adminForm(String purpose, String fields) {
    return """
        {"action":"","method":"post","purpose":"%s","fields":[%s],"submissions":[],
         "submit":{"element_id":"el-save","kind":"button","tag":"input","role":"button",
           "name":"Save","text":"Save",
           "locators":[{"strategy":"role","value":"button","name":"Save","unique":true}]}}
        """
        .formatted(purpose, fields);
  }

  private static final String USERNAME =
      """
      {"element_id":"el-username","name":"username","type":"text","label":"Username",
       "required":true,"options":[],"locators":[]}""";
  private static final String OLD_PASSWORD =
      """
      {"element_id":"el-old","name":"old_password","type":"password","label":"Old password",
       "required":true,"options":[],"locators":[]}""";

  @Test
  void accountFormsAreTestedByPageAndTheSignedInAccountsOwnOnlyPlannedLow() {
    Map<String, String> forms = new java.util.LinkedHashMap<>();
    forms.put("/admin/auth/user/add/", adminForm("account", USERNAME));
    forms.put("/admin/password_change/", adminForm("own_account", OLD_PASSWORD));
    forms.put("/admin/auth/user/2/delete/", adminForm("delete", ""));
    List<Scenario> scenarios = withAdminForms(forms, null);
    assertThat(scenarios)
        .extracting(Scenario::scenarioId)
        .filteredOn(id -> id.contains("f-admin-"))
        .containsExactly(
            "REQ-FORM-f-admin-1-HAPPY",
            "REQ-FORM-f-admin-1-REQUIRED-username",
            "REQ-FORM-f-admin-2-HAPPY");
    Scenario add =
        scenarios.stream()
            .filter(s -> s.scenarioId().equals("REQ-FORM-f-admin-1-HAPPY"))
            .findFirst()
            .orElseThrow();
    assertThat(add.title()).isEqualTo("Account form on 'Add user' accepts valid input");
    assertThat(add.priority()).isEqualTo("high");
    assertThat(add.tags()).containsExactly("form", "account", "creates_data", "own_record");
    assertThat(add.testData()).containsEntry("username", "user" + FieldTestData.UNIQUE);
    Scenario own =
        scenarios.stream()
            .filter(s -> s.scenarioId().equals("REQ-FORM-f-admin-2-HAPPY"))
            .findFirst()
            .orElseThrow();
    assertThat(own.title()).isEqualTo("Own account form on 'Page' accepts valid input");
    assertThat(own.priority()).isEqualTo("low");
  }

  @Test
  void anAccountFormExplorationRefusedIsPlannedMediumNotHigh() {
    List<Scenario> scenarios =
        withAdminForms(
            Map.of("/admin/auth/user/add/", adminForm("account", USERNAME)),
            "/admin/auth/user/add/");
    assertThat(scenarios)
        .filteredOn(s -> s.scenarioId().equals("REQ-FORM-f-admin-1-HAPPY"))
        .extracting(Scenario::priority)
        .containsExactly("medium");
  }

  @Test
  void aCreateFormsHappyPathExpectsTheNewRecordAndCreatesData() {
    Scenario happy = derive(ClinicObservation.observation(), false).get(2);
    assertThat(happy.priority()).isEqualTo("high");
    assertThat(happy.tags()).containsExactly("form", "create", "creates_data", "own_record");
    assertThat(happy.then())
        .containsExactly(
            "the 'Owner information' page is shown",
            "'New owner created' appears",
            "no validation message is shown");
  }

  @Test
  void loginScenariosOnlyWithCredentialsAndObservedMessagesQuoted() {
    List<Scenario> with = derive(ShopObservation.observation(), true);
    List<Scenario> without = derive(ShopObservation.observation(), false);
    assertThat(with).hasSize(14);
    assertThat(without).hasSize(12);
    assertThat(with)
        .extracting(Scenario::scenarioId)
        .contains("REQ-LOGIN-f-login-SUCCESS", "REQ-LOGIN-f-login-FAILURE");
    assertThat(without)
        .extracting(Scenario::scenarioId)
        .doesNotContain("REQ-LOGIN-f-login-SUCCESS", "REQ-LOGIN-f-login-FAILURE");
    Scenario failure =
        with.stream()
            .filter(s -> s.scenarioId().equals("REQ-LOGIN-f-login-FAILURE"))
            .findFirst()
            .orElseThrow();
    assertThat(failure.then())
        .containsExactly(
            "an error message is shown",
            "the user stays on the 'Log in' page",
            "the user is not signed in");
  }
}
