package io.testgen.worker.observation;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.common.agents.observation.Heading;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Which forms exploration may submit: the signed-in account's own forms never, whatever the run
 * allows; other account forms only with {@code allow_destructive}; a delete on a record's page
 * never.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FormPolicyTest {
  private static final String SIGNED_IN = "admin";

  private static PageSnapshot.RawField field(String name, String type, String value, String ac) {
    return new PageSnapshot.RawField(
        name, type, name, true, null, null, null, null, null, List.of(), 0, true, "", value, ac);
  }

  private static PageSnapshot.RawForm form(String action, PageSnapshot.RawField... fields) {
    return new PageSnapshot.RawForm(0, action, "post", "", "", false, "", List.of(fields), 0, true);
  }

  private static PageSnapshot page(
      String url, String submitWords, List<String> headings, PageSnapshot.RawForm form) {
    PageSnapshot.RawElement submit =
        new PageSnapshot.RawElement(
            0,
            "button",
            "input",
            "submit",
            "button",
            submitWords,
            "",
            null,
            "",
            "",
            "",
            "#s",
            0,
            true,
            false,
            Map.of(),
            null);
    return new PageSnapshot(
        url,
        "",
        "",
        10,
        List.of(submit),
        List.of(form),
        headings.stream().map(h -> new Heading(1, h)).toList(),
        null,
        List.of(),
        false,
        List.of());
  }

  private static String purpose(PageSnapshot snap) {
    return FormPolicy.purpose(snap, snap.forms().get(0), snap.url(), SIGNED_IN);
  }

  @Test
  void aFormAskingForTheCurrentPasswordIsTheSignedInAccountsWhateverItIsCalled() {
    PageSnapshot django =
        page(
            "http://h/admin/password_change/",
            "Change my password",
            List.of("Password change"),
            form(
                "",
                field("old_password", "password", "", "current-password"),
                field("new_password1", "password", "", "new-password")));
    PageSnapshot settings =
        page(
            "http://h/settings/security",
            "Update",
            List.of("Security"),
            form(
                "",
                field("pw", "password", "", "current-password"),
                field("pw_next", "password", "", "new-password")));
    assertThat(purpose(django)).isEqualTo(FormPolicy.OWN_ACCOUNT);
    assertThat(purpose(settings)).isEqualTo(FormPolicy.OWN_ACCOUNT);
  }

  @Test
  void aRecordHoldingTheSignedInUsersNameIsTheirsAnotherUsersIsAnAccountForm() {
    PageSnapshot own =
        page(
            "http://h/admin/auth/user/1/change/",
            "Save",
            List.of("Change user", "admin"),
            form("", field("username", "text", "admin", ""), field("email", "email", "", "")));
    PageSnapshot other =
        page(
            "http://h/admin/auth/user/2/change/",
            "Save",
            List.of("Change user", "editor"),
            form("", field("username", "text", "editor", ""), field("email", "email", "", "")));
    assertThat(purpose(own)).isEqualTo(FormPolicy.OWN_ACCOUNT);
    assertThat(purpose(other)).isEqualTo(FormPolicy.ACCOUNT);
  }

  @Test
  void aCommentFormWhoseAuthorNameIsPrefilledWithTheUserIsNoAccountForm() {
    PageSnapshot comment =
        page(
            "http://h/posts/3/comments/new",
            "Post comment",
            List.of("New comment"),
            form("", field("author", "text", "admin", ""), field("body", "textarea", "", "")));
    assertThat(purpose(comment)).isNotEqualTo(FormPolicy.OWN_ACCOUNT);
  }

  @Test
  void anAccountFormWhosePageHeadingNamesTheSignedInUserIsTheirsAPartOfAWordIsNot() {
    PageSnapshot own =
        page(
            "http://h/admin/auth/user/1/password/",
            "Change password",
            List.of("Django administration", "Change password: admin"),
            form(
                "",
                field("password1", "password", "", "new-password"),
                field("password2", "password", "", "new-password")));
    PageSnapshot other =
        page(
            "http://h/admin/auth/user/2/password/",
            "Change password",
            List.of("Django administration", "Change password: editor"),
            form(
                "",
                field("password1", "password", "", "new-password"),
                field("password2", "password", "", "new-password")));
    assertThat(purpose(own)).isEqualTo(FormPolicy.OWN_ACCOUNT);
    assertThat(purpose(other)).isEqualTo(FormPolicy.ACCOUNT);
    // without credentials nothing is the run's own account
    assertThat(FormPolicy.purpose(own, own.forms().get(0), own.url(), null))
        .isEqualTo(FormPolicy.ACCOUNT);
  }

  @Test
  void deletingMyAccountIsTheSignedInAccountsOnlyWhenTheRunSignsIn() {
    PageSnapshot start =
        page("http://h/", "Delete my account", List.of("Welcome"), form("/delete"));
    assertThat(purpose(start)).isEqualTo(FormPolicy.OWN_ACCOUNT);
    assertThat(FormPolicy.purpose(start, start.forms().get(0), start.url(), null))
        .isEqualTo(FormPolicy.DELETE);
  }

  @Test
  void theOwnAccountAndARecordsDeleteAreRefusedEvenWhenDestructiveActionsAreAllowed() {
    FormPolicy allowing = new FormPolicy(true, true);
    assertThat(allowing.refuse(FormPolicy.OWN_ACCOUNT, "post", "http://h/admin/password_change/"))
        .isEqualTo(
            new FormPolicy.Refusal(
                "skipped_own_account", "it would change the account this run signs in with"));
    assertThat(allowing.refuse(FormPolicy.DELETE, "post", "http://h/admin/library/book/3/delete/"))
        .isEqualTo(
            new FormPolicy.Refusal(
                "skipped_destructive", "it deletes a record the app had; tests delete their own"));
    assertThat(allowing.refuse(FormPolicy.DELETE, "post", "http://h/")).isNull();
    assertThat(allowing.refuse(FormPolicy.ACCOUNT, "post", "http://h/admin/auth/user/2/change/"))
        .isNull();
    FormPolicy defaults = new FormPolicy(false, true);
    assertThat(defaults.refuse(FormPolicy.ACCOUNT, "post", "http://h/admin/auth/user/add/"))
        .isEqualTo(new FormPolicy.Refusal("skipped_destructive", ""));
    assertThat(defaults.refuse(FormPolicy.OWN_ACCOUNT, "post", "http://h/x").findingKind())
        .isEqualTo("skipped_own_account");
  }
}
