package io.testgen.worker.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.testgen.common.workflow.Agent;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LlmSettingsTest {
  @Test
  void offByDefault() {
    LlmSettings settings = LlmSettings.fromEnvironment(Map.of(), Agent.REQUIREMENTS);
    assertThat(settings.enabled()).isFalse();
    assertThat(ChatModelFactory.create(settings)).isEmpty();
    assertThat(StructuredChatClient.fromSettings(settings)).isNull();
  }

  @Test
  void perAgentVariablesOverrideSharedOnes() {
    Map<String, String> env =
        Map.of(
            "TESTGEN_LLM_PROVIDER", "openai",
            "TESTGEN_LLM_BASE_URL", "http://localhost:11434/v1",
            "TESTGEN_LLM_MODEL", "llama3.1",
            "TESTGEN_LLM_ANALYSIS_MODEL", "qwen2.5",
            "TESTGEN_LLM_TIMEOUT_SECONDS", "12",
            "TESTGEN_LLM_TEMPERATURE", "0.5");
    LlmSettings requirements = LlmSettings.fromEnvironment(env, Agent.REQUIREMENTS);
    LlmSettings analysis = LlmSettings.fromEnvironment(env, Agent.ANALYSIS);
    assertThat(requirements)
        .isEqualTo(
            new LlmSettings(
                LlmProvider.OPENAI,
                "http://localhost:11434/v1",
                null,
                "llama3.1",
                Duration.ofSeconds(12),
                0.5));
    assertThat(analysis.modelName()).isEqualTo("qwen2.5");
    assertThat(ChatModelFactory.create(requirements)).get().isInstanceOf(OpenAiChatModel.class);
  }

  @Test
  void anthropicNeedsAKeyWhichIsNeverPrinted() {
    assertThatThrownBy(
            () ->
                LlmSettings.fromEnvironment(
                    Map.of("TESTGEN_LLM_PROVIDER", "anthropic"), Agent.ANALYSIS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("TESTGEN_LLM_API_KEY is required for anthropic");
    LlmSettings settings =
        LlmSettings.fromEnvironment(
            Map.of("TESTGEN_LLM_PROVIDER", "Anthropic", "TESTGEN_LLM_API_KEY", "sk-secret"),
            Agent.ANALYSIS);
    assertThat(settings.toString()).doesNotContain("sk-secret").contains("apiKey=***");
    assertThat(settings.modelName()).isEqualTo(LlmSettings.DEFAULT_ANTHROPIC_MODEL);
    assertThat(ChatModelFactory.create(settings)).get().isInstanceOf(AnthropicChatModel.class);
  }

  @Test
  void rejectsUnusableValues() {
    assertThatThrownBy(
            () ->
                LlmSettings.fromEnvironment(
                    Map.of("TESTGEN_LLM_PROVIDER", "gemini"), Agent.ANALYSIS))
        .hasMessageContaining("unknown LLM provider 'gemini'");
    assertThatThrownBy(
            () ->
                LlmSettings.fromEnvironment(
                    Map.of(
                        "TESTGEN_LLM_PROVIDER",
                        "openai",
                        "TESTGEN_LLM_API_KEY",
                        "k",
                        "TESTGEN_LLM_TIMEOUT_SECONDS",
                        "soon"),
                    Agent.ANALYSIS))
        .hasMessage("TESTGEN_LLM_TIMEOUT_SECONDS is not a number: soon");
  }
}
