package io.testgen.worker.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import io.testgen.common.agents.observation.ValidationMessage;
import io.testgen.common.json.JsonMapperFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the validation messages a page shows after a form was submitted: the browser's own
 * (constraint validation, unless the submission loaded a new page) and visible error elements
 * (alerts, {@code .invalid-feedback}, {@code [id$=-error]}, ...), each tied to the field it names
 * or stands beside. One rule for Observation's form probes and Evolution's outcome reads.
 */
public final class ValidationMessages {
  private static final String SCRIPT =
      """
      ([formIndex, navigated]) => {
        const clean = (s) => (s || '').replace(/\\s+/g, ' ').trim().slice(0, 160);
        const visible = (el) => el.checkVisibility ? el.checkVisibility() : true;
        const out = [];
        // After a page load every empty required field of the new page is "invalid": not ours.
        const forms = navigated ? []
          : formIndex < 0 ? Array.from(document.forms) : [document.forms[formIndex]].filter(f => f);
        for (const form of forms) {
          for (const el of form.elements) {
            if (el.willValidate && !el.validity.valid)
              out.push({ field: el.name || el.id || '', text: clean(el.validationMessage), source: 'native' });
          }
        }
        const seen = new Set();
        const sel = '[role=alert],.error,.errors,.invalid-feedback,.field-error,.error-message,'
          + '.alert-danger,.text-danger,.form-error,[aria-live=assertive],.errorlist li,[id$=-error],'
          + '.has-error .help-inline,.has-error .help-block,.is-invalid ~ .invalid-feedback,'
          // a form's summary of what went wrong: Django's errornote, Rails' error_explanation,
          // GOV.UK's error summary, Bootstrap 2's alert-error, flash errors
          + '.errornote,#error_explanation,.error-summary,.govuk-error-summary,.alert-error,.flash-error';
        for (const el of document.querySelectorAll(sel)) {
          const text = clean(el.innerText);
          if (!text || seen.has(text) || !visible(el)) continue;
          seen.add(text);
          let field = '';
          if (el.id) {
            const owner = document.querySelector('[aria-describedby~="' + el.id + '"],[aria-errormessage="' + el.id + '"]');
            if (owner) field = owner.name || owner.id;
            else if (/-error$/.test(el.id)) field = el.id.replace(/-error$/, '');
          }
          if (!field) {
            let prev = el.previousElementSibling;
            while (prev && !/^(INPUT|SELECT|TEXTAREA)$/.test(prev.tagName)) prev = prev.previousElementSibling;
            if (prev) field = prev.name || prev.id;
          }
          if (!field) {
            const group = el.closest('.field,.form-group,.form-field,fieldset,p,div');
            const input = group && group.querySelector('input,select,textarea');
            if (input) field = input.name || input.id;
          }
          out.push({ field: field || null, text, source: 'page' });
          if (out.length >= 20) break;
        }
        return out;
      }
      """;

  private ValidationMessages() {}

  /**
   * The messages on the page; the browser's own only for the form at {@code formIndex} (every form
   * when negative) and only when the submission did not navigate. Empty when the page cannot be
   * read (closed, navigating).
   */
  public static List<ValidationMessage> read(Page page, int formIndex, boolean navigated) {
    List<ValidationMessage> out = new ArrayList<>();
    try {
      if (page.evaluate(SCRIPT, List.of(formIndex, navigated)) instanceof List<?> raw)
        for (Object o : raw)
          out.add(JsonMapperFactory.shared().convertValue(o, ValidationMessage.class));
    } catch (PlaywrightException e) {
      return new ArrayList<>();
    }
    return out;
  }
}
