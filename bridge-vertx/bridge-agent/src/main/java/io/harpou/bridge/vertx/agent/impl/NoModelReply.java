package io.harpou.bridge.vertx.agent.impl;

import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.home.ConnectionState;
import io.harpou.bridge.api.home.HomeGateway;

/**
 * The answer when no interpreter handled a turn and no model is configured. The local matcher knows the home only
 * through Home Assistant, so when that link is down, the true reason is the link, not the missing model.
 */
final class NoModelReply {

  private NoModelReply() {
  }

  /** The reply for {@code u}, given the home's link ({@code home} null when no Home Assistant is configured). */
  static Reply of(Utterance u, HomeGateway home) {
    boolean french = u.language().startsWith("fr");
    if (PendingConfirmations.isYes(u.text()) || PendingConfirmations.isNo(u.text())) {
      // A bare yes or no with nothing of this asker's waiting: say so, rather than what the hub cannot do.
      return Reply.answer(french ? "Rien n'attend votre confirmation pour l'instant."
          : "There's nothing waiting for your confirmation right now.", u.conversationId());
    }
    String where = home == null || home.url() == null ? "" : (french ? " à l'adresse " : " at ") + home.url();
    ConnectionState link = home == null ? null : home.connectionState();
    String speech;
    if (home == null) {
      speech = french ? "Aucun Home Assistant n'est configuré (HARPOU_HA_URL) et aucun modèle de langage non plus"
          + " (HARPOU_OLLAMA_URL) : je ne peux pas répondre à cela."
          : "No Home Assistant is configured (HARPOU_HA_URL) and no language model either (HARPOU_OLLAMA_URL), so"
          + " I can't answer that.";
    } else if (link == ConnectionState.AUTH_FAILED) {
      speech = french ? "Home Assistant" + where + " a refusé mon jeton d'accès, je ne peux donc pas agir sur la"
          + " maison ; vérifiez HARPOU_HA_TOKEN."
          : "Home Assistant" + where + " rejected my access token, so I can't act on the home; check"
          + " HARPOU_HA_TOKEN.";
    } else if (link != ConnectionState.CONNECTED) {
      speech = french ? "Je n'arrive pas à joindre Home Assistant" + where + " pour l'instant, je ne peux donc pas"
          + " agir sur la maison."
          : "I can't reach Home Assistant" + where + " right now, so I can't act on the home.";
    } else {
      speech = french ? "Je ne sais traiter que les commandes de la maison pour l'instant ; configurez"
          + " HARPOU_OLLAMA_URL pour me demander autre chose."
          : "I can only handle home commands right now; configure HARPOU_OLLAMA_URL to ask me anything else.";
    }
    return Reply.error(speech, u.conversationId());
  }
}
