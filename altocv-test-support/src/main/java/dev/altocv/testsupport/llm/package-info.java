/**
 * Local HTTP servers on 127.0.0.1 that speak the OpenAI (chat completions, embeddings) and Anthropic (messages)
 * wire protocols, streamed and not, replaying scripted model turns in the providers' exact formats: text,
 * tool calls split across chunks, usage, errors (429 with Retry-After, 401...), a stream cut in the middle, a
 * server that never answers. Point the real SDK clients at {@code baseUrl()}.
 *
 * <pre>{@code
 * try (OpenAiServer server = OpenAiServer.start()) {
 *   server.enqueue(ScriptedTurn.create().text("Tightened ").text("your summary.")
 *       .toolCall("set_summary", "{\"summary\":\"...\",\"reason\":\"...\"}"));
 *   server.enqueue(ScriptedTurn.create().text("Done."));          // the answer after the tool results
 *   // ALTOCV_AI_PROVIDER=openai-compatible, ALTOCV_AI_BASE_URL=server.baseUrl(), ALTOCV_AI_MODEL=test
 *   ...
 *   RecordedRequest first = server.requests().get(0);             // what the SDK sent
 * }
 * }</pre>
 */
@NullMarked
package dev.altocv.testsupport.llm;

import org.jspecify.annotations.NullMarked;
