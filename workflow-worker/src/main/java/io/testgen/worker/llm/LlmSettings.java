package io.testgen.worker.llm;

import io.testgen.common.workflow.Agent;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * How one agent reaches its LLM. Read from environment variables: {@code TESTGEN_LLM_PROVIDER},
 * {@code TESTGEN_LLM_BASE_URL}, {@code TESTGEN_LLM_API_KEY}, {@code TESTGEN_LLM_MODEL}, {@code
 * TESTGEN_LLM_TIMEOUT_SECONDS}, {@code TESTGEN_LLM_TEMPERATURE}; each may be overridden per agent
 * by inserting the agent's name, e.g. {@code TESTGEN_LLM_REQUIREMENTS_MODEL}. Off by default.
 *
 * @param baseUrl null for the provider's public endpoint
 * @param apiKey never printed; may be blank for local OpenAI-compatible servers
 */
public record LlmSettings(
    LlmProvider provider,
    String baseUrl,
    String apiKey,
    String modelName,
    Duration timeout,
    double temperature) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  public static final double DEFAULT_TEMPERATURE = 0.2;
  static final String DEFAULT_OPENAI_MODEL = "gpt-4o-mini";
  static final String DEFAULT_ANTHROPIC_MODEL = "claude-3-5-haiku-latest";

  public static LlmSettings disabled() {
    return new LlmSettings(
        LlmProvider.NONE, null, null, null, DEFAULT_TIMEOUT, DEFAULT_TEMPERATURE);
  }

  /**
   * The settings of {@code agent} from {@code env}. Throws {@link IllegalArgumentException} for a
   * value that cannot be used, so a misconfigured worker fails at start-up, not mid-run.
   */
  public static LlmSettings fromEnvironment(Map<String, String> env, Agent agent) {
    String agentName = agent.name().toUpperCase(Locale.ROOT);
    LlmProvider provider = LlmProvider.fromConfig(read(env, agentName, "PROVIDER"));
    if (provider == LlmProvider.NONE) {
      return disabled();
    }
    String baseUrl = read(env, agentName, "BASE_URL");
    String apiKey = read(env, agentName, "API_KEY");
    String model = read(env, agentName, "MODEL");
    if (model == null) {
      model = provider == LlmProvider.ANTHROPIC ? DEFAULT_ANTHROPIC_MODEL : DEFAULT_OPENAI_MODEL;
    }
    if (provider == LlmProvider.ANTHROPIC && apiKey == null) {
      throw new IllegalArgumentException("TESTGEN_LLM_API_KEY is required for anthropic");
    }
    if (provider == LlmProvider.OPENAI && apiKey == null && baseUrl == null) {
      throw new IllegalArgumentException(
          "TESTGEN_LLM_API_KEY is required for the public OpenAI endpoint");
    }
    Duration timeout = DEFAULT_TIMEOUT;
    String timeoutValue = read(env, agentName, "TIMEOUT_SECONDS");
    if (timeoutValue != null) {
      long seconds = parse(timeoutValue, "TIMEOUT_SECONDS", Long::parseLong);
      if (seconds < 1 || seconds > 600) {
        throw new IllegalArgumentException("TESTGEN_LLM_TIMEOUT_SECONDS must be 1..600");
      }
      timeout = Duration.ofSeconds(seconds);
    }
    double temperature = DEFAULT_TEMPERATURE;
    String temperatureValue = read(env, agentName, "TEMPERATURE");
    if (temperatureValue != null) {
      temperature = parse(temperatureValue, "TEMPERATURE", Double::parseDouble);
      if (temperature < 0 || temperature > 2) {
        throw new IllegalArgumentException("TESTGEN_LLM_TEMPERATURE must be 0..2");
      }
    }
    return new LlmSettings(provider, baseUrl, apiKey, model, timeout, temperature);
  }

  public boolean enabled() {
    return provider != LlmProvider.NONE;
  }

  @Override
  public String toString() {
    return "LlmSettings[provider="
        + provider.wireName()
        + ", baseUrl="
        + baseUrl
        + ", apiKey="
        + (apiKey == null ? "none" : "***")
        + ", modelName="
        + modelName
        + ", timeout="
        + timeout
        + ", temperature="
        + temperature
        + "]";
  }

  /** The per-agent variable if set, else the shared one; blank counts as unset. */
  private static String read(Map<String, String> env, String agentName, String suffix) {
    String specific = env.get("TESTGEN_LLM_" + agentName + "_" + suffix);
    if (specific != null && !specific.isBlank()) {
      return specific.trim();
    }
    String shared = env.get("TESTGEN_LLM_" + suffix);
    return shared == null || shared.isBlank() ? null : shared.trim();
  }

  private static <T> T parse(
      String value, String suffix, java.util.function.Function<String, T> parser) {
    try {
      return parser.apply(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("TESTGEN_LLM_" + suffix + " is not a number: " + value, e);
    }
  }
}
