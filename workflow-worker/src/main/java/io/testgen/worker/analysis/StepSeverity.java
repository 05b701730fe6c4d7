package io.testgen.worker.analysis;

import static io.testgen.common.agents.observation.ObservationIndex.orEmpty;

import io.testgen.common.agents.observation.StateInfo;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Severity of a state reached through actions in the page, read from the last action of its replay
 * path (the one the state shows the outcome of; earlier actions only set it up), in the words the
 * crawler names its steps with. In a single-page app these actions are the features: there is no
 * form or request to read them from.
 *
 * <pre>
 *   4  typed input submitted with Enter ("press Enter in 'What needs to be done?'"): the app took
 *      data, as a form that creates would
 *   4  a double-click: editing in place, as a form that changes a record would
 *   4  a revealed or named destructive control ("hover the item, click 'Delete'", "hover the
 *      item, click the revealed button")
 *   3  switching an item ("click the checkbox"): one record's state changes
 * </pre>
 */
final class StepSeverity {
  private static final Pattern TYPED_INPUT = Pattern.compile("^press Enter in '.*'$");
  private static final Pattern EDIT_IN_PLACE = Pattern.compile("^double-click\\b.*");

  /** A control an item shows only under the pointer: remove or edit, in list UIs. */
  private static final Pattern REVEALED = Pattern.compile("^hover the item, click .*");

  private static final Pattern SWITCH = Pattern.compile("^click the (checkbox|radio)$");

  private StepSeverity() {}

  /** The severity with this state's last action counted; its reason added to {@code why}. */
  static int of(StateInfo state, int current, List<String> why) {
    List<String> path = orEmpty(state.path());
    if (path.isEmpty()) {
      return current;
    }
    return ofStep(path.get(path.size() - 1), current, why, "the state's last action");
  }

  /**
   * The severity with an action scenario's own action counted (its source state's path only sets it
   * up); its reason added to {@code why}.
   */
  static int ofAction(String action, int current, List<String> why) {
    return ofStep(action, current, why, "the scenario's action");
  }

  private static int ofStep(String step, int current, List<String> why, String whose) {
    if (step == null) {
      return current;
    }
    if (TYPED_INPUT.matcher(step).matches()) {
      return note(current, 4, "typed input submitted in the page ('" + step + "')", why, whose);
    }
    if (EDIT_IN_PLACE.matcher(step).matches()) {
      return note(current, 4, "editing in place ('" + step + "')", why, whose);
    }
    if (SeverityRules.destructive(step) || REVEALED.matcher(step).matches()) {
      return note(current, 4, "a destructive or revealed control ('" + step + "')", why, whose);
    }
    if (SWITCH.matcher(step).matches()) {
      return note(current, 3, "switching an item's state ('" + step + "')", why, whose);
    }
    return current;
  }

  private static int note(int current, int level, String words, List<String> why, String whose) {
    String line = level + ": " + words + ", " + whose;
    if (!why.contains(line)) {
      why.add(line);
    }
    return Math.max(current, level);
  }
}
