package io.harpou.wyoming;

/**
 * Anything that can be sent as one Wyoming event: the generic {@link WyomingEvent} itself or a typed message from
 * {@code io.harpou.wyoming.message} / {@code io.harpou.wyoming.info}.
 */
public interface WyomingMessage {

  /**
   * Converts this message to the generic event that travels on the wire.
   *
   * @return the event, never {@code null}
   */
  WyomingEvent toEvent();
}
