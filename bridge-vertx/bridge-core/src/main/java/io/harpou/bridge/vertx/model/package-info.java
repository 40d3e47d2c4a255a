/** The plug-in interface of language and embedding models, and how to find one. */
package io.harpou.bridge.vertx.model;
