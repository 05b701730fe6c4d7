package io.testgen.worker.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ErrorLineTest {
  @Test
  void aPlaywrightErrorSaysWhatWentWrongNotItsOpeningBrace() {
    String playwright =
        "Error {\n"
            + "  message='Timeout 5000ms exceeded.\n"
            + "=========================== logs ===========================\n"
            + "waiting for getByLabel(\"Mark all as complete\")\n"
            + "  name='TimeoutError\n"
            + "}";
    assertThat(TestExecutor.firstLine(playwright)).isEqualTo("Timeout 5000ms exceeded.");
    assertThat(TestExecutor.firstLine("Locator expected to be visible\nCall log:"))
        .isEqualTo("Locator expected to be visible");
    assertThat(TestExecutor.firstLine(null)).isEqualTo("error");
    assertThat(TestExecutor.firstLine("x".repeat(400))).hasSize(300);
  }
}
