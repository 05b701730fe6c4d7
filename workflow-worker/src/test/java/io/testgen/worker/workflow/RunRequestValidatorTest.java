package io.testgen.worker.workflow;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.failure.ApplicationFailure;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.requirements.RequirementsResult;
import io.testgen.common.workflow.FailureTypes;
import io.testgen.common.workflow.GenerationRequest;
import io.testgen.common.workflow.PipelineInputs;
import io.testgen.worker.StateInfoBuilder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Inline stage inputs are checked like a new run's URL: origin, spelling, sizes. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RunRequestValidatorTest {
  static final String URL = "http://127.0.0.1:8123/";

  @Test
  void inlineStatesOnTheRunsOriginPass() {
    assertThatCode(
            () ->
                RunRequestValidator.validate(
                    evolutionOnly(
                        URL,
                        observation(
                            "http://127.0.0.1:8123/",
                            state("http://127.0.0.1:8123/notes?q=1#/active"),
                            state("HTTP://127.0.0.1:8123/")))))
        .doesNotThrowAnyException();
  }

  @Test
  void inlineStatesThatLeadElsewhereAreRefused() {
    assertRefused(
        observation(URL, state("http://127.0.0.1:8123//2130706433:8124/x")),
        FailureTypes.INVALID_TARGET,
        "observation.states[0].url is not a URL a browser reads the same way: "
            + "http://127.0.0.1:8123//2130706433:8124/x");
    assertRefused(
        observation(URL, state("http://127.0.0.1:8123/"), state("http://169.254.169.254/latest/")),
        FailureTypes.INVALID_TARGET,
        "observation.states[1].url is not on the run's origin http://127.0.0.1:8123: "
            + "http://169.254.169.254/latest/");
    assertRefused(
        observation(URL, state("http://127.0.0.1:8124/")),
        FailureTypes.INVALID_TARGET,
        "observation.states[0].url is not on the run's origin http://127.0.0.1:8123: "
            + "http://127.0.0.1:8124/");
    assertRefused(
        observation(URL, state("http://user@127.0.0.1:8123/")),
        FailureTypes.INVALID_TARGET,
        "observation.states[0].url is not a URL a browser reads the same way: "
            + "http://user@127.0.0.1:8123/");
    assertRefused(
        observation(URL, state("http://127.0.0.1:8123/\\169.254.169.254/")),
        FailureTypes.INVALID_TARGET,
        "observation.states[0].url is not a URL a browser reads the same way: "
            + "http://127.0.0.1:8123/\\169.254.169.254/");
    assertRefused(
        observation("http://10.0.0.1/", state("http://127.0.0.1:8123/")),
        FailureTypes.INVALID_TARGET,
        "observation.target_url is not on the run's origin http://127.0.0.1:8123: "
            + "http://10.0.0.1/");
  }

  @Test
  void oversizedInlineInputsAreRefused() {
    List<StateInfo> many =
        new ArrayList<>(Collections.nCopies(StageInputsValidator.MAX_STATES + 1, state(URL + "x")));
    assertRefused(
        new ObservationResult(URL, "s", many, List.of(), List.of(), List.of(), null, false, null),
        FailureTypes.INVALID_REQUEST,
        "observation.states has 2001 entries, at most 2000 are accepted");
    GenerationRequest request =
        withInputs(
            URL,
            new PipelineInputs(
                List.of("analysis", "evolution"),
                observation(URL, state(URL)),
                new RequirementsResult(
                    Collections.nCopies(StageInputsValidator.MAX_SCENARIOS + 1, null), null, null),
                null));
    assertThatThrownBy(() -> RunRequestValidator.validate(request))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f ->
                org.assertj.core.api.Assertions.assertThat(f.getOriginalMessage())
                    .isEqualTo(
                        "requirements.scenarios has 2001 entries, at most 2000 are accepted"));
  }

  private static void assertRefused(ObservationResult observation, String type, String message) {
    assertThatThrownBy(() -> RunRequestValidator.validate(evolutionOnly(URL, observation)))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              org.assertj.core.api.Assertions.assertThat(f.getType()).isEqualTo(type);
              org.assertj.core.api.Assertions.assertThat(f.isNonRetryable()).isTrue();
              org.assertj.core.api.Assertions.assertThat(f.getOriginalMessage()).isEqualTo(message);
            });
  }

  private static GenerationRequest evolutionOnly(String url, ObservationResult observation) {
    return withInputs(
        url,
        new PipelineInputs(
            List.of("requirements", "analysis", "evolution"), observation, null, null));
  }

  private static GenerationRequest withInputs(String url, PipelineInputs inputs) {
    return GenerationRequest.of(url).with(r -> r.inputs = inputs);
  }

  private static ObservationResult observation(String target, StateInfo... states) {
    return new ObservationResult(
        target, "s0", List.of(states), List.of(), List.of(), List.of(), null, false, null);
  }

  private static StateInfo state(String url) {
    return StateInfoBuilder.state("s", url)
        .fingerprint("fp")
        .title("t")
        .instanceUrls(List.of(url))
        .build();
  }
}
