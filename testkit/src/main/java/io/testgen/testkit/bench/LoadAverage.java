package io.testgen.testkit.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's load, which every benchmark prints beside its figures (they mean little without).
 */
public final class LoadAverage {
  private LoadAverage() {}

  /** The 1, 5 and 15 minute load averages, or "unknown" where {@code /proc/loadavg} is missing. */
  public static String now() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (Exception e) {
      return "unknown";
    }
  }
}
