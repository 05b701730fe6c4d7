package io.testgen.worker.llm;

import java.util.Locale;

/** Which kind of endpoint an agent's LLM talks to. */
public enum LlmProvider {
  /** No LLM: the deterministic result is the result. The default. */
  NONE,
  /** Any OpenAI-compatible endpoint: OpenAI, vLLM, LM Studio, Ollama's {@code /v1}. */
  OPENAI,
  ANTHROPIC;

  /** Parses a configuration value; blank means {@link #NONE}. */
  public static LlmProvider fromConfig(String value) {
    if (value == null || value.isBlank()) {
      return NONE;
    }
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown LLM provider '" + value + "' (expected openai, anthropic or none)", e);
    }
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
