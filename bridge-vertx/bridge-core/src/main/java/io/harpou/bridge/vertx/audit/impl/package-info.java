/** The SQLite implementation of the audit log. */
package io.harpou.bridge.vertx.audit.impl;
