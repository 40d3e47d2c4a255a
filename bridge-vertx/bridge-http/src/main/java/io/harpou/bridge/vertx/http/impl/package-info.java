/** The HTTP API's handlers, one per endpoint family, and its access guard. */
package io.harpou.bridge.vertx.http.impl;
