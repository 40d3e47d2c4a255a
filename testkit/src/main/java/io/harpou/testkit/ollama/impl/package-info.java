/** The implementation of the scripted Ollama server: routing, script playing, reply encoding, hashed embeddings. */
package io.harpou.testkit.ollama.impl;
