package io.harpou.bridge.vertx.voice;

import io.harpou.bridge.api.agent.Agent;
import io.harpou.bridge.api.agent.ChatHistory;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.vertx.core.Future;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** An agent that records what it is asked and answers with a scripted reply. */
final class RecordingAgent implements Agent {

  final List<Utterance> asked = new CopyOnWriteArrayList<>();
  volatile Function<Utterance, Reply> script;

  RecordingAgent(String speech) {
    this.script = u -> Reply.answer(speech, u.conversationId());
  }

  @Override
  public Future<Reply> ask(Utterance utterance, ChatHistory history) {
    asked.add(utterance);
    return Future.succeededFuture(script.apply(utterance));
  }
}
