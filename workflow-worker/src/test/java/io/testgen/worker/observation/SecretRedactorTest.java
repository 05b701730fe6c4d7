package io.testgen.worker.observation;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.common.agents.observation.FormSubmission;
import io.testgen.common.agents.observation.Locator;
import io.testgen.common.security.LoginCredentials;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A password is masked everywhere; a user name only where the crawl typed it. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SecretRedactorTest {
  private final SecretRedactor redactor =
      new SecretRedactor(new LoginCredentials("admin", "Adm1n-pass", "/admin/login/"), null);

  @Test
  void appTextKeepsTheUserNameButNeverThePassword() {
    assertThat(redactor.redact("http://x/admin/library/book/"))
        .isEqualTo("http://x/admin/library/book/");
    assertThat(redactor.redact("Site administration")).isEqualTo("Site administration");
    assertThat(redactor.redact("echo Adm1n-pass and Adm1n%2Dpass"))
        .isEqualTo("echo *** and Adm1n%2Dpass");
    assertThat(redactor.redactTyped("admin")).isEqualTo("***");
  }

  @Test
  void typedValuesAreMaskedLocatorsAndUrlsAreNot() {
    FormSubmission typed =
        new FormSubmission(
            "valid",
            Map.of("username", "admin", "note", "Adm1n-pass"),
            "http://x/admin/",
            true,
            null,
            200,
            List.of(),
            List.of("Welcome, admin."));
    FormSubmission out = redactor.redact(typed, FormSubmission.class);
    assertThat(out.values()).containsEntry("username", "***").containsEntry("note", "***");
    assertThat(out.resultUrl()).isEqualTo("http://x/admin/");
    assertThat(out.newTexts()).containsExactly("Welcome, admin.");
    Locator css = new Locator("css", "a[href=\"/admin/\"]", null, true);
    assertThat(redactor.redact(css, Locator.class)).isEqualTo(css);
  }
}
