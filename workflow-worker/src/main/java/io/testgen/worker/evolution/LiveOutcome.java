package io.testgen.worker.evolution;

import io.testgen.common.agents.observation.ValidationMessage;
import java.util.List;

/**
 * What the app did when a scenario ran live, with this run's unique suffix put back as {@code
 * {{unique}}} so the texts can be asserted by any later run.
 *
 * @param passed whether every action could be performed
 * @param error the first line of the error when an action failed
 * @param status the highest HTTP status of a page load after the submit (null: no page load)
 * @param newTexts short texts that appeared after the submit, in page order
 * @param removedTexts short texts that were shown before the submit and are gone after it
 * @param messages validation messages, with the field they belong to where known
 * @param dialogs messages of dialogs the page opened (dismissed)
 * @param scriptRan whether a typed probe script set its global
 * @param submits the names of the page's form submit controls outside its header, navigation and
 *     footer, in page order (a confirmation page's "Yes, I'm sure")
 * @param firstRow the first row of the page's main list before and after the action, read only for
 *     a run that turns a list's page ({@link LiveRun.Expect#NEXT_PAGE}); null otherwise or when the
 *     page shows no list
 */
record LiveOutcome(
    boolean passed,
    String error,
    String url,
    String title,
    Integer status,
    List<String> newTexts,
    List<String> removedTexts,
    List<ValidationMessage> messages,
    List<String> dialogs,
    boolean scriptRan,
    String heading,
    List<String> submits,
    NextPage.FirstRow firstRow) {

  boolean rejected() {
    return !messages.isEmpty() || (status != null && status >= 400);
  }
}
