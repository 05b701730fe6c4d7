package io.testgen.common.agents.observation;

import java.util.List;
import java.util.Map;

/**
 * What the app did when Observation submitted a form.
 *
 * @param kind valid (synthetic valid values) or empty_required (required fields left empty)
 * @param values the values typed, by field name (never credentials)
 * @param resultUrl URL after submission
 * @param resultStateId state reached, if recorded
 * @param validationMessages messages shown, with the field they appeared next to where known
 * @param newTexts short texts that appeared (success messages, list items)
 */
public record FormSubmission(
    String kind,
    Map<String, String> values,
    String resultUrl,
    boolean urlChanged,
    String resultStateId,
    Integer httpStatus,
    List<ValidationMessage> validationMessages,
    List<String> newTexts) {}
