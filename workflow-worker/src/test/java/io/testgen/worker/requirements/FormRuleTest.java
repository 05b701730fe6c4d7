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
