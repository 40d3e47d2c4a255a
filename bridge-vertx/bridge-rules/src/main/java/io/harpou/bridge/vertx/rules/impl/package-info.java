/** The rule engine, its store, delivery and the tool behind "tell me when". */
package io.harpou.bridge.vertx.rules.impl;
