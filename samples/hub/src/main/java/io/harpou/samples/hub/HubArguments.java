package io.harpou.samples.hub;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command line as the hub and its tools read it: {@code --config FILE}, Harpou's own flags ({@code --data-dir DIR},
 * ... see {@link ConfigKey}; {@code --flag=value} works too), and the rest, in order.
 *
 * @param configFile the {@code --config} file, or null
 * @param flags Harpou's flags by name
 * @param rest every other argument
 */
public record HubArguments(String configFile, Map<String, String> flags, List<String> rest) {

  /** Copies the collections. */
  public HubArguments {
    flags = Map.copyOf(flags);
    rest = List.copyOf(rest);
  }

  /** Splits {@code args}; a flag without its value is left in the rest. */
  public static HubArguments parse(String[] args) {
    String config = null;
    Map<String, String> flags = new LinkedHashMap<>();
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      int equals = arg.indexOf('=');
      String name = arg.startsWith("--") && equals > 0 ? arg.substring(0, equals) : arg;
      boolean inline = !name.equals(arg);
      boolean known = name.equals("--config") || ConfigKey.ALL.stream().anyMatch(k -> name.equals(k.flag()));
      if (!known || (!inline && i + 1 >= args.length)) {
        rest.add(arg);
        continue;
      }
      String value = inline ? arg.substring(equals + 1) : args[++i];
      if (name.equals("--config")) {
        config = value;
      } else {
        flags.put(name, value);
      }
    }
    return new HubArguments(config, flags, rest);
  }
}
