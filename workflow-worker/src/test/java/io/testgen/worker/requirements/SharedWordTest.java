package io.testgen.worker.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.common.agents.observation.ElementInfo;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SharedWordTest {
  private static ElementInfo link(String text, String href) {
    return new ElementInfo(null, "link", "a", "link", text, text, href, List.of());
  }

  @Test
  void aSurnameTwoListedCustomersShareIsTheTermWithBothRows() {
    Optional<SharedWord> shared =
        SharedWord.amongLinks(
            List.of(
                link("Home", "http://shop.test/"),
                link("George Franklin", "http://shop.test/customers/1"),
                link("Betty Davis", "http://shop.test/customers/2"),
                link("Eduardo Rodriquez", "http://shop.test/customers/3"),
                link("Harold Davis", "http://shop.test/customers/4"),
                link("Ada Miller", "http://shop.test/customers/11")));
    assertThat(shared).contains(new SharedWord("Davis", List.of("Betty Davis", "Harold Davis")));
  }

  @Test
  void noTermWhenEveryRowRepeatsTheWordOrTheLinksAreNoRecordList() {
    // the word every row repeats finds everything: no "several, not all" term
    assertThat(
            SharedWord.amongLinks(
                List.of(
                    link("Task alpha", "/tasks/1"),
                    link("Task bravo", "/tasks/2"),
                    link("Task charlie", "/tasks/3"))))
        .isEmpty();
    // two rows are no list; navigation links carry no record id
    assertThat(
            SharedWord.amongLinks(
                List.of(link("Betty Davis", "/customers/2"), link("Harold Davis", "/customers/4"))))
        .isEmpty();
    assertThat(
            SharedWord.amongLinks(
                List.of(
                    link("About Davis", "/about"),
                    link("Davis Contact", "/contact"),
                    link("Team", "/team"))))
        .isEmpty();
  }
}
