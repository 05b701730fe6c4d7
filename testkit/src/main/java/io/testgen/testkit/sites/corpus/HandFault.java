package io.testgen.testkit.sites.corpus;

/**
 * A hand-written fault of a corpus app: a bug a developer could really ship (the save handler drops
 * the phone number, a filter shows the wrong rows), built into the app itself and switched on by
 * {@link FaultSwitch#inject}. Kept apart from TestGen's own mutation operators, so a suite's score
 * on these faults is a second opinion on its oracles.
 *
 * @param id a stable kebab-case name, unique within its app
 * @param description what a user would see go wrong
 */
public record HandFault(String id, String description) {
  public HandFault {
    if (id == null || !id.matches("[a-z0-9]+(-[a-z0-9]+)*"))
      throw new IllegalArgumentException("fault id must be kebab-case: " + id);
    if (description == null || description.isBlank())
      throw new IllegalArgumentException("fault " + id + " needs a description");
  }
}
