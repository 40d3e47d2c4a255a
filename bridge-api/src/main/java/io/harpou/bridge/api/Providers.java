package io.harpou.bridge.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * Finds plug-ins (tool providers, chat and embedding model providers, speech engines) with {@link ServiceLoader}: first
 * through the thread's context class loader, so application servers and plug-in folders work, then through the loader
 * of the plug-in's interface, so a plain class path works too. Two providers with one id are refused, naming both
 * classes, rather than one silently hiding the other; the same class seen through both loaders is one provider.
 */
public final class Providers {

  private Providers() {
  }

  /**
   * Every provider of {@code type} on the class path, by id, in the order found. Loading reads jars and may run
   * providers' static initialisers: call it off the event loop.
   *
   * @param type the plug-in interface, listed in {@code META-INF/services}
   * @param id how a provider names itself ({@code ToolProvider::id})
   * @throws BridgeException when two classes offer one id, or a listed class cannot be loaded
   */
  public static <T> Map<String, T> load(Class<T> type, Function<T, String> id) {
    Map<String, T> found = new LinkedHashMap<>();
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    if (context != null) {
      offerAll(ServiceLoader.load(type, context), id, found);
    }
    offerAll(ServiceLoader.load(type, type.getClassLoader()), id, found);
    return Collections.unmodifiableMap(found);
  }

  /**
   * Adds {@code provider} to {@code found} under its id.
   *
   * @throws BridgeException when another class already holds the id
   */
  public static <T> void add(Map<String, T> found, T provider, Function<T, String> id) {
    String name = id.apply(provider);
    T previous = found.putIfAbsent(name, provider);
    if (previous != null && !previous.getClass().getName().equals(provider.getClass().getName())) {
      throw new BridgeException("two providers share the id '" + name + "': " + previous.getClass().getName()
          + " and " + provider.getClass().getName());
    }
  }

  private static <T> void offerAll(ServiceLoader<T> loader, Function<T, String> id, Map<String, T> found) {
    try {
      for (T provider : loader) {
        add(found, provider, id);
      }
    } catch (ServiceConfigurationError e) {
      throw new BridgeException("a provider listed in META-INF/services cannot be loaded: " + e.getMessage(), e);
    }
  }
}
