package io.harpou.bridge.api.spi;

/** A plug-in interface for the discovery tests. */
public interface Greeter {

  /** The provider's id. */
  String id();

  /** Two test providers that claim one id. */
  interface Clashing extends Greeter {
  }

  /** The first provider. */
  final class English implements Greeter, Clashing {
    @Override
    public String id() {
      return "english";
    }
  }

  /** The second provider. */
  final class French implements Greeter {
    @Override
    public String id() {
      return "french";
    }
  }

  /** Claims the first provider's id. */
  final class Impostor implements Clashing {
    @Override
    public String id() {
      return "english";
    }
  }

  /** Seen only through a plug-in class loader. */
  final class PlugIn implements Greeter {
    @Override
    public String id() {
      return "plug-in";
    }
  }
}
