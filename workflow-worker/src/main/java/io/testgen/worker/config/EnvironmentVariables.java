package io.testgen.worker.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Typed reads of the worker's environment: a value that cannot be used fails at start-up with a
 * message naming the variable, its allowed values and what it got. Blank counts as unset.
 */
public final class EnvironmentVariables {
  private final Map<String, String> env;

  public EnvironmentVariables(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /** The trimmed value, or {@code fallback} when unset. */
  public String string(String name, String fallback) {
    String value = env.get(name);
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  /** An integer in {@code min..max}, or {@code fallback} when unset. */
  public int integer(String name, int fallback, int min, int max) {
    String value = string(name, null);
    if (value == null) return fallback;
    try {
      int n = Integer.parseInt(value);
      if (n >= min && n <= max) return n;
    } catch (NumberFormatException e) {
      // reported below with the variable's name
    }
    throw invalid(name, "an integer between " + min + " and " + max, value);
  }

  /** A whole number of seconds in {@code min..max}, or {@code fallback} when unset. */
  public Duration seconds(String name, Duration fallback, int min, int max) {
    return Duration.ofSeconds(integer(name, (int) fallback.toSeconds(), min, max));
  }

  /** {@code true} or {@code false} (any case), or {@code fallback} when unset. */
  public boolean bool(String name, boolean fallback) {
    return oneOf(name, Boolean.toString(fallback), List.of("true", "false")).equals("true");
  }

  /** One of {@code allowed} (compared in lower case), or {@code fallback} when unset. */
  public String oneOf(String name, String fallback, List<String> allowed) {
    String value = string(name, null);
    if (value == null) return fallback;
    String lower = value.toLowerCase(Locale.ROOT);
    if (allowed.contains(lower)) return lower;
    throw invalid(name, "one of " + String.join(", ", allowed), value);
  }

  /** A comma-separated list whose items are all in {@code allowed}. */
  public List<String> listOf(String name, List<String> fallback, List<String> allowed) {
    String value = string(name, null);
    if (value == null) return fallback;
    List<String> items = List.of(value.toLowerCase(Locale.ROOT).split("\\s*,\\s*"));
    if (!items.isEmpty() && allowed.containsAll(items)) return items;
    throw invalid(name, "a comma-separated list of " + String.join(", ", allowed), value);
  }

  /** The raw map, for parsers that resolve names themselves (per-agent LLM settings, keys). */
  public Map<String, String> asMap() {
    return env;
  }

  private static ConfigurationException invalid(String name, String expected, String value) {
    return new ConfigurationException(name + " must be " + expected + ", got '" + value + "'");
  }
}
