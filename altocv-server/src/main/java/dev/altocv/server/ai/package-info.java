/**
 * The AI seam of the server: the chat endpoint (Server-Sent Events), proposals stored and accepted edit by edit,
 * and {@link dev.altocv.server.ai.ChatEngine}, the port an AI provider adapter (altocv-ai) implements. Without
 * an engine the chat answers 503.
 */
@NullMarked
package dev.altocv.server.ai;

import org.jspecify.annotations.NullMarked;
