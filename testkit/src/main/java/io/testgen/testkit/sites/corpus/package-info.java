/**
 * The fixture corpus: apps shaped like the ones users really test, each with its ground truth
 * written down beside it ({@code corpus/<name>.json}), so quality is measured, never guessed.
 *
 * <ul>
 *   <li>{@code crud-shop} ({@link io.testgen.testkit.sites.corpus.shop.CrudShopApp}):
 *       server-rendered CRUD like Spring PetClinic; customers → orders → shipments; one {@code
 *       <title>} on every page.
 *   <li>{@code todo-spa}, {@code todo-wc} ({@link io.testgen.testkit.sites.corpus.todo.TodoApp}):
 *       TodoMVC in plain JavaScript and as custom elements with open shadow roots.
 *   <li>{@code admin} ({@link io.testgen.testkit.sites.corpus.admin.AdminApp}): a Django-admin-like
 *       app behind a CSRF-protected login as the user {@code admin}.
 *   <li>{@code hostile} ({@link io.testgen.testkit.sites.corpus.HostileApp}): crawler traps and
 *       error pages.
 * </ul>
 *
 * <p>A feature is exercised when every proof entry of it matches a request in the server's log
 * ({@link io.testgen.testkit.sites.FixtureServer#requests()}); single-page apps prove their DOM
 * changes by telemetry ({@code POST /__events/<type>}, sent by the app's own script). Outcomes that
 * method, path and status cannot tell apart (a search with several hits or none) are named by the
 * app in its {@code X-Fixture-Outcome} response header, recorded as {@link
 * io.testgen.testkit.sites.RecordedRequest#outcome()}. Every app runs standalone: {@code java -cp
 * ... io.testgen.testkit.sites.corpus.shop.CrudShopApp 8091}.
 */
package io.testgen.testkit.sites.corpus;
