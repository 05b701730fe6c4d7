package io.testgen.common.agents.observation;

/**
 * A write the crawl performed on the target (a non-GET form submission), so users know what test
 * data now exists.
 *
 * @param method HTTP method of the form, upper case (POST, PUT, ...)
 * @param url where the form was sent
 * @param resultUrl the page the app answered with or redirected to (the record created, when the
 *     app redirects to one); null when the submission did not lead to a page
 * @param formId the form submitted, as in {@link ObservationResult#forms()}
 * @param httpStatus status of the answer's document, null when none was loaded
 */
public record WriteInfo(
    String method, String url, String resultUrl, String formId, Integer httpStatus) {}
