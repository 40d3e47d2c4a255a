/**
 * A scripted Ollama server for tests and the no-install hub: it speaks Ollama's HTTP API as LangChain4j's
 * {@code langchain4j-ollama} client uses it ({@code POST /api/chat} as one JSON object or streamed NDJSON,
 * {@code GET /api/tags}, {@code POST /api/show}, {@code GET /api/version}, {@code GET /api/ps},
 * {@code POST /api/embed} and the older {@code POST /api/embeddings}), and answers chat from a script instead of a
 * model.
 *
 * <h2>Using it from Java</h2>
 *
 * <pre>{@code
 * ScriptedOllama ollama = ScriptedOllama.create(vertx, new ScriptedOllamaOptions()).start().await();
 * ollama.addRule(OllamaMatch.userContains("kitchen")
 *     .thenReply(OllamaReply.toolCall("turn_on_light", new JsonObject().put("room", "kitchen"))).once());
 * ollama.addRule(OllamaMatch.toolResult("turn_on_light").thenReply(OllamaReply.text("Done, the light is on.")));
 * // ... point the client at ollama.baseUrl(), run the code under test ...
 * RecordedRequest first = ollama.takeRequest();
 * }</pre>
 *
 * <p>A chat request is answered by the first of: the next reply of the ordered queue ({@code enqueue}); the first
 * rule that matches (rules are tried in the order added, a one-shot rule is removed once used up); the fallback. The
 * built-in fallback repeats the user ("You said: ...") or, after a tool result, reports it ("Done: ..."), so that any
 * client gets an answer from a server with no script at all.
 *
 * <h2>Script JSON</h2>
 *
 * <p>The same script as a file (for {@code ScriptedOllamaMain --script FILE}) or under the {@code "script"} key of
 * the options:
 *
 * <pre>{@code
 * {
 *   "queue": [ REPLY, ... ],
 *   "rules": [
 *     { "when": { "user_contains": "kitchen" },
 *       "reply": { "tool_calls": [ { "name": "turn_on_light", "arguments": { "room": "kitchen" } } ] },
 *       "times": 1 },
 *     { "when": { "tool": "turn_on_light", "tool_result_contains": "on" },
 *       "reply": { "text": "The kitchen light is on." } }
 *   ],
 *   "fallback": { "text": "Sorry, I can't help with that." }
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@code when} (optional, absent = every request) holds any of {@code user_contains} (case-insensitive text of
 *       the last user message), {@code user_regex} (a Java regular expression found in it), {@code tool} (the name
 *       of the tool whose result ends the conversation) and {@code tool_result_contains} (case-insensitive text of
 *       that result). All given criteria must hold. Without tool criteria a rule answers only fresh turns (the last
 *       message is not a tool result); with them it answers only turns resumed by tool results.</li>
 *   <li>{@code times} (optional) is how many requests the rule answers; absent means it repeats for ever.</li>
 *   <li>A REPLY holds any of: {@code text}; {@code thinking} (sent in {@code message.thinking}, left out when the
 *       request says {@code "think": false}); {@code tool_calls}, each {@code {"name", "arguments": {...}}} or, to
 *       send malformed arguments, {@code {"name", "raw_arguments": "..."}} whose string is put where Ollama puts an
 *       object; {@code error}: {@code {"status": 500, "message": "..."}} answered as that HTTP status with Ollama's
 *       {@code {"error": "..."}} body; {@code delay_ms}, a wait before answering.</li>
 * </ul>
 *
 * <h2>What the answers look like</h2>
 *
 * <p>Non-streaming chat returns one object with {@code message.content}, {@code message.thinking},
 * {@code message.tool_calls} (each {@code {"id", "function": {"index", "name", "arguments"}}}), {@code done},
 * {@code done_reason}, the durations and the token counts. Streaming (the default when a request omits
 * {@code stream}, as with Ollama) sends the thinking then the text cut before each run of whitespace, one NDJSON
 * line each, then the tool calls in one line, then the final line with {@code "done": true}. Token counts are
 * words: {@code prompt_eval_count} over the messages and tool definitions, {@code eval_count} over the answer.
 *
 * <p>Embeddings are not from a model: each word and its character trigrams are hashed into a fixed-size vector
 * normalised to unit length, so texts sharing words are closer than unrelated ones, deterministically. The size is
 * {@link io.harpou.testkit.ollama.ScriptedOllamaOptions#getEmbeddingDimension()} unless the request asks for
 * {@code dimensions}.
 *
 * <h2>The OpenAI-compatible API</h2>
 *
 * <p>Like Ollama, the server also answers {@code POST /v1/chat/completions} and {@code GET /v1/models}
 * ({@link io.harpou.testkit.ollama.ScriptedOllama#openAiBaseUrl()}), from the same queue, rules and fallback; only the
 * encoding changes. Rules read OpenAI's messages the same way (a {@code tool} message names its call by
 * {@code tool_call_id}). Non-streaming answers are one {@code chat.completion} object; streaming answers
 * ({@code "stream": true}) are server-sent {@code chat.completion.chunk} events: the role, the thinking as
 * {@code delta.reasoning_content}, the text cut before each run of whitespace, each tool call opened with its id and
 * name then its arguments (a JSON string, or the raw text of a malformed call) in two pieces, a chunk with the
 * {@code finish_reason} ({@code stop} or {@code tool_calls}), a usage chunk when {@code stream_options.include_usage}
 * asks for it, and {@code data: [DONE]}. A scripted error is answered with OpenAI's
 * {@code {"error": {"message", "type"}}} body. Embeddings are served on Ollama's endpoints only.
 *
 * <p>The same chat is also served in Azure OpenAI's shape,
 * {@code POST /openai/deployments/{deployment}/chat/completions?api-version=...}: a request without
 * {@code api-version} gets 404 and one whose {@code api-key} header is not
 * {@link io.harpou.testkit.ollama.ScriptedOllamaOptions#getAzureApiKey()} gets 401, as from Azure; the deployment
 * stands for the model. Recorded requests keep their query and headers for assertions.
 */
package io.harpou.testkit.ollama;
