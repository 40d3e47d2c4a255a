/** The PostgreSQL tables and their statements. */
package io.harpou.bridge.vertx.store.pg.impl;
