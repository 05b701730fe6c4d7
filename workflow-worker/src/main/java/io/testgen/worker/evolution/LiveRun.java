package io.testgen.worker.evolution;

import io.testgen.common.agents.evolution.TestStep;
import io.testgen.common.agents.observation.FieldInfo;
import io.testgen.common.agents.observation.FormInfo;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A form scenario to perform live before asserting: the actions (sign in, open, replay the path,
 * fill {@code data}, submit) are rebuilt from the data, so rejected values can be adjusted.
 *
 * @param expect what the scenario claims the app does
 * @param field the field the scenario is about (required, invalid, probed), null for happy paths
 * @param formPath the path of the form's page, where a rejection stays
 */
record LiveRun(
    Expect expect,
    FormInfo form,
    FieldInfo field,
    Map<String, String> data,
    String formPath,
    Function<Map<String, String>, List<TestStep>> steps) {

  /** The outcome a scenario claims. */
  enum Expect {
    /** The app accepts the values and shows a result (happy path, search). */
    ACCEPT,
    /** The app rejects the submission: it stays on the form and says why. */
    REJECT,
    /** A script typed into the field does not run. */
    SCRIPT_NOT_RUN,
    /** Overlong input is answered without a server error. */
    NO_SERVER_ERROR
  }

  /** The actions with these values. */
  List<TestStep> actions(Map<String, String> values) {
    return steps.apply(values);
  }
}
