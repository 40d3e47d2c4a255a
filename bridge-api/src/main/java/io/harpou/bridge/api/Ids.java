package io.harpou.bridge.api;

/**
 * The one rule for identifiers that arrive from outside (conversation ids, satellite ids, user names) and end up in
 * logs, the database and events: 1 to {@value #MAX_LENGTH} characters, each of them visible or an inner space. Home
 * Assistant's ULIDs and UUIDs, Open WebUI's chat ids and names such as {@code kitchen-chat} or {@code Zoé} pass; a
 * NUL, a newline, a tab, a bidirectional override or a zero-width character does not, so an id can never forge a log
 * line, hide in a list or look like another one. Every door checks ids with this class and answers a bad one with a
 * client error; the records that carry ids check them again.
 */
public final class Ids {

  /** The longest id accepted, in UTF-16 characters. */
  public static final int MAX_LENGTH = 128;

  private Ids() {
  }

  /** True when {@code value} is a valid id. */
  public static boolean isValid(String value) {
    return defect(value) == null;
  }

  /**
   * What is wrong with {@code value} as an id, as a message naming {@code what} (for example
   * {@code "'conversation_id'"}), or null when it is valid. The message never repeats the value, which may hold
   * characters that must not reach a log.
   */
  public static String problem(String value, String what) {
    String defect = defect(value);
    return defect == null ? null
        : what + " must be 1 to " + MAX_LENGTH + " visible characters (inner spaces allowed); it " + defect;
  }

  /**
   * Returns {@code value} when it is a valid id.
   *
   * @throws IllegalArgumentException with the {@link #problem} message otherwise
   */
  public static String require(String value, String what) {
    String problem = problem(value, what);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    return value;
  }

  private static String defect(String value) {
    if (value == null || value.isEmpty()) {
      return "is empty";
    }
    if (value.length() > MAX_LENGTH) {
      return "is " + value.length() + " characters long";
    }
    if (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ') {
      return "starts or ends with a space";
    }
    for (int i = 0; i < value.length(); ) {
      int c = value.codePointAt(i);
      if (!allowed(c)) {
        return String.format("holds U+%04X at position %d, which is not a visible character", c, i + 1);
      }
      i += Character.charCount(c);
    }
    return null;
  }

  /** Letters, marks, digits, punctuation, symbols and the plain space; never controls, formats or separators. */
  private static boolean allowed(int c) {
    if (c == ' ') {
      return true;
    }
    return switch (Character.getType(c)) {
      case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
          Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
      default -> true;
    };
  }
}
