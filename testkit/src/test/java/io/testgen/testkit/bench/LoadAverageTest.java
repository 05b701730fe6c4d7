package io.testgen.testkit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LoadAverageTest {

  @Test
  void readsTheThreeAveragesOrSaysUnknown() {
    String load = LoadAverage.now();
    if (Files.isReadable(Path.of("/proc/loadavg"))) {
      assertThat(load).matches("\\d+\\.\\d+ \\d+\\.\\d+ \\d+\\.\\d+");
    } else {
      assertThat(load).isEqualTo("unknown");
    }
  }
}
