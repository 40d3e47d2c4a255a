/** How the models' pool keeps its clients, health, budgets and ledger. */
package io.harpou.bridge.vertx.models.impl;
