package io.testgen.worker.mutation;

import static io.testgen.worker.mutation.FaultCatalog.BUTTON_DISABLED;
import static io.testgen.worker.mutation.FaultCatalog.BUTTON_REMOVED;
import static io.testgen.worker.mutation.FaultCatalog.CHANGED_TEXT;
import static io.testgen.worker.mutation.FaultCatalog.CLICK_SWALLOWED;
import static io.testgen.worker.mutation.FaultCatalog.LABEL_CHANGED;
import static io.testgen.worker.mutation.FaultCatalog.POST_500;
import static io.testgen.worker.mutation.FaultCatalog.POST_WRONG_REDIRECT;
import static io.testgen.worker.mutation.FaultCatalog.SUCCESS_MISSING;
import static io.testgen.worker.mutation.FaultCatalog.VALIDATION_MISSING;
import static io.testgen.worker.mutation.FaultCatalog.pathKey;
import static io.testgen.worker.mutation.FaultCatalog.scope;
import static io.testgen.worker.mutation.FaultCatalog.usable;

import io.testgen.common.agents.observation.FieldInfo;
import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.FormSubmission;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.observation.ValidationMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The faults of one observed form: its POST answering 500 or redirecting elsewhere, its submit
 * button disabled, removed or swallowing clicks, its validation and success messages missing, and a
 * label reading otherwise; in the order {@link FaultCatalog} takes them.
 */
final class FormFaults {
  private FormFaults() {}

  static List<Fault> forForm(FormInfo form, Map<String, StateInfo> states, List<StateInfo> all) {
    List<Fault> out = new ArrayList<>();
    StateInfo state = states.get(form.stateId());
    if (state == null) return out;
    Set<String> scope = scope(state);
    String path = pathKey(state.url());
    String id = form.formId();
    boolean post = "post".equalsIgnoreCase(form.method());
    String action = form.action() == null ? path : pathKey(form.action());
    List<FormSubmission> submissions = form.submissions() == null ? List.of() : form.submissions();
    String submit = form.submit() == null ? null : form.submit().name();
    if (post) {
      out.add(
          new Fault(
              POST_500 + ":" + id,
              POST_500,
              form.stateId(),
              "POST " + action + " answers 500",
              Fault.How.POST,
              action,
              null,
              null,
              scope));
    }
    if (usable(submit))
      out.add(
          new Fault(
              BUTTON_DISABLED + ":" + id,
              BUTTON_DISABLED,
              form.stateId(),
              "button '" + submit + "' disabled",
              Fault.How.DOM,
              path,
              submit.strip(),
              null,
              scope));
    for (FormSubmission s : submissions)
      for (ValidationMessage m :
          s.validationMessages() == null ? List.<ValidationMessage>of() : s.validationMessages())
        if ("page".equals(m.source()) && usable(m.text())) {
          out.add(
              new Fault(
                  VALIDATION_MISSING + ":" + id,
                  VALIDATION_MISSING,
                  form.stateId(),
                  "validation message '" + m.text() + "' missing",
                  Fault.How.DOM,
                  null,
                  m.text().strip(),
                  null,
                  scope));
          break;
        }
    String success = successText(submissions);
    if (success != null)
      out.add(
          new Fault(
              SUCCESS_MISSING + ":" + id,
              SUCCESS_MISSING,
              form.stateId(),
              "success message '" + success + "' missing",
              Fault.How.DOM,
              null,
              success,
              null,
              scope));
    if (post) {
      String resultPath = resultPath(submissions);
      String wrong =
          all.stream()
              .map(s -> pathKey(s.url()))
              .filter(p -> !p.contains("#") && !p.equals(resultPath) && !p.equals(action))
              .findFirst()
              .orElse(null);
      if (wrong != null)
        out.add(
            new Fault(
                POST_WRONG_REDIRECT + ":" + id,
                POST_WRONG_REDIRECT,
                form.stateId(),
                "POST " + action + " redirects to " + wrong,
                Fault.How.POST,
                action,
                null,
                wrong,
                scope));
    }
    FieldInfo labelled =
        form.fields() == null
            ? null
            : form.fields().stream().filter(f -> usable(f.label())).findFirst().orElse(null);
    if (labelled != null)
      out.add(
          new Fault(
              LABEL_CHANGED + ":" + id + ":" + labelled.name(),
              LABEL_CHANGED,
              form.stateId(),
              "label '" + labelled.label() + "' reads '" + CHANGED_TEXT + "'",
              path.contains("#") ? Fault.How.DOM : Fault.How.HTML,
              path,
              labelled.label().strip(),
              CHANGED_TEXT,
              scope));
    if (usable(submit))
      out.add(
          new Fault(
              CLICK_SWALLOWED + ":" + id,
              CLICK_SWALLOWED,
              form.stateId(),
              "clicks on '" + submit + "' do nothing",
              Fault.How.DOM,
              path,
              submit.strip(),
              null,
              scope));
    if (usable(submit))
      out.add(
          new Fault(
              BUTTON_REMOVED + ":" + id,
              BUTTON_REMOVED,
              form.stateId(),
              "button '" + submit + "' removed",
              Fault.How.DOM,
              path,
              submit.strip(),
              null,
              scope));
    return out;
  }

  /** A success message: a new text of a valid submission that is none of the values typed. */
  private static String successText(List<FormSubmission> submissions) {
    for (FormSubmission s : submissions) {
      if (!"valid".equals(s.kind()) || s.newTexts() == null) continue;
      for (String text : s.newTexts()) {
        if (!usable(text)) continue;
        boolean typed =
            s.values() != null
                && s.values().values().stream().filter(Objects::nonNull).anyMatch(text::contains);
        if (!typed) return text.strip();
      }
    }
    return null;
  }

  private static String resultPath(List<FormSubmission> submissions) {
    return submissions.stream()
        .filter(s -> "valid".equals(s.kind()) && s.resultUrl() != null)
        .map(s -> pathKey(s.resultUrl()))
        .findFirst()
        .orElse(null);
  }
}
