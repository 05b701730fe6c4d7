package io.testgen.worker.llm;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.util.Optional;

/** Builds the langchain4j {@link ChatModel} that {@link LlmSettings} describe. */
public final class ChatModelFactory {
  /** Local OpenAI-compatible servers ignore the key, but the client insists on one. */
  static final String PLACEHOLDER_KEY = "not-needed";

  private ChatModelFactory() {}

  /** The model, or empty when the settings say no LLM. No network call happens here. */
  public static Optional<ChatModel> create(LlmSettings settings) {
    return switch (settings.provider()) {
      case NONE -> Optional.empty();
      case OPENAI -> Optional.of(openAi(settings));
      case ANTHROPIC -> Optional.of(anthropic(settings));
    };
  }

  private static ChatModel openAi(LlmSettings settings) {
    OpenAiChatModel.OpenAiChatModelBuilder builder =
        OpenAiChatModel.builder()
            .apiKey(settings.apiKey() == null ? PLACEHOLDER_KEY : settings.apiKey())
            .modelName(settings.modelName())
            .temperature(settings.temperature())
            .timeout(settings.timeout())
            // Retries would multiply the time budget; the caller falls back instead.
            .maxRetries(0);
    if (settings.baseUrl() != null) {
      builder.baseUrl(settings.baseUrl());
    }
    return builder.build();
  }

  private static ChatModel anthropic(LlmSettings settings) {
    AnthropicChatModel.AnthropicChatModelBuilder builder =
        AnthropicChatModel.builder()
            .apiKey(settings.apiKey())
            .modelName(settings.modelName())
            .temperature(settings.temperature())
            .timeout(settings.timeout())
            .maxRetries(0);
    if (settings.baseUrl() != null) {
      builder.baseUrl(settings.baseUrl());
    }
    return builder.build();
  }
}
