package io.harpou.testkit.ha.impl;

import io.harpou.testkit.ha.Faults;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The fault injector: one-shot faults matched by command type, plus auth rejection, reply stalling, refused
 * WebSocket handshakes and a lost REST reply.
 */
final class FaultsImpl implements Faults {

  /** What to do with a message. */
  enum Kind { DROP, DROP_REPLY, DELAY, FAIL }

  /** A pending one-shot fault. */
  record Pending(Kind kind, String type, long delayMillis, String code, String message) {
  }

  private final List<Pending> pending = new CopyOnWriteArrayList<>();
  private final Supplier<Set<WsSession>> sessions;
  private volatile boolean rejectAuth;
  private volatile boolean stall;
  private volatile boolean refuseWebSockets;
  private final AtomicBoolean dropRestReply = new AtomicBoolean();

  FaultsImpl(Supplier<Set<WsSession>> sessions) {
    this.sessions = sessions;
  }

  static Set<WsSession> newSessionSet() {
    return ConcurrentHashMap.newKeySet();
  }

  @Override
  public void dropNow() {
    sessions.get().forEach(WsSession::drop);
  }

  @Override
  public Faults dropOnNext(String type) {
    pending.add(new Pending(Kind.DROP, type, 0, null, null));
    return this;
  }

  @Override
  public Faults dropReplyOfNext(String type) {
    pending.add(new Pending(Kind.DROP_REPLY, type, 0, null, null));
    return this;
  }

  @Override
  public Faults dropNextRestServiceReply() {
    dropRestReply.set(true);
    return this;
  }

  @Override
  public Faults refuseWebSockets(boolean refuse) {
    this.refuseWebSockets = refuse;
    return this;
  }

  @Override
  public Faults delayNext(String type, Duration delay) {
    if (delay == null || delay.isNegative()) {
      throw new IllegalArgumentException("delay must be positive");
    }
    pending.add(new Pending(Kind.DELAY, type, Math.max(1, delay.toMillis()), null, null));
    return this;
  }

  @Override
  public Faults failNext(String type, String code, String message) {
    if (code == null || message == null) {
      throw new IllegalArgumentException("code and message are required");
    }
    pending.add(new Pending(Kind.FAIL, type, 0, code, message));
    return this;
  }

  @Override
  public Faults rejectAuth(boolean reject) {
    this.rejectAuth = reject;
    return this;
  }

  @Override
  public Faults stallReplies(boolean stall) {
    this.stall = stall;
    if (!stall) {
      sessions.get().forEach(WsSession::flushLater);
    }
    return this;
  }

  @Override
  public void reset() {
    pending.clear();
    rejectAuth = false;
    refuseWebSockets = false;
    dropRestReply.set(false);
    stallReplies(false);
  }

  boolean authRejected() {
    return rejectAuth;
  }

  boolean stalled() {
    return stall;
  }

  boolean webSocketsRefused() {
    return refuseWebSockets;
  }

  /** True once for the REST service call whose reply is to be lost. */
  boolean takeRestReplyDrop() {
    return dropRestReply.getAndSet(false);
  }

  /** Takes the first pending fault that matches this command type, if any. */
  synchronized Pending take(String type) {
    Iterator<Pending> it = pending.iterator();
    while (it.hasNext()) {
      Pending p = it.next();
      if (p.type() == null || p.type().equals(type)) {
        pending.remove(p);
        return p;
      }
    }
    return null;
  }
}
