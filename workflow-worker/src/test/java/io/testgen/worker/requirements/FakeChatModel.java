package io.testgen.worker.requirements;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** A langchain4j model without a network: answers with a fixed reply or failure, keeps prompts. */
public final class FakeChatModel implements ChatModel {
  private final Supplier<String> reply;
  private final List<String> prompts = new ArrayList<>();

  private FakeChatModel(Supplier<String> reply) {
    this.reply = reply;
  }

  public static FakeChatModel answering(String text) {
    return new FakeChatModel(() -> text);
  }

  public static FakeChatModel failingWith(RuntimeException error) {
    return new FakeChatModel(
        () -> {
          throw error;
        });
  }

  public static FakeChatModel sleeping(long millis) {
    return new FakeChatModel(
        () -> {
          try {
            Thread.sleep(millis);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return "{}";
        });
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    for (ChatMessage message : request.messages()) {
      if (message instanceof UserMessage user) {
        prompts.add(user.singleText());
      } else if (message instanceof SystemMessage system) {
        prompts.add(system.text());
      }
    }
    String text = reply.get();
    return ChatResponse.builder()
        .aiMessage(AiMessage.from(text))
        .tokenUsage(new TokenUsage(1200, 300, 1500))
        .build();
  }

  public List<String> prompts() {
    return List.copyOf(prompts);
  }
}
