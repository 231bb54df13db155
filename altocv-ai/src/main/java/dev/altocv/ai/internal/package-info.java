/**
 * Internal: the machinery behind altocv-ai's public API (tools, guards, the conversation engine, provider
 * adapters). Do not depend on it: it changes without notice. Provider SDK types appear only in the
 * {@code openai}, {@code anthropic} and {@code local} sub-packages.
 */
@NullMarked
package dev.altocv.ai.internal;

import org.jspecify.annotations.NullMarked;
