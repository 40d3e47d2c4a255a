package io.harpou.bridge.api;

/** A path, once every link in it is followed, names something outside the folder it must stay in. */
public class OutsideRootException extends BridgeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception; {@code path} is the path as it was asked for, never its real target. */
  public OutsideRootException(String path) {
    super("the path must name a file inside its folder: " + path);
  }
}
