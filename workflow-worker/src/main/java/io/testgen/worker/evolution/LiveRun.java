package io.testgen.worker.evolution;

import io.testgen.common.agents.evolution.TestStep;
import io.testgen.common.agents.observation.FieldInfo;
import io.testgen.common.agents.observation.FormInfo;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A scenario to perform live before asserting. For a form: the actions (sign in, open, replay the
 * path, fill {@code data}, submit) are rebuilt from the data, so rejected values can be adjusted;
 * for an in-page action, its steps as they are.
 *
 * @param expect what the scenario claims the app does
 * @param field the field the scenario is about (required, invalid, probed), null for happy paths
 * @param formPath the path of the form's page, where a rejection stays; for an in-page action, the
 *     path and hash route of the page it acts on
 * @param deletion for {@link Expect#DELETED}: how the created record is opened and deleted; null
 *     otherwise
 * @param notAsserted values whose texts an in-page action's or a sign-out's test does not assert
 *     (records exploration and the planned tests make, which other tests change)
 */
record LiveRun(
    Expect expect,
    FormInfo form,
    FieldInfo field,
    Map<String, String> data,
    String formPath,
    Function<Map<String, String>, List<TestStep>> steps,
    DeleteRoundTrip deletion,
    List<String> notAsserted) {

  LiveRun {
    notAsserted = notAsserted == null ? List.of() : List.copyOf(notAsserted);
  }

  LiveRun(
      Expect expect,
      FormInfo form,
      FieldInfo field,
      Map<String, String> data,
      String formPath,
      Function<Map<String, String>, List<TestStep>> steps) {
    this(expect, form, field, data, formPath, steps, null, List.of());
  }

  /** The outcome a scenario claims. */
  enum Expect {
    /** The app accepts the values and shows a result (happy path, search). */
    ACCEPT,
    /** The app rejects the submission: it stays on the form and says why. */
    REJECT,
    /** A script typed into the field does not run. */
    SCRIPT_NOT_RUN,
    /** Overlong input is answered without a server error. */
    NO_SERVER_ERROR,
    /** An in-page action (not a form) changes what the page shows. */
    ACTION,
    /** A record the form creates, then opened and deleted, is gone. */
    DELETED,
    /**
     * A sign-out control ends the session: the test asserts where it lands, even when that is the
     * page it left (an app without a session sends the user back), and never an error page.
     */
    SIGNED_OUT,
    /**
     * A link turns a list's page: the test expects another first row than the page it left showed
     * when the test ran ({@link NextPage}).
     */
    NEXT_PAGE
  }

  /** An in-page action on the page at {@code path}: no form, no values to adjust. */
  static LiveRun action(String path, List<TestStep> steps) {
    List<TestStep> fixed = List.copyOf(steps);
    return new LiveRun(Expect.ACTION, null, null, Map.of(), path, values -> fixed);
  }

  /** The same run, as a sign-out whose landing page is asserted ({@link Expect#SIGNED_OUT}). */
  LiveRun signingOut() {
    return with(Expect.SIGNED_OUT, steps, deletion, notAsserted);
  }

  /** The same run, as a link to a list's other page ({@link Expect#NEXT_PAGE}). */
  LiveRun turningPage() {
    return with(Expect.NEXT_PAGE, steps, deletion, notAsserted);
  }

  /** The same run, not asserting texts that hold any of {@code values} (as whole words). */
  LiveRun notAsserting(List<String> values) {
    return with(expect, steps, deletion, values);
  }

  /** The same run, creating a record that {@code deletion} then deletes. */
  LiveRun deleting(DeleteRoundTrip deletion) {
    return with(Expect.DELETED, steps, deletion, notAsserted);
  }

  /** The same run, its actions rebuilt by {@code around} (signing in first). */
  LiveRun around(Function<List<TestStep>, List<TestStep>> around) {
    Function<Map<String, String>, List<TestStep>> inner = steps;
    return with(expect, values -> around.apply(inner.apply(values)), deletion, notAsserted);
  }

  /** The one copy: every other component stays. */
  private LiveRun with(
      Expect expect,
      Function<Map<String, String>, List<TestStep>> steps,
      DeleteRoundTrip deletion,
      List<String> notAsserted) {
    return new LiveRun(expect, form, field, data, formPath, steps, deletion, notAsserted);
  }

  /** The actions with these values. */
  List<TestStep> actions(Map<String, String> values) {
    return steps.apply(values);
  }
}
