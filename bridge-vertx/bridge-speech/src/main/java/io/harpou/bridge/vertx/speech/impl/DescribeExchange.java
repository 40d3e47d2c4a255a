package io.harpou.bridge.vertx.speech.impl;

import io.harpou.wyoming.WyomingConnection;
import io.harpou.wyoming.WyomingMessage;
import io.harpou.wyoming.info.Info;
import io.harpou.wyoming.message.Control;
import io.vertx.core.Future;

/** Asks a Wyoming service what it offers: {@code describe}, answered by {@code info}. */
final class DescribeExchange extends WyomingExchange<Info> {

  @Override
  protected Future<Void> begin(WyomingConnection connection) {
    return connection.write(new Control.Describe());
  }

  @Override
  protected void onMessage(WyomingMessage message) {
    if (message instanceof Info info) {
      complete(info);
    }
  }
}
