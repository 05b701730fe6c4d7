package io.testgen.testkit.sites.corpus.admin;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One model the admin manages, as a Django {@code ModelAdmin} declares it: its URL segments, names,
 * the fields of its add and change forms, list columns, search fields, the field its filter sidebar
 * filters by, and how its fields are validated.
 */
record AdminModel(
    String app,
    String model,
    String verbose,
    String plural,
    List<Field> addFields,
    List<Field> changeFields,
    List<String> columns,
    List<String> searchFields,
    String filterField,
    boolean superuserOnly) {

  enum Kind {
    TEXT,
    INT,
    DATE,
    SELECT,
    MULTI,
    CHECKBOX,
    PASSWORD
  }

  /**
   * @param choices value to label, computed from the store (authors change); empty for free input
   */
  record Field(
      String name,
      String label,
      Kind kind,
      boolean required,
      Function<AdminStore, Map<String, String>> choices) {
    static Field of(String name, String label, Kind kind, boolean required) {
      return new Field(name, label, kind, required, s -> Map.of());
    }
  }

  static final Map<String, String> GENRES =
      ordered(
          "fantasy",
          "Fantasy",
          "science-fiction",
          "Science fiction",
          "mystery",
          "Mystery",
          "history",
          "History",
          "poetry",
          "Poetry");

  static final Map<String, String> PERMISSIONS =
      ordered(
          "library.add_book", "Library | book | Can add book",
          "library.change_book", "Library | book | Can change book",
          "library.delete_book", "Library | book | Can delete book",
          "library.add_author", "Library | author | Can add author",
          "auth.add_user", "Authentication and Authorization | user | Can add user",
          "auth.change_user", "Authentication and Authorization | user | Can change user");

  static final AdminModel BOOK =
      new AdminModel(
          "library",
          "book",
          "book",
          "books",
          bookFields(),
          bookFields(),
          List.of("title", "author", "genre", "published"),
          List.of("title", "isbn"),
          "genre",
          false);

  static final AdminModel AUTHOR =
      new AdminModel(
          "library",
          "author",
          "author",
          "authors",
          authorFields(),
          authorFields(),
          List.of("name", "country", "born"),
          List.of("name"),
          "country",
          false);

  static final AdminModel USER =
      new AdminModel(
          "auth",
          "user",
          "user",
          "users",
          List.of(
              Field.of("username", "Username", Kind.TEXT, true),
              Field.of("password1", "Password", Kind.PASSWORD, true),
              Field.of("password2", "Password confirmation", Kind.PASSWORD, true)),
          List.of(
              Field.of("username", "Username", Kind.TEXT, true),
              Field.of("email", "Email address", Kind.TEXT, false),
              Field.of("is_staff", "Staff status", Kind.CHECKBOX, false),
              Field.of("is_superuser", "Superuser status", Kind.CHECKBOX, false),
              new Field("groups", "Groups", Kind.MULTI, false, AdminStore::groupChoices)),
          List.of("username", "email", "is_staff", "is_superuser"),
          List.of("username", "email"),
          "is_superuser",
          true);

  static final AdminModel GROUP =
      new AdminModel(
          "auth",
          "group",
          "group",
          "groups",
          groupFields(),
          groupFields(),
          List.of("name"),
          List.of("name"),
          null,
          true);

  static final List<AdminModel> ALL = List.of(GROUP, USER, AUTHOR, BOOK);

  static AdminModel find(String app, String model) {
    return ALL.stream()
        .filter(m -> m.app().equals(app) && m.model().equals(model))
        .findFirst()
        .orElse(null);
  }

  String changelistUrl() {
    return "/admin/" + app + "/" + model + "/";
  }

  /** The field the changelist links to each record by (its first column). */
  String titleField() {
    return columns.get(0);
  }

  private static List<Field> bookFields() {
    return List.of(
        Field.of("title", "Title", Kind.TEXT, true),
        new Field("author", "Author", Kind.SELECT, true, AdminStore::authorChoices),
        new Field("genre", "Genre", Kind.SELECT, true, s -> GENRES),
        Field.of("published", "Published", Kind.DATE, false),
        Field.of("isbn", "ISBN", Kind.TEXT, false),
        Field.of("pages", "Pages", Kind.INT, false));
  }

  private static List<Field> authorFields() {
    return List.of(
        Field.of("name", "Name", Kind.TEXT, true),
        Field.of("country", "Country", Kind.TEXT, false),
        Field.of("born", "Born", Kind.DATE, false));
  }

  private static List<Field> groupFields() {
    return List.of(
        Field.of("name", "Name", Kind.TEXT, true),
        new Field("permissions", "Permissions", Kind.MULTI, false, s -> PERMISSIONS));
  }

  /** Field name to Django's message for every invalid value; empty when all are valid. */
  static Map<String, String> validate(
      List<Field> fields, Map<String, String> values, AdminStore store) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (Field f : fields) {
      String v = values.getOrDefault(f.name(), "");
      if (v.isEmpty()) {
        if (f.required()) errors.put(f.name(), "This field is required.");
        continue;
      }
      switch (f.kind()) {
        case DATE -> {
          if (!isDate(v)) errors.put(f.name(), "Enter a valid date.");
        }
        case INT -> {
          if (!v.matches("[1-9]\\d{0,4}")) errors.put(f.name(), "Enter a whole number.");
        }
        case SELECT -> {
          if (!f.choices().apply(store).containsKey(v))
            errors.put(
                f.name(),
                "Select a valid choice. That choice is not one of the available choices.");
        }
        case MULTI -> {
          for (String one : v.split(","))
            if (!f.choices().apply(store).containsKey(one))
              errors.put(
                  f.name(),
                  "Select a valid choice. " + one + " is not one of the available choices.");
        }
        case PASSWORD -> {
          // Django's password validators, on the first of the two fields
          if (f.name().equals("password1") && v.length() < 8)
            errors.put(
                f.name(), "This password is too short. It must contain at least 8 characters.");
          else if (f.name().equals("password1") && v.matches("\\d+"))
            errors.put(f.name(), "This password is entirely numeric.");
        }
        default -> {
          if (f.name().equals("username") && !v.matches("[\\w.@+-]+"))
            errors.put(
                f.name(),
                "Enter a valid username. This value may contain only letters, numbers, and"
                    + " @/./+/-/_ characters.");
          if (f.name().equals("isbn") && !v.matches("\\d{13}"))
            errors.put(f.name(), "Enter an ISBN of 13 digits.");
          if (v.length() > 100)
            errors.put(f.name(), "Ensure this value has at most 100 characters.");
        }
      }
    }
    if (values.containsKey("password2")
        && !values.getOrDefault("password1", "").equals(values.get("password2")))
      errors.put("password2", "The two password fields didn’t match.");
    return errors;
  }

  private static boolean isDate(String v) {
    try {
      LocalDate.parse(v);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static Map<String, String> ordered(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) map.put(pairs[i], pairs[i + 1]);
    return java.util.Collections.unmodifiableMap(map);
  }
}
