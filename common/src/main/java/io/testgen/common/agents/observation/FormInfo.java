package io.testgen.common.agents.observation;

import java.util.List;

/**
 * A form on a state.
 *
 * @param purpose inferred purpose: login, logout, search, signup, create, contact, delete, account
 *     (accounts, credentials, permissions, roles), own_account (the password, record or deletion of
 *     the account the run signs in with: never submitted, never tested), payment, send, generic
 */
public record FormInfo(
    String formId,
    String stateId,
    String action,
    String method,
    String purpose,
    List<FieldInfo> fields,
    ElementInfo submit,
    List<FormSubmission> submissions) {

  /** The purpose of a form that changes the account the run signs in with. */
  public static final String OWN_ACCOUNT = "own_account";
}
