package io.testgen.common.workflow;

import io.temporal.common.SearchAttributeKey;
import java.util.List;

/**
 * Custom search attributes of a generation run. They must be registered on the Temporal namespace
 * (`temporal operator search-attribute create`); {@link #ALL} lists them for scripts and tests.
 */
public final class SearchAttributes {
  /** Host of the target URL, e.g. {@code shop.example.com}. */
  public static final SearchAttributeKey<String> TARGET_HOST =
      SearchAttributeKey.forKeyword("TargetHost");

  /** Current stage: observation, requirements, awaiting_review, analysis, evolution, done. */
  public static final SearchAttributeKey<String> STAGE = SearchAttributeKey.forKeyword("Stage");

  /** The user who started the run; the gateway filters every read by it. */
  public static final SearchAttributeKey<String> OWNER = SearchAttributeKey.forKeyword("Owner");

  /** All custom keys, for registration. */
  public static final List<SearchAttributeKey<String>> ALL = List.of(TARGET_HOST, STAGE, OWNER);

  private SearchAttributes() {}
}
