package dev.altocv.testsupport.llm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One scripted answer of a model, independent of the wire protocol: text pieces (one stream chunk each), tool
 * calls (their arguments split across chunks), the stop reason and usage. Each server renders it in its own
 * format. Mutable builder; enqueue it once.
 */
public final class ScriptedTurn implements ScriptedReply {

  /** A tool call of the turn. */
  public record Call(String id, String name, String arguments) {}

  private final List<String> text = new ArrayList<>();
  private final List<Call> calls = new ArrayList<>();
  private @Nullable String stop;
  private long inputTokens = 100;
  private long outputTokens = 20;
  private int chunkSize = 7;
  private int cutAfterEvents = -1;
  private Duration delay = Duration.ZERO;

  private ScriptedTurn() {}

  /**
   * An empty turn.
   *
   * @return the turn
   */
  public static ScriptedTurn create() {
    return new ScriptedTurn();
  }

  /**
   * Appends a piece of text (one chunk when streamed).
   *
   * @param piece the text
   * @return this turn
   */
  public ScriptedTurn text(String piece) {
    text.add(piece);
    return this;
  }

  /**
   * Appends a tool call with a generated id.
   *
   * @param name the tool
   * @param arguments the arguments as JSON text (may be deliberately malformed)
   * @return this turn
   */
  public ScriptedTurn toolCall(String name, String arguments) {
    calls.add(new Call("call_" + Integer.toHexString(System.identityHashCode(this)) + "_" + calls.size(), name,
        arguments));
    return this;
  }

  /**
   * Sets the stop reason (default: tool calls when there are any, else the end of the turn), in the
   * protocol-neutral words {@code stop}, {@code tool_calls} or {@code length}.
   *
   * @param reason the reason
   * @return this turn
   */
  public ScriptedTurn stop(String reason) {
    stop = reason;
    return this;
  }

  /**
   * Sets the usage reported.
   *
   * @param input prompt tokens
   * @param output output tokens
   * @return this turn
   */
  public ScriptedTurn usage(long input, long output) {
    inputTokens = input;
    outputTokens = output;
    return this;
  }

  /**
   * Splits tool-call arguments into chunks of this many characters (default 7).
   *
   * @param n characters per chunk
   * @return this turn
   */
  public ScriptedTurn chunkSize(int n) {
    chunkSize = Math.max(1, n);
    return this;
  }

  /**
   * Cuts the connection after this many stream events (the body ends early; no end-of-stream marker).
   *
   * @param events events sent before the cut
   * @return this turn
   */
  public ScriptedTurn cutAfter(int events) {
    cutAfterEvents = events;
    return this;
  }

  /**
   * Waits before answering.
   *
   * @param d the wait
   * @return this turn
   */
  public ScriptedTurn delay(Duration d) {
    delay = d;
    return this;
  }

  List<String> textPieces() {
    return text;
  }

  List<Call> calls() {
    return calls;
  }

  String stopReason() {
    if (stop != null) {
      return stop;
    }
    return calls.isEmpty() ? "stop" : "tool_calls";
  }

  long inputTokens() {
    return inputTokens;
  }

  long outputTokens() {
    return outputTokens;
  }

  int cutAfterEvents() {
    return cutAfterEvents;
  }

  Duration delay() {
    return delay;
  }

  List<String> split(String s) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < s.length(); i += chunkSize) {
      out.add(s.substring(i, Math.min(s.length(), i + chunkSize)));
    }
    if (out.isEmpty()) {
      out.add("");
    }
    return out;
  }
}
